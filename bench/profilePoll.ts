/**
 * Where scenario 4's time goes: runs the poll (unthrottled simulator in this process, emitIndividually into a
 * no-op emit) a few times to warm up, then profiles further runs with the V8 CPU profiler and prints the summary
 * (see cpuProfileSummary.ts). The raw profile is written next to the results, for Chrome DevTools.
 *   node dist/bench/profilePoll.js [--items 10000] [--runs 10]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startSimulator } from '../simulator';
import { printSummary, summarize } from './cpuProfileSummary';
import { profiled } from './cpuProfiler';
import { assertEmittedAll, pollEverything } from './pollRun';
import { RESULTS_DIR } from './resultsWriter';
import { restoreDefaults } from './simulatorSession';

const WARM_UP_RUNS = 3;

function numberArgument(argv: string[], flag: string, fallback: number): number {
  const index = argv.indexOf(flag);
  if (index < 0) return fallback;
  const value = Number(argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} needs a positive whole number`);
  return value;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const items = numberArgument(argv, '--items', 10_000);
  const runs = numberArgument(argv, '--runs', 10);
  restoreDefaults();
  const sim = await startSimulator({ items, archivedItems: 0, rateLimit: false });
  try {
    const step = { ...sim.credentials, objectType: 'Item' };
    const poll = async (label: string): Promise<number> => {
      const outcome = await pollEverything(step);
      assertEmittedAll(outcome, items, 'profiled poll');
      process.stderr.write(`${label}: ${Math.round(items / (outcome.ms / 1000))} records/s\n`);
      return outcome.ms;
    };
    for (let run = 1; run <= WARM_UP_RUNS; run++) await poll(`warm-up ${run}`);
    const { result: polledMs, profile } = await profiled(async () => {
      let total = 0;
      for (let run = 1; run <= runs; run++) total += await poll(`profiled ${run}`);
      return total;
    });
    const file = path.join(RESULTS_DIR, 'overhead.cpuprofile');
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    console.log(`${runs} polls of ${items} records: ${polledMs.toFixed(0)} ms; profile: ${file}`);
    printSummary(summarize(profile), 25);
  } finally {
    await sim.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
