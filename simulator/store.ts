/** The in-memory store: one Table per storage table, side data for embedded relations, write clock. */
import { changeStamps } from './stamps';
import { Table } from './table';
import { formatTimestamp, parseInstant } from './time';
import { SimEntity, SimField, WireObject, isValueList } from './types';

/** Default stored value of a scalar field (or list of values: none is `""`) that a create omits. */
function defaultValue(field: SimField): string | null {
  if (isValueList(field)) return '';
  switch (field.type) {
    case 'integer':
    case 'float':
      return '0';
    case 'boolean':
      return 'false';
    case 'enum':
      return field.enum?.[0] ?? '';
    case 'object':
    case 'array':
      return null;
    default:
      return '';
  }
}

/**
 * Tables whose records the recordings show without a timeStamp (Account, price_levels, Sales' SalePayments and their
 * PaymentType, a Shop's Registers, ItemAttributeSet). Every other table carries one, documented or not (Shop and
 * SpecialOrder are recorded with one the docs omit).
 */
const UNSTAMPED = new Set(['Account', 'ItemAttributeSet', 'PaymentType', 'PriceLevel', 'Register', 'SalePayment']);

/** All records of the simulated account. */
export class Store {
  readonly entities = new Map<string, SimEntity>();
  private readonly tables = new Map<string, Table>();
  private readonly embedded = new Map<string, Map<number, WireObject>>();
  private readonly templates = new Map<string, WireObject>();
  /** Keys real records carry without load_relations, per table: `""` until a value is stored. */
  private readonly alwaysSent = new Map<string, Set<string>>();
  private newestMs = 0;
  private seedHorizonMs = 0;

  constructor(entities: SimEntity[], private readonly now: () => number) {
    for (const e of entities) this.entities.set(e.name, e);
    const fieldsByTable = new Map<string, Map<string, SimField>>();
    for (const e of entities) {
      if (!e.primaryKey) continue;
      const fields = fieldsByTable.get(e.table) ?? new Map<string, SimField>();
      fieldsByTable.set(e.table, fields);
      const add = (f: SimField): void => {
        if (!fields.has(f.name)) fields.set(f.name, f);
      };
      add({ name: e.primaryKey, type: 'integer', readOnly: false });
      for (const f of e.fields.values()) add(f);
      for (const key of e.parentKeys) add({ name: key, type: 'integer', readOnly: false });
      if (e.deleteSemantics === 'archive') add({ name: 'archived', type: 'boolean', readOnly: false });
    }
    for (const e of entities) {
      if (!e.primaryKey) continue;
      const keys = this.alwaysSent.get(e.table) ?? new Set<string>();
      for (const key of e.alwaysSent) keys.add(key);
      this.alwaysSent.set(e.table, keys);
    }
    for (const [name, fields] of fieldsByTable) {
      if (!fields.has('timeStamp') && !UNSTAMPED.has(name)) fields.set('timeStamp', { name: 'timeStamp', type: 'datetime', readOnly: true });
      const owner = this.entities.get(name) ?? entities.find((e) => e.table === name);
      this.tables.set(name, new Table(name, owner?.primaryKey ?? `${name}ID`, fields));
    }
  }

  /** Table by table name or by the name of an entity stored in it. */
  table(name: string): Table | undefined {
    return this.tables.get(name) ?? this.tables.get(this.entities.get(name)?.table ?? '');
  }

  /** Table of an entity (undefined for entities without a primary key, e.g. reports). */
  tableOf(entity: SimEntity): Table | undefined {
    return this.tables.get(entity.table);
  }

  /** One record by entity/table name and id. */
  get(name: string, id: number): WireObject | undefined {
    return this.table(name)?.get(id);
  }

  /** All records of an entity/table, ascending id (the live array: do not mutate). */
  list(name: string): WireObject[] {
    return this.table(name)?.rows ?? [];
  }

  /** A record with every scalar field at its default, in catalog field order. */
  blankRecord(table: Table): WireObject {
    let template = this.templates.get(table.name);
    if (!template) {
      const row: WireObject = {};
      for (const field of table.fields.values()) {
        const value = defaultValue(field);
        if (value !== null) row[field.name] = value;
      }
      for (const key of this.alwaysSent.get(table.name) ?? []) if (!(key in row)) row[key] = '';
      template = this.setTemplate(table, row);
    }
    return { ...template };
  }

  /**
   * Objects built by computed-key stores fall into V8's slow dictionary mode (2 KB+ per record at
   * 100k Items); JSON.parse builds a fast template, and spreading it yields fast copies as long as
   * no property is added afterwards.
   */
  private setTemplate(table: Table, row: WireObject): WireObject {
    const template = JSON.parse(JSON.stringify(row)) as WireObject;
    this.templates.set(table.name, template);
    return template;
  }

