/** Binary search over record arrays kept sorted by (sort key, primary key). */
import { FieldType, WireObject } from './types';

/** A comparable sort key: numbers for numeric fields, strings otherwise. */
export type SortKey = number | string;

/** Extracts a record's sort key for one field. */
export type KeyFn = (row: WireObject) => SortKey;

/** Builds the key function of a field: numeric types compare as numbers, text case-insensitively. */
export function keyFnFor(field: string, type: FieldType | undefined): KeyFn {
  if (type === 'integer' || type === 'float') {
    return (row) => {
      const n = Number(row[field]);
      return Number.isNaN(n) ? -Infinity : n;
    };
  }
  // Stored datetimes are canonical UTC strings, so string order is instant order.
  if (type === 'datetime' || type === 'date') return (row) => (typeof row[field] === 'string' ? (row[field] as string) : '');
  return (row) => (typeof row[field] === 'string' ? (row[field] as string).toLowerCase() : '');
}

/** Normalises a raw value (from a cursor or filter) the way keyFnFor would. */
export function keyOfValue(value: string, type: FieldType | undefined): SortKey {
  if (type === 'integer' || type === 'float') {
    const n = Number(value);
    return Number.isNaN(n) ? -Infinity : n;
  }
  if (type === 'datetime' || type === 'date') return value;
  return value.toLowerCase();
}

/** Orders (key, pk) pairs. */
export function comparePair(aKey: SortKey, aPk: number, bKey: SortKey, bPk: number): number {
  if (aKey < bKey) return -1;
  if (aKey > bKey) return 1;
  return aPk - bPk;
}

/** Index of the first row whose (key, pk) is >= (key, pk). Use pk -Infinity/+Infinity for key-only bounds. */
export function lowerBound(rows: WireObject[], keyOf: KeyFn, pkOf: (row: WireObject) => number, key: SortKey, pk: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePair(keyOf(rows[mid]), pkOf(rows[mid]), key, pk) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first row whose (key, pk) is > (key, pk). */
export function upperBound(rows: WireObject[], keyOf: KeyFn, pkOf: (row: WireObject) => number, key: SortKey, pk: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePair(keyOf(rows[mid]), pkOf(rows[mid]), key, pk) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
