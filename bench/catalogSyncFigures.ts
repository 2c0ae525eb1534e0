/** Scenario 8's figures (drips and requests per input record, time at 1 drip/s, peak RSS) and the rows that print them. */
import { fixed, megabytes, whole } from './numbers';
import { LineBuilder } from './scenario';

export const BUCKET = { bucketSize: 90, dripRate: 1 };

export const TARGETS = {
  /** Sync of the catalog input: the floor for its mix is about 0.085 (100 lookups and 600 writes for 10,000 records). */
  syncDripsPerRecord: 0.1,
  floorDripsPerRecord: 0.085,
  /** The same input again: nothing to write, the lookups only (0.01) and a little room. */
  rerunDripsPerRecord: 0.012,
  /** Per-message Upsert's drips per record over Sync's. */
  fewerThanUpsert: 20,
  stockDripsPerLevel: 0.1,
  /** Peak RSS over the 1 KB input's, per byte of input. */
  rssPerInputByte: 3,
};

/** What one run of an input cost, as Lightspeed's answers reported it. */
export interface RunCost {
  /** Input records (or stock levels) the run was given. */
  records: number;
  /** The sum of the answers' X-LS-API-Request-Cost. */
  drips: number;
  /** API requests answered (429s included). */
  requests: number;
  rateLimited: number;
  /** Simulated seconds from the first request to the last answer, at Lightspeed's 1 drip/s. */
  seconds: number;
}

/** A run's cost per input record. */
export function perRecord(run: RunCost): { drips: number; requests: number } {
  return { drips: run.drips / run.records, requests: run.requests / run.records };
}

/** A sample's cost scaled to `records`: every figure times records / sample size (429s too). */
export function scaledTo(sample: RunCost, records: number): RunCost {
  const factor = records / sample.records;
  return {
    records, drips: sample.drips * factor, requests: sample.requests * factor, rateLimited: sample.rateLimited * factor, seconds: sample.seconds * factor,
  };
}

/** Peak RSS of a run over its 1 KB baseline, per byte of the run's input. */
export function rssGrowthPerInputByte(peakKb: number, baselineKb: number, inputBytes: number): number {
  return ((peakKb - baselineKb) * 1024) / inputBytes;
}

export interface CatalogSyncFigures {
  /** The catalog input's records. */
  records: number;
  sync: RunCost;
  rerun: RunCost;
  /** Per-message Upsert on the first records of the same input. */
  upsertSample: RunCost;
  /** The same sample through Lookup Object by the key, then Update (or Create) Object: a write for every record. */
  writeEverySample: RunCost;
  stock: RunCost;
  memory: {
    inputBytes: number;
    baselineInputBytes: number;
    baselineKb: number;
    syncKb: number;
    /** Peak RSS of the per-message Upsert sample's process. */
    upsertKb: number;
    /** Heap still used after a forced GC at the end of the baseline's and the whole input's runs. */
    baselineHeldKb: number;
    syncHeldKb: number;
  };
}

/** `0.0875 (875 drips, 700 requests, 14.6 min at 1 drip/s)`. */
function describe(run: RunCost): string {
  const { drips } = perRecord(run);
  return `${fixed(drips, 4)} (${whole(run.drips)} drips, ${whole(run.requests)} requests${run.rateLimited > 0 ? `, ${whole(run.rateLimited)} x 429` : ''}, ${duration(run.seconds)} at 1 drip/s)`;
}

/** `14.6 min`, `2.5 h`, `42 s`. */
export function duration(seconds: number): string {
  if (seconds < 120) return `${fixed(seconds, 0)} s`;
  if (seconds < 7200) return `${fixed(seconds / 60, 1)} min`;
  return `${fixed(seconds / 3600, 1)} h`;
}

/** The scenario's rows: each figure next to its target (ratio targets: quick runs print them as info). */
export function addLines(lines: LineBuilder, figures: CatalogSyncFigures): void {
  const n = whole(figures.records);
  const sync = perRecord(figures.sync).drips;
  const rerun = perRecord(figures.rerun).drips;
  const upsert = scaledTo(figures.upsertSample, figures.records);
  const fewer = perRecord(upsert).drips / sync;
  const stock = perRecord(figures.stock).drips;
  const { memory } = figures;
  const growth = rssGrowthPerInputByte(memory.syncKb, memory.baselineKb, memory.inputBytes);
  lines.target(`Sync, ${n} records (5% differ, 1% new): drips per record`, sync, describe(figures.sync),
    `<= ${fixed(TARGETS.syncDripsPerRecord, 1)} (floor ~${fixed(TARGETS.floorDripsPerRecord, 3)})`, sync <= TARGETS.syncDripsPerRecord, 'ratio');
  lines.target('Sync, the same input again: drips per record', rerun, describe(figures.rerun),
    `<= ${fixed(TARGETS.rerunDripsPerRecord, 3)}`, rerun <= TARGETS.rerunDripsPerRecord, 'ratio');
  lines.info(`per-message Upsert, ${whole(figures.upsertSample.records)}-record sample x ${fixed(figures.records / figures.upsertSample.records, 0)}: drips per record`,
    perRecord(upsert).drips, describe(upsert));
  lines.target('per-message Upsert / Sync, drips', fewer, `${fixed(fewer, 1)}x`, `>= ${TARGETS.fewerThanUpsert}x`, fewer >= TARGETS.fewerThanUpsert, 'ratio');
  const writeEvery = scaledTo(figures.writeEverySample, figures.records);
  const fewerThanWriteEvery = perRecord(writeEvery).drips / sync;
  lines.info(`per-message Lookup + Update Object (a write for every record), the same sample x ${fixed(figures.records / figures.writeEverySample.records, 0)}: drips per record`,
    perRecord(writeEvery).drips, describe(writeEvery));
  lines.target('per-message Lookup + Update Object / Sync, drips', fewerThanWriteEvery, `${fixed(fewerThanWriteEvery, 1)}x`,
    `>= ${TARGETS.fewerThanUpsert}x`, fewerThanWriteEvery >= TARGETS.fewerThanUpsert, 'ratio');
  lines.target(`Set Stock Level, ${whole(figures.stock.records)} levels (5% differ): drips per level`, stock, describe(figures.stock),
    `<= ${fixed(TARGETS.stockDripsPerLevel, 1)}`, stock <= TARGETS.stockDripsPerLevel, 'ratio');
  lines.info('peak RSS: Sync of a 1 KB input (baseline), of the whole input, per-message Upsert', memory.syncKb,
    `${megabytes(memory.baselineKb)}, ${megabytes(memory.syncKb)} (input ${megabytes(memory.inputBytes / 1024)}), ${megabytes(memory.upsertKb)}`);
  lines.target('Sync peak RSS over the baseline, per input size', growth, `${fixed(growth)}x (${megabytes(memory.syncKb - memory.baselineKb)})`,
    `<= ${fixed(TARGETS.rssPerInputByte)}x`, growth <= TARGETS.rssPerInputByte, 'ratio');
  const held = rssGrowthPerInputByte(memory.syncHeldKb, memory.baselineHeldKb, memory.inputBytes);
  lines.info('Sync heap held at the end (forced GC) over the baseline, per input size', held, `${fixed(held)}x (${megabytes(memory.syncHeldKb - memory.baselineHeldKb)})`);
}
