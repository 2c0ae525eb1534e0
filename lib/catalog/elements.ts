/** Resolves nested records (`ItemShop` in Item, `SaleLine` in Sale, `Contact` anywhere) to their field lists. */
import { EntitySpec, FieldSpec } from './types';

export interface ResolvedElement {
  fields: FieldSpec[];
  /** Entity whose sub-objects and wrappers describe the element's own nested records. */
  owner: EntitySpec;
}

/** What an object or list field holds, as the schema builders describe it. */
export type NestedRecord =
  /** `ItemShops: {ItemShop: [...]}`; `record` is undefined when the catalog does not describe the element. */
  | { kind: 'container'; element: string; record?: ResolvedElement }
  /** A to-one record such as Contact or Note. */
  | { kind: 'record'; name: string; record: ResolvedElement }
  /** The catalog has no fields for it, or it is a record inside itself (a SalePayment's CCCharge lists SalePayments). */
  | { kind: 'undescribed' };

interface Table {
  owner: EntitySpec;
  fields: FieldSpec[];
}

interface CatalogIndex {
  /** Sub-object tables by element name, from every page that has one. */
  tables: Map<string, Table[]>;
  /** Names and response keys of the catalog's pages. */
  pages: Set<string>;
}

const indexes = new WeakMap<readonly EntitySpec[], CatalogIndex>();

/**
 * The element's fields: the entity's own sub-object table, else the catalog entity named (or keyed) like the element,
 * else the tables other pages give for it. One record type (Contact, Note, CustomFieldValue) nests in several
 * pages, each documenting part of it (only Employee's Contact lists `contactID`), so a table is completed with the
 * fields the others add.
 */
export function resolveElement(
  catalog: readonly EntitySpec[],
  entity: EntitySpec,
  elementName: string,
): ResolvedElement | undefined {
  const tables = indexOf(catalog).tables.get(elementName) ?? [];
  if (Object.hasOwn(entity.subObjects, elementName)) {
    return { fields: withFieldsOf(entity.subObjects[elementName], tables), owner: entity };
  }
  const record = catalog.find((candidate) => candidate.name === elementName)
    ?? catalog.find((candidate) => candidate.responseKey === elementName);
  if (record) return { fields: record.fields, owner: record };
  return tables.length > 0 ? { fields: withFieldsOf([], tables), owner: tables[0].owner } : undefined;
}

/** Element name held by a container field (`ItemShops` -> `ItemShop`), if the entity knows one. */
export function containerElement(entity: EntitySpec, containerName: string): string | undefined {
  return Object.hasOwn(entity.wrappers, containerName) ? entity.wrappers[containerName] : undefined;
}

/** What the object or list `field` of `owner` holds; `seen` are the records already open on the way down. */
export function nestedRecord(
  catalog: readonly EntitySpec[],
  owner: EntitySpec,
  field: FieldSpec,
  seen: readonly string[],
): NestedRecord {
  const describe = (name: string): ResolvedElement | undefined =>
    (seen.includes(name) ? undefined : resolveElement(catalog, owner, name));
  const element = containerElement(owner, field.name);
  if (element !== undefined) return { kind: 'container', element, record: describe(element) };
  const record = field.type === 'object' ? describe(field.name) : undefined;
  return record ? { kind: 'record', name: field.name, record } : { kind: 'undescribed' };
}

/**
 * Whether the to-one object `fieldName` is another record that `entity` points at by an ID field (`Category` beside
 * `categoryID`, `Parent` beside `parentID`): `load_relations` adds it to reads, and a write names it by that ID.
 * Records written with their parent (Contact, Note) are sub-object tables rather than pages, so they never count.
 */
export function isReference(catalog: readonly EntitySpec[], entity: EntitySpec, fieldName: string): boolean {
  const idField = `${fieldName}ID`.toLowerCase();
  if (Object.hasOwn(entity.subObjects, fieldName) || !entity.fields.some((field) => field.name.toLowerCase() === idField)) {
    return false;
  }
  const index = indexOf(catalog);
  return index.pages.has(fieldName) || !index.tables.has(fieldName);
}

function withFieldsOf(own: FieldSpec[], tables: Table[]): FieldSpec[] {
  const fields = [...own];
  for (const field of tables.flatMap((table) => table.fields)) {
    if (!fields.some((known) => known.name === field.name)) fields.push(field);
  }
  return fields;
}

function indexOf(catalog: readonly EntitySpec[]): CatalogIndex {
  let index = indexes.get(catalog);
  if (!index) {
    const tables = new Map<string, Table[]>();
    for (const owner of catalog) {
      for (const [name, fields] of Object.entries(owner.subObjects)) tables.set(name, [...tables.get(name) ?? [], { owner, fields }]);
    }
    index = { tables, pages: new Set(catalog.flatMap((entity) => [entity.name, entity.responseKey])) };
    indexes.set(catalog, index);
  }
  return index;
}
