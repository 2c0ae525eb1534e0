/**
 * The sync engine: many records of one kind, each matched by a key to what Lightspeed holds (keys looked up 100 to a
 * query), compared, and written only where they differ. What is synced (entity records matched by a key, stock levels
 * matched by item and shop) is a `SyncTarget`; the engine owns the rest: one outcome per input record, duplicates in
 * the input, several matches, the sync mode, record failures kept as data, progress in the log.
 */
import { JsonRecord } from '../../catalog/records';
import { AuthenticationError, ComponentError, ForbiddenError, Logger, RateLimitError, TransportError } from '../../client/http';
import type { RefusedRecord, SyncMode } from '../../input/syncInput';
import type { KeyLookup } from '../findByKeys';
import { ChangeResult } from './changeWrite';
import { RecordResult, Tally } from './outcomes';
import { progressLine, SpendingMeter } from './progress';

/** One input record as the engine sees it: its position and its key (undefined: a record to create, by primary key). */
export interface Keyed {
  index: number;
  key?: string;
}

/** What a sync needs to know about the records it syncs (`I`: an input record with what the target needs of it). */
export interface SyncTarget<I extends Keyed> {
  /** What the records are called in messages (`Item`). */
  noun: string;
  /** The key's name in messages (`customSku`). */
  keyName: string;
  /** A key as the lookup compares it (an e-mail in lower case): two input records with one folded key are duplicates. */
  foldKey(key: string): string;
  /** The records each key names, as few queries as the key allows. */
  lookup(keys: string[]): Promise<Map<string, KeyLookup>>;
  /** The refusal for a key several records carry. */
  several(item: I, records: JsonRecord[]): string;
  /** Why a record nothing matches cannot be created (a key Lightspeed assigns), or undefined. */
  cannotCreate(item: I): string | undefined;
  create(item: I): Promise<ChangeResult>;
  /** Why the match cannot be updated from this record (an archived one), or undefined. */
  refuseMatch(item: I, stored: JsonRecord): string | undefined;
  update(item: I, stored: JsonRecord): Promise<ChangeResult>;
  idOf(record: JsonRecord): unknown;
}

export interface SyncRun<I extends Keyed> {
  /** What the progress lines call the run (`Sync records`), and the error that stops it (`Sync`). */
  label: { progress: string; stop: string };
  items: I[];
  refused: RefusedRecord[];
  /** Records in the input (items and refused together). */
  total: number;
  mode: SyncMode;
  logger: Logger;
  spending: SpendingMeter;
  /** Called with each record's outcome as it is settled (one message per record). */
  onResult?: (result: RecordResult) => Promise<void> | void;
}

/** Records looked up together: one `IN` query when their keys are short enough. */
const WINDOW = 100;
/** A progress line every this many records. */
const PROGRESS_EVERY = 100;

/** Syncs every record of `run` to `target`; returns the tally. Only a failure of the account or the connection ends it early. */
export async function runSync<I extends Keyed>(target: SyncTarget<I>, run: SyncRun<I>): Promise<Tally> {
  const tally = new Tally();
  const started = Date.now();
  let reported = 0;
  const settle = async (result: RecordResult): Promise<void> => {
    tally.add(result);
    await run.onResult?.(result);
    if (Math.floor(tally.done / PROGRESS_EVERY) > reported) {
      reported = Math.floor(tally.done / PROGRESS_EVERY);
      run.logger.info(progressLine(run.label.progress, tally, run.total, run.spending, Date.now() - started));
    }
  };
  try {
    for (const refusal of run.refused) await settle({ index: refusal.index, key: refusal.key, outcome: 'failed', error: refusal.error });
    const { unique, duplicates } = splitDuplicates(target, run.items);
    for (const result of duplicates) await settle(result);
    for (let at = 0; at < unique.length; at += WINDOW) {
      await settleWindow(target, unique.slice(at, at + WINDOW), run.mode, settle);
    }
  } catch (error) {
    throw stopped(run.label.stop, error, tally, run.total);
  }
  if (tally.done % PROGRESS_EVERY !== 0) run.logger.info(progressLine(run.label.progress, tally, run.total, run.spending, Date.now() - started));
  return tally;
}

