/**
 * `load_relations`: which relation names an entity accepts, how each is resolved (to-one via a
 * foreign key, to-many via the child's key, embedded side data such as Contact), and rendering.
 */
import { Store } from './store';
import { Table } from './table';
import { SimEntity, WireObject, isValueList } from './types';
import { wrapList } from './wire';

/** How one relation of a table is loaded. */
export type RelationDef =
  | { kind: 'toOne'; table: string; localKey: string }
  | { kind: 'toMany'; table: string; foreignKey: string; element: string }
  | { kind: 'embedded' }
  /** Always part of the record (Item's Prices); naming it changes nothing. */
  | { kind: 'default' }
  /** A to-one relation the docs list but the data here does not hold: accepted, absent (as with a foreign key of 0). */
  | { kind: 'unsupported'; toMany: false }
  /** A list, or a sub-object the docs type as a field (PriceLevel.Calculation): side data when seeded, else "". */
  | { kind: 'empty'; toMany: boolean };

/** Parsed `load_relations`: relation name -> nested relations. */
export type RelationTree = Map<string, RelationTree>;

/** Side data stored with the record (Contact, EmployeeRole, a Customer's Note...). */
const EMBEDDED: RelationDef = { kind: 'embedded' };

/** Relations the generic inference cannot find from field names. */
const EXPLICIT: Record<string, Record<string, RelationDef>> = {
  Item: {
    ItemPrices: { kind: 'default' },
    ItemShops: { kind: 'toMany', table: 'ItemShop', foreignKey: 'itemID', element: 'ItemShop' },
    Images: { kind: 'toMany', table: 'Image', foreignKey: 'itemID', element: 'Image' },
  },
  ItemMatrix: { Images: { kind: 'toMany', table: 'Image', foreignKey: 'itemMatrixID', element: 'Image' } },
  Category: { Parent: { kind: 'toOne', table: 'Category', localKey: 'parentID' } },
  Customer: { Contact: EMBEDDED, Note: EMBEDDED },
  Vendor: { Contact: EMBEDDED },
  Employee: { Contact: EMBEDDED, EmployeeRole: EMBEDDED },
  Shop: { Contact: EMBEDDED, ReceiptSetup: EMBEDDED, CCGateway: EMBEDDED, Registers: { kind: 'toMany', table: 'Register', foreignKey: 'shopID', element: 'Register' } },
};

/** Resolves and renders relations against the store. */
export class Relations {
  private readonly listedNames = new Map<string, Set<string>>();
  private readonly cache = new Map<string, RelationDef | null>();

  constructor(private readonly store: Store) {
    for (const entity of store.entities.values()) {
      const names = this.listedNames.get(entity.table) ?? new Set<string>();
      for (const relation of entity.relations) names.add(relation.split('.')[0]);
      this.listedNames.set(entity.table, names);
    }
  }

  /** True when the docs list `name` among the relations of `table` (not only as a field). */
  listed(table: Table, name: string): boolean {
    return this.listedNames.get(table.name)?.has(name) ?? false;
  }

  /** How relation `name` of `table` loads, or null when the table has no such relation. */
  resolve(table: Table, name: string): RelationDef | null {
    const key = `${table.name}.${name}`;
    if (!this.cache.has(key)) this.cache.set(key, this.infer(table, name));
    return this.cache.get(key) ?? null;
  }

  private infer(table: Table, name: string): RelationDef | null {
    const explicit = EXPLICIT[table.name]?.[name];
    if (explicit) return explicit;
    const target = this.store.table(name);
    const localKey = `${name[0].toLowerCase()}${name.slice(1)}ID`;
    if (target && table.fields.has(localKey)) return { kind: 'toOne', table: target.name, localKey };
    const singular = name.endsWith('s') ? name.slice(0, -1) : '';
    const children = singular ? this.store.table(singular) : undefined;
    if (children && children.fields.has(table.primaryKey)) {
      return { kind: 'toMany', table: children.name, foreignKey: table.primaryKey, element: singular };
    }
    // The real API answers an empty list or sub-object with "" (recordings: Tags, Calculation, Reps).
    if (this.listed(table, name)) return name.endsWith('s') ? { kind: 'empty', toMany: true } : { kind: 'unsupported', toMany: false };
    const field = table.fields.get(name);
    // A list of values (ItemMatrix's attribute1Values) is a plain field of the record, not a relation.
    if (isValueList(field)) return null;
    const type = field?.type;
    // A to-one relation by a key the simulator keeps no table for (Item.Department): absent, as with a key of 0.
    if (table.fields.has(localKey)) return { kind: 'unsupported', toMany: false };
    if (type === 'object' || type === 'array') return { kind: 'empty', toMany: type === 'array' || name.endsWith('s') };
    return null;
  }

