/**
 * One table of records, kept sorted by primary key, with lazily built sort indexes and foreign-key
 * groups that writes maintain incrementally (no re-sorting per request, even at 100k records).
 */
import { KeyFn, comparePair, keyFnFor, lowerBound } from './sortedIndex';
import { SimField, WireObject } from './types';

interface SortIndex {
  keyOf: KeyFn;
  rows: WireObject[];
}

/** Records of one storage table. */
export class Table {
  /** All records, ascending primary key. */
  readonly rows: WireObject[] = [];
  private readonly byId = new Map<number, WireObject>();
  private readonly sortIndexes = new Map<string, SortIndex>();
  private readonly groups = new Map<string, Map<string, WireObject[]>>();
  private lastId = 0;
  readonly pkOf: (row: WireObject) => number;

  constructor(
    readonly name: string,
    readonly primaryKey: string,
    readonly fields: Map<string, SimField>,
  ) {
    this.pkOf = (row) => Number(row[primaryKey]);
  }

  /** Next free primary key. */
  allocateId(): number {
    return this.lastId + 1;
  }

  get size(): number {
    return this.rows.length;
  }

  get(id: number): WireObject | undefined {
    return this.byId.get(id);
  }

  /** Adds a record whose primary key is already set. */
  insert(row: WireObject): void {
    const id = this.pkOf(row);
    if (this.byId.has(id)) throw new Error(`${this.name} ${id} already exists`);
    this.byId.set(id, row);
    this.lastId = Math.max(this.lastId, id);
    insertSorted(this.rows, row, () => 0, this.pkOf);
    for (const index of this.sortIndexes.values()) insertSorted(index.rows, row, index.keyOf, this.pkOf);
    for (const [field, groups] of this.groups) addToGroup(groups, row, field, this.pkOf);
  }

  /** Removes a record (hard delete). */
  remove(row: WireObject): void {
    const id = this.pkOf(row);
    if (!this.byId.delete(id)) return;
    removeSorted(this.rows, row, () => 0, this.pkOf);
    for (const index of this.sortIndexes.values()) removeSorted(index.rows, row, index.keyOf, this.pkOf);
    for (const [field, groups] of this.groups) removeFromGroup(groups, row, field, this.pkOf);
  }

  /** Applies a patch in place, moving the record in every index whose key changes. */
  update(row: WireObject, patch: WireObject): void {
    const changed = Object.keys(patch).filter((k) => patch[k] !== row[k]);
    const touchedIndexes = [...this.sortIndexes.entries()].filter(([field]) => changed.includes(field));
    const touchedGroups = [...this.groups.entries()].filter(([field]) => changed.includes(field));
    for (const [, index] of touchedIndexes) removeSorted(index.rows, row, index.keyOf, this.pkOf);
    for (const [field, groups] of touchedGroups) removeFromGroup(groups, row, field, this.pkOf);
    Object.assign(row, patch);
    for (const [, index] of touchedIndexes) insertSorted(index.rows, row, index.keyOf, this.pkOf);
    for (const [field, groups] of touchedGroups) addToGroup(groups, row, field, this.pkOf);
  }

  /** Key function used by the sort index of `field`. */
  keyFn(field: string): KeyFn {
    return this.sortIndexes.get(field)?.keyOf ?? keyFnFor(field, this.fields.get(field)?.type);
  }

  /** Records ascending by (field, primary key); built on first use, then maintained. */
  sortedBy(field: string): WireObject[] {
    if (field === this.primaryKey) return this.rows;
    let index = this.sortIndexes.get(field);
    if (!index) {
      const keyOf = keyFnFor(field, this.fields.get(field)?.type);
      const keyed = this.rows.map((row) => ({ row, key: keyOf(row), pk: this.pkOf(row) }));
      keyed.sort((a, b) => comparePair(a.key, a.pk, b.key, b.pk));
      index = { keyOf, rows: keyed.map((k) => k.row) };
      this.sortIndexes.set(field, index);
    }
    return index.rows;
  }

  /** Records whose `field` equals `value`, ascending primary key (foreign-key lookups). */
  group(field: string, value: string): WireObject[] {
    let groups = this.groups.get(field);
    if (!groups) {
      groups = new Map();
      for (const row of this.rows) addToGroup(groups, row, field, this.pkOf);
      this.groups.set(field, groups);
    }
    return groups.get(value) ?? [];
  }
}

function insertSorted(rows: WireObject[], row: WireObject, keyOf: KeyFn, pkOf: (r: WireObject) => number): void {
  const last = rows[rows.length - 1];
  const key = keyOf(row);
  const pk = pkOf(row);
  // Appends are the common case (new ids, fresh timestamps).
  if (!last || comparePair(keyOf(last), pkOf(last), key, pk) < 0) {
    rows.push(row);
    return;
  }
  rows.splice(lowerBound(rows, keyOf, pkOf, key, pk), 0, row);
}

function removeSorted(rows: WireObject[], row: WireObject, keyOf: KeyFn, pkOf: (r: WireObject) => number): void {
  const at = lowerBound(rows, keyOf, pkOf, keyOf(row), pkOf(row));
  if (rows[at] === row) rows.splice(at, 1);
  else {
    const fallback = rows.indexOf(row);
    if (fallback >= 0) rows.splice(fallback, 1);
  }
}

function groupKey(row: WireObject, field: string): string {
  const value = row[field];
  return typeof value === 'string' ? value : '';
}

function addToGroup(groups: Map<string, WireObject[]>, row: WireObject, field: string, pkOf: (r: WireObject) => number): void {
  const key = groupKey(row, field);
  let list = groups.get(key);
  if (!list) groups.set(key, (list = []));
  insertSorted(list, row, () => 0, pkOf);
}

function removeFromGroup(groups: Map<string, WireObject[]>, row: WireObject, field: string, pkOf: (r: WireObject) => number): void {
  const list = groups.get(groupKey(row, field));
  if (list) removeSorted(list, row, () => 0, pkOf);
}