/** Records whose key another record of the input has too all fail: which of them is right is not ours to guess. */
function splitDuplicates<I extends Keyed>(target: SyncTarget<I>, items: I[]): { unique: I[]; duplicates: RecordResult[] } {
  const byKey = new Map<string, I[]>();
  for (const item of items) {
    if (item.key === undefined) continue;
    const folded = target.foldKey(item.key);
    byKey.set(folded, [...byKey.get(folded) ?? [], item]);
  }
  const duplicates: RecordResult[] = [];
  const unique = items.filter((item) => {
    const same = item.key === undefined ? [item] : byKey.get(target.foldKey(item.key)) ?? [item];
    if (same.length === 1) return true;
    duplicates.push({
      index: item.index, key: item.key, outcome: 'failed',
      error: `${target.keyName} ${JSON.stringify(item.key)} appears ${same.length} times in the input (records ${same.map((other) => other.index).join(', ')}): nothing was written for it`,
    });
    return false;
  });
  return { unique, duplicates };
}

/**
 * One window of records: their keys looked up together, then each record settled in input order, as it is done. A
 * lookup Lightspeed refuses fails the window's records that needed it.
 */
async function settleWindow<I extends Keyed>(target: SyncTarget<I>, items: I[], mode: SyncMode, settle: (result: RecordResult) => Promise<void>): Promise<void> {
  const keys = items.flatMap((item) => (item.key === undefined ? [] : [item.key]));
  let found = new Map<string, KeyLookup>();
  let lookupFailure: string | undefined;
  try {
    if (keys.length > 0) found = await target.lookup(keys);
  } catch (error) {
    lookupFailure = recordLevelReason(error);
  }
  for (const item of items) {
    if (item.key !== undefined && lookupFailure !== undefined) await settle({ index: item.index, key: item.key, outcome: 'failed', error: lookupFailure });
    else await settle(await settleOne(target, item, item.key === undefined ? undefined : found.get(item.key), mode));
  }
}

/** One record's outcome from its lookup and the sync mode. */
async function settleOne<I extends Keyed>(target: SyncTarget<I>, item: I, lookup: KeyLookup | undefined, mode: SyncMode): Promise<RecordResult> {
  const base = { index: item.index, key: item.key };
  if (lookup && 'refusal' in lookup) return { ...base, outcome: 'failed', error: lookup.refusal };
  const records = lookup?.records ?? [];
  if (records.length > 1) return { ...base, outcome: 'failed', error: target.several(item, records) };
  const [stored] = records;
  if (!stored) return settleNew(target, item, mode);
  const id = target.idOf(stored);
  if (mode === 'createOnly') return { ...base, id, outcome: 'skipped', error: `${target.noun} ${String(id)} already has this ${target.keyName} (Sync mode createOnly)` };
  const refusal = target.refuseMatch(item, stored);
  if (refusal) return { ...base, id, outcome: 'failed', error: refusal };
  return written(target, base, id, () => target.update(item, stored));
}

async function settleNew<I extends Keyed>(target: SyncTarget<I>, item: I, mode: SyncMode): Promise<RecordResult> {
  const base = { index: item.index, key: item.key };
  if (mode === 'updateOnly') {
    const what = item.key === undefined ? `the record names no ${target.keyName}` : `no ${target.noun} has this ${target.keyName}`;
    return { ...base, outcome: 'skipped', error: `${what} (Sync mode updateOnly)` };
  }
  const refusal = target.cannotCreate(item);
  if (refusal) return { ...base, outcome: 'failed', error: refusal };
  return written(target, base, undefined, () => target.create(item));
}

/** A write's outcome; a failure of this record is its `failed`, one of the account or connection ends the run. */
async function written<I extends Keyed>(
  target: SyncTarget<I>, base: { index: number; key?: string }, id: unknown, write: () => Promise<ChangeResult>,
): Promise<RecordResult> {
  try {
    const { outcome, record, changed } = await write();
    const result: RecordResult = { ...base, outcome, id: id ?? target.idOf(record), record };
    if (changed.length > 0) result.changed = changed;
    return result;
  } catch (error) {
    return { ...base, ...(id === undefined ? {} : { id }), outcome: 'failed', error: recordLevelReason(error) };
  }
}

/** The message of a failure that concerns one record; anything else is rethrown. */
function recordLevelReason(error: unknown): string {
  if (!(error instanceof ComponentError) || endsTheRun(error)) throw error;
  return error.message;
}

/**
 * Failures no other record would escape: the credential refused, Lightspeed refusing every request for 10 minutes,
 * a scope missing, the connection lost. The run stops; the same input run again writes only what still differs.
 */
function endsTheRun(error: ComponentError): boolean {
  return error instanceof AuthenticationError || error instanceof RateLimitError || error instanceof ForbiddenError || error instanceof TransportError;
}

function stopped(label: string, error: unknown, tally: Tally, total: number): unknown {
  if (!(error instanceof ComponentError)) return error;
  error.message = `${label} stopped after ${tally.done} of ${total} records (${tally.describe()}): ${error.message}. `
    + 'Running the same input again writes only what still differs.';
  return error;
}