  /**
   * Parses `load_relations` (a JSON array of names, or `all`). Returns null when the value is
   * malformed or names an unknown relation: the real API then answers with no records at all.
   */
  parse(entity: SimEntity, raw: string | null): RelationTree | null {
    const tree: RelationTree = new Map();
    const table = this.store.tableOf(entity);
    if (raw === null || raw === '' || !table) return tree;
    if (raw === 'all') return this.all(table, entity);
    let names: unknown;
    try {
      names = JSON.parse(raw);
    } catch {
      return null;
    }
    if (!Array.isArray(names)) return null;
    for (const name of names) {
      if (typeof name !== 'string' || !this.addPath(tree, table, name.split('.'))) return null;
    }
    return tree;
  }

  /**
   * `all`: every relation the docs list, nested ones included (the recordings' Sale carries SaleLines.Item and
   * Customer.Contact), and every sub-object field; custom field values only load when named.
   */
  private all(table: Table, entity: SimEntity): RelationTree {
    const tree: RelationTree = new Map();
    const subObjects = [...table.fields.values()].filter((f) => f.type === 'object' || f.type === 'array').map((f) => f.name);
    const paths = [...entity.relations, ...Object.keys(EXPLICIT[table.name] ?? {}), ...subObjects];
    for (const path of paths) {
      if (path.startsWith('CustomFieldValues')) continue;
      const parts = path.split('.');
      // A nested name the data cannot follow still loads its first level.
      if (!this.addPath(tree, table, parts) && !tree.has(parts[0])) this.addPath(tree, table, parts.slice(0, 1));
    }
    return tree;
  }

  private addPath(tree: RelationTree, table: Table, parts: string[]): boolean {
    const [head, ...rest] = parts;
    const def = this.resolve(table, head);
    if (!def) return false;
    let sub = tree.get(head);
    if (!sub) tree.set(head, (sub = new Map()));
    if (rest.length === 0) return true;
    const next = def.kind === 'toOne' || def.kind === 'toMany' ? this.store.table(def.table) : undefined;
    // Deeper levels of relations we do not model are accepted and ignored, like the docs list them.
    return next ? this.addPath(sub, next, rest) : def.kind !== 'default';
  }

  /** A copy of `row` with the relations of `tree` attached (the row itself when tree is empty). */
  attach(table: Table, row: WireObject, tree: RelationTree): WireObject {
    if (tree.size === 0) return row;
    const out: WireObject = { ...row };
    for (const [name, sub] of tree) {
      const def = this.resolve(table, name);
      if (!def) continue;
      if (def.kind === 'toOne') {
        const target = this.store.table(def.table);
        const related = target?.get(Number(row[def.localKey]));
        if (target && related) out[name] = this.attach(target, related, sub);
      } else if (def.kind === 'toMany') {
        const target = this.store.table(def.table);
        const children = target ? target.group(def.foreignKey, String(row[table.primaryKey])) : [];
        out[name] = wrapList(def.element, target ? children.map((c) => this.attach(target, c, sub)) : []);
      } else if (def.kind === 'embedded') {
        const side = this.store.getEmbedded(table.name, name, table.pkOf(row));
        if (side) out[name] = side;
      } else if (def.kind === 'empty' && !(name in row)) {
        out[name] = this.store.getEmbedded(table.name, name, table.pkOf(row)) ?? '';
      }
    }
    return out;
  }

  /** Table a to-one or to-many relation points at (undefined for other kinds). */
  targetTable(table: Table, name: string): Table | undefined {
    const def = this.resolve(table, name);
    return def && (def.kind === 'toOne' || def.kind === 'toMany') ? this.store.table(def.table) : undefined;
  }

  /** Related records of one relation (for relation search such as `Category.name=...`). */
  related(table: Table, row: WireObject, name: string): WireObject[] {
    const def = this.resolve(table, name);
    if (!def) return [];
    if (def.kind === 'toOne') {
      const related = this.store.table(def.table)?.get(Number(row[def.localKey]));
      return related ? [related] : [];
    }
    if (def.kind === 'toMany') return this.store.table(def.table)?.group(def.foreignKey, String(row[table.primaryKey])) ?? [];
    if (def.kind === 'embedded') {
      const side = this.store.getEmbedded(table.name, name, table.pkOf(row));
      return side ? [side] : [];
    }
    return [];
  }

  /** Drip cost of the tree: every relation at any depth, to-one 0.1, to-many 0.2 (protocol.json). */
  cost(table: Table, tree: RelationTree, perToOne: number, perToMany: number): number {
    let total = 0;
    for (const [name, sub] of tree) {
      const def = this.resolve(table, name);
      const toMany = def?.kind === 'toMany' || (def?.kind === 'empty' && def.toMany);
      total += toMany ? perToMany : perToOne;
      const next = def && (def.kind === 'toOne' || def.kind === 'toMany') ? this.store.table(def.table) : undefined;
      if (next) total += this.cost(next, sub, perToOne, perToMany);
    }
    return total;
  }
}

/** Number of relations named in a tree, at any depth. */
export function relationCount(tree: RelationTree): number {
  let n = 0;
  for (const sub of tree.values()) n += 1 + relationCount(sub);
  return n;
}
