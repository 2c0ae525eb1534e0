/**
 * Writing one record only where it differs from what Lightspeed holds, and checking the answer: Upsert Object and Sync
 * records share it. An unchanged record is not written at all; a changed one gets a PUT of what differs and its
 * primary key. The answer is compared with what was sent: a write Lightspeed accepts without applying it (a field its
 * docs say a PUT ignores) is reported, never taken for done.
 */
import { diffRecord } from '../../catalog/recordDiff';
import { isRecord, JsonRecord } from '../../catalog/records';
import { EntitySpec } from '../../catalog/types';
import { EntityApi } from '../../client/entityApi';
import { ComponentError } from '../../client/http';

/** What a write of one record came to. */
export interface ChangeResult {
  outcome: 'created' | 'updated' | 'unchanged';
  /** The record as Lightspeed answered the write, or as it holds it when nothing was written. */
  record: JsonRecord;
  /** What differed (for a create, nothing: the whole record is new). */
  changed: string[];
}

/** A write Lightspeed answered with success but without what was sent. */
export class UnappliedWriteError extends ComponentError {
  override name = 'UnappliedWriteError';
}

/**
 * Relations a comparison needs loaded: the lists and records of `records` that Lightspeed sends only when asked
 * (an Item's `ItemShops`, a Customer's `Contact`; an Item's `Prices` come anyway).
 */
export function relationsToCompare(entity: EntitySpec, records: Iterable<JsonRecord>): string[] {
  const wanted = new Set<string>();
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      if (isRecord(value) && entity.relations.includes(name) && !entity.alwaysSent.includes(name)) wanted.add(name);
    }
  }
  return [...wanted].sort();
}

/** POST the record; the answer must hold what was sent. */
export async function createChecked(api: EntityApi, entity: EntitySpec, body: JsonRecord): Promise<ChangeResult> {
  const record = await api.create(entity, body, body);
  checkAnswer(entity, 'create', body, record);
  return { outcome: 'created', record, changed: [] };
}

/** PUT what `incoming` changes in `stored` (nothing when nothing differs); the answer must hold it. */
export async function updateChecked(api: EntityApi, entity: EntitySpec, stored: JsonRecord, incoming: JsonRecord): Promise<ChangeResult> {
  const { changed, write } = diffRecord(entity, incoming, stored);
  if (changed.length === 0) return { outcome: 'unchanged', record: stored, changed };
  const primaryKey = entity.primaryKey as string;
  const body = { [primaryKey]: stored[primaryKey], ...write };
  const record = await api.update(entity, body, body);
  checkAnswer(entity, 'update', body, record);
  return { outcome: 'updated', record, changed };
}

/**
 * Refuses a write whose answer does not hold what was sent. Parts the answer leaves out (a Customer's Contact, which
 * a write does not answer with) cannot be checked and are not.
 */
function checkAnswer(entity: EntitySpec, verb: 'create' | 'update', sent: JsonRecord, answer: JsonRecord): void {
  const answered = Object.fromEntries(Object.entries(sent).filter(([name]) => Object.hasOwn(answer, name)));
  const { changed } = diffRecord(entity, answered, answer);
  if (changed.length === 0) return;
  const id = answer[entity.primaryKey as string] ?? sent[entity.primaryKey as string];
  const what = verb === 'create' ? `created ${entity.name} ${String(id)}` : `updated ${entity.name} ${String(id)}`;
  throw new UnappliedWriteError(`Lightspeed ${what}, but its answer does not hold what was sent for ${changed.join(', ')} `
    + `(${changed.map((path) => describeAnswer(path, answer)).join('; ')})`);
}

/** `description: Lightspeed holds "x"` for a top-level field; the path alone for a nested one. */
function describeAnswer(path: string, answer: JsonRecord): string {
  return /^[A-Za-z0-9_]+$/.test(path) ? `${path} is ${JSON.stringify(answer[path] ?? null)}` : `${path} differs`;
}
