/**
 * Cursor pagination: opaque `after`/`before` cursors (base64 of a JSON array of the sort value and
 * the primary key) positioned by binary search in an index sorted by (sort key, primary key).
 */
import { KeyFn, SortKey, keyOfValue, lowerBound, upperBound } from './sortedIndex';
import { ApiError, FieldType, WireObject } from './types';

/** A decoded cursor: which side of the position the page lies on, and the position. */
export interface CursorPosition {
  kind: 'after' | 'before';
  key: SortKey;
  pk: number;
}

/** What to read: an index ascending by (key, pk), a direction, a cursor, a filter. */
export interface PageSpec {
  rows: WireObject[];
  keyOf: KeyFn;
  pkOf: (row: WireObject) => number;
  descending: boolean;
  cursor: CursorPosition | null;
  limit: number;
  accept: (row: WireObject) => boolean;
  /** Index range [lo, hi) that can hold matches (narrowed by filters on the sort field). */
  range: [number, number];
}

/** One page and whether pages exist on either side. */
export interface Page {
  rows: WireObject[];
  hasNext: boolean;
  hasPrevious: boolean;
}

/** Encodes cursor values: base64 of a JSON array (`[100]` -> `WzEwMF0=`), URL-encoded by the caller. */
export function encodeCursor(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64');
}

/** Cursor values of a record: `[pk]` when sorting by the primary key, else `[value, pk]`. */
export function cursorValues(row: WireObject, sortField: string, primaryKey: string): Array<string | number> {
  const pk = Number(row[primaryKey]);
  if (sortField === primaryKey) return [pk];
  const value = row[sortField];
  return [typeof value === 'string' ? value : '', pk];
}

/** Decodes an `after`/`before` value for the current sort; 400 when it does not fit. */
export function decodeCursor(raw: string, kind: 'after' | 'before', sortField: string, primaryKey: string, type: FieldType | undefined): CursorPosition {
  const invalid = (): ApiError => new ApiError(400, `Invalid ${kind} cursor for sort=${sortField}`, 'InvalidQueryException');
  let values: unknown;
  try {
    // An unencoded "+" in the cursor arrives as a space.
    values = JSON.parse(Buffer.from(raw.replace(/ /g, '+'), 'base64').toString('utf8'));
  } catch {
    throw invalid();
  }
  const expected = sortField === primaryKey ? 1 : 2;
  if (!Array.isArray(values) || values.length !== expected) throw invalid();
  const pk = Number(values[values.length - 1]);
  if (!Number.isFinite(pk)) throw invalid();
  const key = expected === 1 ? pk : keyOfValue(String(values[0]), type);
  return { kind, key, pk };
}

/** Reads one page; walking `next` visits every matching record exactly once. */
export function readPage(spec: PageSpec): Page {
  const { rows, keyOf, pkOf, descending, cursor, limit, accept } = spec;
  const [lo, hi] = spec.range;
  let index: number;
  let step: 1 | -1;
  if (!cursor) {
    step = descending ? -1 : 1;
    index = descending ? hi - 1 : lo;
  } else {
    // "after" in output order means higher index when ascending, lower when descending.
    const towardsHigher = (cursor.kind === 'after') !== descending;
    step = towardsHigher ? 1 : -1;
    index = towardsHigher
      ? Math.max(lo, upperBound(rows, keyOf, pkOf, cursor.key, cursor.pk))
      : Math.min(hi, lowerBound(rows, keyOf, pkOf, cursor.key, cursor.pk)) - 1;
  }
  const found: WireObject[] = [];
  for (; index >= lo && index < hi && found.length <= limit; index += step) {
    if (accept(rows[index])) found.push(rows[index]);
  }
  const more = found.length > limit;
  if (more) found.pop();
  if (cursor?.kind === 'before') {
    found.reverse();
    return { rows: found, hasNext: true, hasPrevious: more };
  }
  return { rows: found, hasNext: more, hasPrevious: cursor !== null };
}

/** Index range [lo, hi) of keys satisfying a comparison on the sort field (pre-filter, not a filter). */
export function narrowRange(
  rows: WireObject[], keyOf: KeyFn, pkOf: (row: WireObject) => number,
  range: [number, number], op: string, bounds: SortKey[],
): [number, number] {
  let [lo, hi] = range;
  const first = (key: SortKey): number => lowerBound(rows, keyOf, pkOf, key, -Infinity);
  const after = (key: SortKey): number => upperBound(rows, keyOf, pkOf, key, Infinity);
  if (op === '>=' || op === '=' || op === '><') lo = Math.max(lo, first(bounds[0]));
  if (op === '>') lo = Math.max(lo, after(bounds[0]));
  if (op === '<=' || op === '=') hi = Math.min(hi, after(bounds[0]));
  if (op === '><') hi = Math.min(hi, after(bounds[1]));
  if (op === '<') hi = Math.min(hi, first(bounds[0]));
  return [lo, Math.max(lo, hi)];
}
