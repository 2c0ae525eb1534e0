/**
 * Child process of scenario 8: one input given to the component as the platform gives it, against a simulator that runs
 * in the parent (its credential in BENCH_SIMULATOR), so that only the component's memory is measured.
 * `--mode sync`: the whole JSON array of the file in one Sync records message. `--mode upsert`: one Upsert Object
 * message per record, one after another, as a step takes its messages.
 * Usage: BENCH_SIMULATOR='{...}' node dist/bench/catalogSyncRun.js --mode sync|upsert --input records.json
 * Prints one JSON line: {records, emitted, ms, maxRssKb, heldKb}; `heldKb` is the heap still used after a forced GC at
 * the end (run with --expose-gc), the input still referenced, as the platform holds a message until its step is done.
 */
import { readFileSync } from 'node:fs';
import * as syncRecords from '../lib/actions/syncRecords';
import * as upsertObject from '../lib/actions/upsertObject';
import { StepConfig } from '../lib/runtime/context';
import { SIMULATOR_ENV } from './memoryRunReport';
import { noopContext } from './noopContext';

const USAGE = 'usage: catalogSyncRun.js --mode sync|upsert --input records.json (with BENCH_SIMULATOR set)';

function argument(argv: string[], name: string): string {
  const value = argv[argv.indexOf(name) + 1];
  if (!argv.includes(name) || value === undefined) throw new Error(USAGE);
  return value;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const mode = argument(argv, '--mode');
  const raw = process.env[SIMULATOR_ENV];
  if (!raw || (mode !== 'sync' && mode !== 'upsert')) throw new Error(USAGE);
  const step: StepConfig = { ...(JSON.parse(raw) as StepConfig), objectType: 'Item', matchField: 'customSku' };
  const records = JSON.parse(readFileSync(argument(argv, '--input'), 'utf8')) as unknown[];
  const context = noopContext();
  const started = performance.now();
  if (mode === 'sync') await syncRecords.process.call(context, { id: 'bench', body: { records }, headers: {} }, step);
  else for (const [index, record] of records.entries()) await upsertObject.process.call(context, { id: `bench-${index}`, body: record, headers: {} }, step);
  const expected = mode === 'sync' ? 1 : records.length;
  if (context.counts.data !== expected) throw new Error(`${mode}: emitted ${context.counts.data} messages, expected ${expected}`);
  const ms = Math.round(performance.now() - started);
  const maxRssKb = process.resourceUsage().maxRSS;
  (globalThis as { gc?: () => void }).gc?.();
  const heldKb = Math.round(process.memoryUsage().heapUsed / 1024);
  const report = { records: records.length, emitted: context.counts.data, ms, maxRssKb, heldKb };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
