/**
 * Scenario 8: a nightly catalog sync at Lightspeed's default bucket (90 drips, 1 per second), on time that runs 20 times
 * faster for the simulator and the component alike (bench/scaledClock.ts, as scenario 6). 10,000 Items; the ERP's
 * catalog of 10,000 records by customSku (5% differing, 1% new) in one Sync records message, then the same message
 * again; per-message Upsert, and Lookup + Update Object (a write for every record, as Upsert did before it compared),
 * on the first 500 records of the same input (the same mix), scaled to 10,000; 10,000
 * stock levels (5% different) in one Set Stock Level message. Drips are what the answers' X-LS-API-Request-Cost add
 * up to. Peak RSS is measured in processes of their own (dist/bench/catalogSyncRun.js), as scenarios 3 and 7 do.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as setStockLevel from '../lib/actions/setStockLevel';
import * as syncRecords from '../lib/actions/syncRecords';
import * as createObject from '../lib/actions/createObject';
import * as lookupObjectById from '../lib/actions/lookupObjectById';
import * as updateObject from '../lib/actions/updateObject';
import * as upsertObject from '../lib/actions/upsertObject';
import { resetConnections } from '../lib/client/connections';
import { HandlerContext, IncomingMessage, StepConfig } from '../lib/runtime/context';
import { setClientOverrides } from '../lib/runtime/session';
import type { SyncSummary } from '../lib/runtime/sync/outcomes';
import { Simulator, SimulatorOptions, startSimulator } from '../simulator';
import { CatalogRecord, catalogInput, expectedOutcomes, stockDiffers, stockInput } from './catalogSyncInput';
import { addLines, BUCKET, CatalogSyncFigures, RunCost, TARGETS } from './catalogSyncFigures';
import { DripMeter } from './dripMeter';
import { SIMULATOR_ENV } from './memoryRunReport';
import { median } from './numbers';
import { lastJsonLine, runNodeMeasured } from './peakRss';
import { scaledClock } from './scaledClock';
import { BenchMode, LineBuilder, Scenario } from './scenario';
import { noopContext } from './noopContext';

const TITLE = '8 catalog sync (Sync records, Set Stock Level list)';
/** Simulated seconds per real second: a drip every 50 ms. */
const TIME_SCALE = 20;
const BASELINE_BYTES = 1024;

interface Size {
  records: number;
  /** Records of the per-message Upsert sample: the first of the same input. */
  sample: number;
  levels: number;
  /** Child runs per peak RSS (median). */
  runs: number;
}

const SIZES: Record<'full' | 'quick', Size> = {
  full: { records: 10_000, sample: 500, levels: 10_000, runs: 3 },
  quick: { records: 1_000, sample: 100, levels: 1_000, runs: 1 },
};

const SIMULATOR: Partial<SimulatorOptions> = { archivedItems: 0, customers: 0, sales: 0, tieGroupSize: 0 };

/** A fresh simulator on scaled time with Lightspeed's default bucket, and a client that meters the drips. */
async function meteredSimulator(items: number): Promise<{ sim: Simulator; meter: DripMeter; now: () => number }> {
  const clock = scaledClock({ origin: Date.now(), scale: TIME_SCALE });
  const meter = new DripMeter();
  resetConnections();
  setClientOverrides({ clock, transport: meter });
  const sim = await startSimulator({
    ...SIMULATOR, items, rateLimit: true, ...BUCKET, burstLimit: null, costModel: 'current', now: clock.now, tokenLifetimeSeconds: 30 * 86_400, logLimit: 1_000,
  });
  return { sim, meter, now: clock.now };
}

/** Runs `work` and returns what it cost, from a meter read before and after. */
async function costOf(records: number, meter: DripMeter, now: () => number, work: () => Promise<void>): Promise<RunCost> {
  const before = { drips: meter.drips, requests: meter.requests, rateLimited: meter.rateLimited };
  const started = now();
  await work();
  return {
    records, drips: Math.round((meter.drips - before.drips) * 1000) / 1000, requests: meter.requests - before.requests,
    rateLimited: meter.rateLimited - before.rateLimited, seconds: (now() - started) / 1000,
  };
}

/** Calls a handler's `process` as sailor would, with a context that keeps the bodies it emits. */
async function call(handler: { process(this: HandlerContext, msg: IncomingMessage, cfg: StepConfig): Promise<unknown> }, body: unknown, step: StepConfig): Promise<unknown[]> {
  const emitted: unknown[] = [];
  await handler.process.call(noopContext((message) => emitted.push(message.body)), { id: 'bench', body, headers: {} }, step);
  return emitted;
}