  /** Seeded records may carry keys beyond the scalar fields (Item Prices): extend the template once. */
  private seededRecord(table: Table, values: WireObject): WireObject {
    const template = this.blankRecord(table);
    const extra = Object.keys(values).filter((key) => !(key in template));
    if (extra.length === 0) return Object.assign(template, values);
    for (const key of extra) template[key] = '';
    this.setTemplate(table, template);
    return Object.assign(this.blankRecord(table), values);
  }

  /** Inserts a seeded record as given (timestamps included); fills defaults and the id. */
  seed(tableName: string, values: WireObject): WireObject {
    const table = this.mustTable(tableName);
    const row = this.seededRecord(table, values);
    if (!values[table.primaryKey]) row[table.primaryKey] = String(table.allocateId());
    this.noteTimestamp(row.timeStamp);
    table.insert(row);
    return row;
  }

  /** Marks the end of seeding: touch() timestamps are strictly after everything seeded so far. */
  finishSeeding(): void {
    this.seedHorizonMs = this.newestMs;
  }

  /** Creates a record through the API: new id, createTime/timeStamp now. */
  create(tableName: string, values: WireObject): WireObject {
    const table = this.mustTable(tableName);
    const stamp = this.writeTimestamp();
    const row = Object.assign(this.blankRecord(table), values);
    row[table.primaryKey] = String(table.allocateId());
    if (table.fields.has('createTime')) row.createTime = stamp;
    if (table.fields.has('updatetime')) row.updatetime = stamp;
    if (table.fields.has('timeStamp')) row.timeStamp = stamp;
    table.insert(row);
    return row;
  }

  /** Updates a record in place and moves its timestamps as the entity does (`changeStamps`). */
  update(tableName: string, row: WireObject, patch: WireObject, stamp = this.writeTimestamp()): WireObject {
    const table = this.mustTable(tableName);
    table.update(row, { ...patch, ...changeStamps(table, row, patch, stamp) });
    return row;
  }

  /** Hard-deletes a record. */
  remove(tableName: string, row: WireObject): void {
    const table = this.mustTable(tableName);
    table.remove(row);
    for (const [key, side] of this.embedded) if (key.startsWith(`${table.name}.`)) side.delete(table.pkOf(row));
  }

  /** Bumps records' timestamps as if a user edited them (strictly after every seeded timestamp). */
  touch(name: string, ids: number[]): WireObject[] {
    const table = this.mustTable(name);
    const stamp = this.stampAtLeast(this.seedHorizonMs + 1000);
    return ids.map((id) => this.restamp(table, id, stamp));
  }

  /**
   * Records whose change becomes visible only now although it was stamped `behindMs` before the newest timestamp:
   * a long transaction committing, a replica catching up. A poll that already read past that time cannot see them.
   */
  touchLate(name: string, ids: number[], behindMs: number): WireObject[] {
    const table = this.mustTable(name);
    const stamp = formatTimestamp(this.newestMs - behindMs);
    return ids.map((id) => this.restamp(table, id, stamp));
  }

  private restamp(table: Table, id: number, stamp: string): WireObject {
    const row = table.get(id);
    if (!row) throw new Error(`${table.name} ${id} does not exist`);
    table.update(row, changeStamps(table, row, {}, stamp));
    return row;
  }

  /** Timestamp for a write: now, never earlier than the newest stored timestamp. */
  writeTimestamp(): string {
    return this.stampAtLeast(0);
  }

  /** Side data shown only when its relation is loaded (Customer.Contact...). */
  getEmbedded(table: string, relation: string, id: number): WireObject | undefined {
    return this.embedded.get(`${table}.${relation}`)?.get(id);
  }

  setEmbedded(table: string, relation: string, id: number, value: WireObject): void {
    const key = `${table}.${relation}`;
    let side = this.embedded.get(key);
    if (!side) this.embedded.set(key, (side = new Map()));
    side.set(id, value);
  }

  private stampAtLeast(minMs: number): string {
    const nowMs = Math.floor(this.now() / 1000) * 1000;
    this.newestMs = Math.max(nowMs, this.newestMs, minMs);
    return formatTimestamp(this.newestMs);
  }

  private noteTimestamp(value: unknown): void {
    if (typeof value !== 'string' || !value) return;
    const ms = parseInstant(value);
    if (ms !== null && ms > this.newestMs) this.newestMs = ms;
  }

  private mustTable(name: string): Table {
    const table = this.table(name);
    if (!table) throw new Error(`no table ${name}`);
    return table;
  }
}
