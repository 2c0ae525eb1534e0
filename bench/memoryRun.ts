/**
 * Child process of scenario 3: one full poll with emitIndividually into a no-op emit, against a simulator that runs
 * in the parent process (its URL and credential come in BENCH_SIMULATOR), so only the poll's memory is measured.
 * Usage: BENCH_SIMULATOR='{"environmentUrl":...}' node dist/bench/memoryRun.js --items N
 * Prints one JSON line (MemoryRunReport).
 */
import { StepConfig } from '../lib/runtime/context';
import { MemoryRunReport, SIMULATOR_ENV } from './memoryRunReport';
import { assertEmittedAll, pollEverything } from './pollRun';

function itemsArgument(argv: string[]): number {
  const index = argv.indexOf('--items');
  const items = Number(argv[index + 1]);
  if (index < 0 || !Number.isInteger(items) || items <= 0) throw new Error('usage: memoryRun.js --items N (with BENCH_SIMULATOR set)');
  return items;
}

function simulatorCredential(): StepConfig {
  const raw = process.env[SIMULATOR_ENV];
  if (!raw) throw new Error(`${SIMULATOR_ENV} must hold the simulator's credential as JSON`);
  return JSON.parse(raw) as StepConfig;
}

async function main(): Promise<void> {
  const items = itemsArgument(process.argv.slice(2));
  const outcome = await pollEverything({ ...simulatorCredential(), objectType: 'Item', emitBehavior: 'emitIndividually', pageSize: 100 });
  assertEmittedAll(outcome, items, 'memory run');
  const report: MemoryRunReport = {
    items, emitted: outcome.emitted, ms: outcome.ms,
    maxRssKb: process.resourceUsage().maxRSS, heapUsedKb: Math.round(process.memoryUsage().heapUsed / 1024),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