function expectSummary(label: string, emitted: unknown[], expected: Partial<SyncSummary>): SyncSummary {
  const summary = emitted[0] as SyncSummary;
  const counts = { created: summary.created, updated: summary.updated, unchanged: summary.unchanged, skipped: summary.skipped, failed: summary.failed };
  const wanted = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, ...expected };
  if (emitted.length !== 1 || JSON.stringify(counts) !== JSON.stringify(wanted)) {
    throw new Error(`${label}: emitted ${JSON.stringify(counts)}, expected ${JSON.stringify(wanted)}${summary.results?.[0]?.error ? ` (${summary.results[0].error})` : ''}`);
  }
  return summary;
}

/** The catalog input in one Sync records message, then the same message again. */
async function syncCatalog(size: Size): Promise<{ sync: RunCost; rerun: RunCost; reported: number[] }> {
  const { sim, meter, now } = await meteredSimulator(size.records);
  try {
    const step = { ...sim.credentials, objectType: 'Item', matchField: 'customSku' };
    const records = catalogInput(sim, size.records);
    const reported: number[] = [];
    const sync = await costOf(size.records, meter, now, async () => {
      reported.push(expectSummary('Sync', await call(syncRecords, { records }, step), expectedOutcomes(size.records)).drips);
    });
    const rerun = await costOf(size.records, meter, now, async () => {
      reported.push(expectSummary('Sync again', await call(syncRecords, { records }, step), { unchanged: size.records }).drips);
    });
    return { sync, rerun, reported };
  } finally {
    await sim.close();
  }
}

/** The first `sample` records of the same input, one Upsert Object message each, one after another. */
async function upsertSample(size: Size): Promise<RunCost> {
  const { sim, meter, now } = await meteredSimulator(size.records);
  try {
    const step = { ...sim.credentials, objectType: 'Item', matchField: 'customSku' };
    const records = catalogInput(sim, size.records).slice(0, size.sample);
    const matched: Record<string, number> = {};
    const cost = await costOf(size.sample, meter, now, async () => {
      for (const record of records) {
        const [body] = await call(upsertObject, record, step) as Array<{ matched: string }>;
        matched[body.matched] = (matched[body.matched] ?? 0) + 1;
      }
    });
    const expected: Record<string, number> = expectedOutcomes(size.sample);
    const outcomes = new Set([...Object.keys(expected), ...Object.keys(matched)]);
    if ([...outcomes].some((outcome) => (matched[outcome] ?? 0) !== (expected[outcome] ?? 0))) {
      throw new Error(`per-message Upsert: ${JSON.stringify(matched)}, expected ${JSON.stringify(expected)}`);
    }
    return cost;
  } finally {
    await sim.close();
  }
}

/**
 * The same sample as a flow that writes every record, as Upsert did before it compared (the cost the issue measured):
 * Lookup Object by the customSku filter, then Update Object with the whole record, or Create Object when none matched.
 */
async function writeEverySample(size: Size): Promise<RunCost> {
  const { sim, meter, now } = await meteredSimulator(size.records);
  try {
    const lookup = { ...sim.credentials, objectType: 'Item', emitBehavior: 'emitAll', allowZeroResults: true };
    const write = { ...sim.credentials, objectType: 'Item' };
    const records = catalogInput(sim, size.records).slice(0, size.sample);
    return await costOf(size.sample, meter, now, async () => {
      for (const record of records) {
        const [found] = await call(lookupObjectById, { filters: { customSku: `=,${record.customSku}` } }, lookup) as Array<{ results: Array<{ itemID: number }> }>;
        const [match] = found.results;
        if (match) await call(updateObject, { ...record, itemID: match.itemID }, write);
        else await call(createObject, record, write);
      }
    });
  } finally {
    await sim.close();
  }
}

/** Every shop's stock of the first Items, in one Set Stock Level message. */
async function stockLevels(size: Size): Promise<RunCost> {
  const { sim, meter, now } = await meteredSimulator(size.records);
  try {
    const levels = stockInput(sim, size.levels);
    const differing = levels.filter((_, index) => stockDiffers(index)).length;
    return await costOf(size.levels, meter, now, async () => {
      expectSummary('Set Stock Level', await call(setStockLevel, { levels }, { ...sim.credentials, matchField: 'customSku' }), {
        updated: differing, unchanged: size.levels - differing,
      });
    });
  } finally {
    await sim.close();
  }
}

/** The first records of `records` whose JSON fits `bytes`. */
function fitting(records: CatalogRecord[], bytes: number): CatalogRecord[] {
  let count = 0;
  while (count < records.length && Buffer.byteLength(JSON.stringify(records.slice(0, count + 1))) <= bytes) count += 1;
  return records.slice(0, count);
}

