/**
 * What an incoming record changes in the one Lightspeed holds, on the fields the incoming record names, as Lightspeed's
 * values mean them (sameValue.ts), nested lists entry by entry (listKeys.ts). The write it gives carries only what
 * differs: Lightspeed charges for what a write carries, modified or not, and a PUT of nothing new still moves the
 * record's timeStamp (every flow polling it would fetch it again).
 */
import { listKeys, ListKeys } from './listKeys';
import { isRecord, JsonRecord, RecordShape } from './records';
import { sameValue } from './sameValue';
import { shapeOf } from './shapes';
import { EntitySpec } from './types';

export interface RecordDiff {
  /** Where the records differ: `description`, `Prices.ItemPrice[useType=Default].amount`, `ItemShops.ItemShop[shopID=2]` (a new entry). */
  changed: string[];
  /** What to send for it: the fields that differ and, of nested lists, the entries that differ, each with its key. */
  write: JsonRecord;
}

interface Walk {
  owner: EntitySpec;
  shape: RecordShape;
  /** Path of the record walked, for `changed`. */
  path: string;
  /** Fields the comparison leaves out (an entry's key, the record's primary key). */
  skip: ReadonlySet<string>;
}

/**
 * The differences of `incoming` from `stored`, a record of `entity`. Fields `incoming` leaves out are not compared;
 * nor is the primary key (a write names the record by it anyway).
 */
export function diffRecord(entity: EntitySpec, incoming: JsonRecord, stored: JsonRecord): RecordDiff {
  const skip = new Set(entity.primaryKey ? [entity.primaryKey] : []);
  return diffFields(incoming, stored, { owner: entity, shape: shapeOf(entity), path: '', skip });
}

function diffFields(incoming: JsonRecord, stored: JsonRecord, walk: Walk): RecordDiff {
  const changed: string[] = [];
  const write: JsonRecord = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (walk.skip.has(name) || value === undefined) continue;
    const found = diffField(name, value, stored[name], walk);
    if (!found) continue;
    changed.push(...found.changed);
    write[name] = found.write;
  }
  return { changed, write };
}

/** One field: undefined when it holds the same, else the paths that differ and what to send under the field's name. */
function diffField(name: string, value: unknown, stored: unknown, walk: Walk): { changed: string[]; write: unknown } | undefined {
  const path = `${walk.path}${name}`;
  const itemType = walk.shape.listItemType(name);
  if (itemType !== undefined) return sameList(value, stored, (a, b) => sameValue(itemType, a, b)) ? undefined : { changed: [path], write: value };
  const element = walk.shape.containerElement(name);
  if (element !== undefined && isRecord(value) && Object.hasOwn(value, element)) {
    const list = diffList(element, entriesOf(value[element]), entriesOf(isRecord(stored) ? stored[element] : undefined), { ...walk, path: `${path}.` });
    return list && { changed: list.changed, write: { [element]: list.write } };
  }
  if (isRecord(value)) {
    const nested = diffFields(value, isRecord(stored) ? stored : {}, { ...walk, shape: walk.shape.nested(name), path: `${path}.`, skip: new Set() });
    return nested.changed.length === 0 ? undefined : { changed: nested.changed, write: nested.write };
  }
  if (Array.isArray(value)) return sameList(value, stored, (a, b) => JSON.stringify(a) === JSON.stringify(b)) ? undefined : { changed: [path], write: value };
  return sameValue(walk.shape.fieldType(name), value, stored) ? undefined : { changed: [path], write: value };
}

/** The entries of a list that differ from the stored ones (or the whole list, where Lightspeed replaces it whole). */
function diffList(element: string, incoming: JsonRecord[], stored: JsonRecord[], walk: Walk): { changed: string[]; write: JsonRecord[] } | undefined {
  const keys = listKeys(walk.owner, element);
  const entryWalk: Walk = { ...walk, shape: walk.shape.nested(element), path: `${walk.path}${element}` };
  if (keys.identity === undefined && keys.natural.length === 0) return diffKeyless(incoming, stored, entryWalk);
  const changed: string[] = [];
  const sent: JsonRecord[] = [];
  const merged = stored.map((entry) => ({ ...entry }));
  for (const entry of incoming) {
    const match = pairOf(entry, stored, keys);
    if (!match) {
      changed.push(`${entryWalk.path}[${describeKey(entry, keys)}]`);
      sent.push(entry);
      merged.push(entry);
      continue;
    }
    const used = new Set([match.key, ...(keys.identity ? [keys.identity] : [])]);
    const diff = diffFields(entry, match.stored, { ...entryWalk, path: `${entryWalk.path}[${match.key}=${String(entry[match.key])}].`, skip: used });
    if (diff.changed.length === 0) continue;
    changed.push(...diff.changed);
    sent.push({ ...keyFields(entry, match, keys), ...diff.write });
    Object.assign(merged[stored.indexOf(match.stored)], diff.write);
  }
  if (changed.length === 0) return undefined;
  return { changed, write: keys.write === 'byKey' ? sent : merged };
}

/** A list with nothing to pair its entries by (a contact's addresses): the same entries in the same order, or all of them sent. */
function diffKeyless(incoming: JsonRecord[], stored: JsonRecord[], walk: Walk): { changed: string[]; write: JsonRecord[] } | undefined {
  const same = incoming.length === stored.length
    && incoming.every((entry, index) => diffFields(entry, stored[index], { ...walk, path: '', skip: new Set() }).changed.length === 0);
  return same ? undefined : { changed: [walk.path], write: incoming };
}

/** The stored entry an incoming one names: by the entry's own ID when it carries one, else by its first natural key. */
function pairOf(entry: JsonRecord, stored: JsonRecord[], keys: ListKeys): { key: string; stored: JsonRecord } | undefined {
  const candidates = [...(keys.identity ? [keys.identity] : []), ...keys.natural];
  const key = candidates.find((name) => !isUnset(name, entry[name]));
  if (key === undefined) return undefined;
  const same = keys.ignoreCase.includes(key)
    ? (value: unknown) => String(value).toLowerCase() === String(entry[key]).toLowerCase()
    : (value: unknown) => !isUnset(key, value) && String(value) === String(entry[key]);
  const found = stored.find((candidate) => same(candidate[key]));
  return found && { key, stored: found };
}

/** What names a changed entry in the write: its own ID when the stored entry has one, else the key it was paired by. */
function keyFields(entry: JsonRecord, match: { key: string; stored: JsonRecord }, keys: ListKeys): JsonRecord {
  if (keys.identity !== undefined && !isUnset(keys.identity, match.stored[keys.identity])) return { [keys.identity]: match.stored[keys.identity] };
  return { [match.key]: entry[match.key] };
}

function describeKey(entry: JsonRecord, keys: ListKeys): string {
  const key = [...(keys.identity ? [keys.identity] : []), ...keys.natural].find((name) => !isUnset(name, entry[name]));
  return key === undefined ? 'new' : `${key}=${String(entry[key])}`;
}

function entriesOf(value: unknown): JsonRecord[] {
  if (Array.isArray(value)) return value.filter(isRecord);
  return isRecord(value) ? [value] : [];
}

function sameList(value: unknown, stored: unknown, same: (a: unknown, b: unknown) => boolean): boolean {
  const [a, b] = [asArray(value), asArray(stored)];
  return a.length === b.length && a.every((item, index) => same(item, b[index]));
}

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null || value === '' ? [] : [value];
}

/** No value, or an ID of 0 (how Lightspeed says "none" for a reference). */
function isUnset(name: string, value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  return name.endsWith('ID') && Number(value) === 0;
}