/**
 * Median peak RSS of `runs` child runs of one input file, each on a fresh unthrottled simulator, and the median heap
 * the child still held after a forced GC at its end (--expose-gc, used only then: it cannot change the peak).
 */
async function peakRss(size: Size, mode: 'sync' | 'upsert', file: string, runs: number): Promise<{ peakKb: number; heldKb: number }> {
  const peaks: number[] = [];
  const held: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const sim = await startSimulator({ ...SIMULATOR, items: size.records, rateLimit: false, revokeRotatedRefreshTokens: false });
    try {
      const script = path.join(__dirname, 'catalogSyncRun.js');
      const child = await runNodeMeasured(script, ['--mode', mode, '--input', file], { [SIMULATOR_ENV]: JSON.stringify(sim.credentials) }, ['--expose-gc']);
      held.push(Number(lastJsonLine(child.stdout).heldKb));
      peaks.push(child.peakRssKb);
    } finally {
      await sim.close();
    }
  }
  return { peakKb: median(peaks), heldKb: median(held) };
}

/** Peak RSS of Sync with the whole input and with 1 KB of it, and of the per-message Upsert sample. */
async function memory(size: Size): Promise<CatalogSyncFigures['memory']> {
  const seedSim = await startSimulator({ ...SIMULATOR, items: size.records, rateLimit: false });
  const records = catalogInput(seedSim, size.records);
  await seedSim.close();
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-catalog-sync-'));
  try {
    const write = (name: string, list: CatalogRecord[]): { file: string; bytes: number } => {
      const text = JSON.stringify(list);
      writeFileSync(path.join(dir, name), text);
      return { file: path.join(dir, name), bytes: Buffer.byteLength(text) };
    };
    const whole = write('records.json', records);
    const baseline = write('baseline.json', fitting(records, BASELINE_BYTES));
    const sample = write('sample.json', records.slice(0, size.sample));
    const base = await peakRss(size, 'sync', baseline.file, size.runs);
    const sync = await peakRss(size, 'sync', whole.file, size.runs);
    const upsert = await peakRss(size, 'upsert', sample.file, size.runs);
    return {
      inputBytes: whole.bytes, baselineInputBytes: baseline.bytes, baselineKb: base.peakKb, syncKb: sync.peakKb, upsertKb: upsert.peakKb,
      baselineHeldKb: base.heldKb, syncHeldKb: sync.heldKb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const catalogSync: Scenario = {
  key: 'catalog-sync',
  title: TITLE,
  async run(mode: BenchMode) {
    const size = mode.quick ? SIZES.quick : SIZES.full;
    let figures: CatalogSyncFigures;
    let reported: number[];
    try {
      const catalog = await syncCatalog(size);
      reported = catalog.reported;
      figures = { records: size.records, sync: catalog.sync, rerun: catalog.rerun, upsertSample: await upsertSample(size), writeEverySample: await writeEverySample(size), stock: await stockLevels(size), memory: await memory(size) };
    } finally {
      resetConnections();
      setClientOverrides({});
    }
    const lines = new LineBuilder(TITLE);
    addLines(lines, figures);
    return {
      lines: lines.lines,
      notes: [
        `per-message Upsert, and Lookup + Update (or Create) Object, ran on the first ${size.sample} records of the same input (the same mix: 5% differ, 1% new); their drips, requests and time are scaled by ${size.records / size.sample} to ${size.records.toLocaleString('en-US')} records`,
        'per-message Upsert compares before writing since this release, so it pays its lookup (1 drip) for every unchanged record and Sync 0.01: 20x fewer would need Sync at 0.054 drip a record, under the floor of this mix, 0.085 (which makes it 12.7x); the 20x holds against a flow that writes every record, as Upsert did before',
      ],
      details: {
        setup: {
          ...size, ...BUCKET, timeScale: TIME_SCALE, costModel: 'current', matchField: 'customSku', targets: TARGETS,
          input: 'record i: new when i % 100 = 99, a new description when i % 40 = 3, a new Default price when i % 40 = 23',
          stock: 'every shop of Items 1, 2... in turn; level i one more than stored when i % 20 = 7; by customSku',
          drips: 'the answers\' X-LS-API-Request-Cost added up by the client\'s transport',
          seconds: 'simulated seconds from the message to its output, at 1 drip/s, the bucket empty at the start',
          memory: `peak RSS of dist/bench/catalogSyncRun.js (GNU time -v, else its own maxRSS), median of ${size.runs}; baseline: the first records within ${BASELINE_BYTES} bytes`,
        },
        figures,
        syncSummaryDrips: reported,
      },
    };
  },
};
