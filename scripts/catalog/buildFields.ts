/** Fields, nested record shapes and container names of one catalog entity. */
import { FieldSpec, FieldType, ListItemType } from '../../lib/catalog/types';
import { RawEntity, RawField } from './rawCatalog';

const FIELD_TYPES: readonly FieldType[] = [
  'integer', 'float', 'string', 'boolean', 'datetime', 'date', 'enum', 'object', 'array', 'mixed',
];

const LIST_ITEM_TYPES: readonly ListItemType[] = ['string', 'integer', 'float', 'boolean'];

/** Looks up another raw entity by name (for `fieldsFrom` / `subObjectsFrom`). */
export type RawLookup = (name: string) => RawEntity;

/** Keeps name, type, readOnly, enum (as strings), ref and a scalar list's item type; drops the provenance flags. */
export function toFieldSpec(raw: RawField): FieldSpec {
  if (!FIELD_TYPES.includes(raw.type as FieldType)) {
    throw new Error(`catalog field "${raw.name}" has unknown type "${raw.type}"`);
  }
  const field: FieldSpec = { name: raw.name, type: raw.type as FieldType, readOnly: raw.readOnly };
  if (raw.items !== undefined) field.items = listItemType(raw);
  if (raw.enum) field.enum = raw.enum.map(String);
  if (raw.ref) field.ref = raw.ref;
  return field;
}

/** `items` only on an `array`, and only a scalar type: a list of records is described by its element instead. */
function listItemType(raw: RawField): ListItemType {
  if (raw.type !== 'array' || !LIST_ITEM_TYPES.includes(raw.items as ListItemType)) {
    throw new Error(`catalog field "${raw.name}": items "${String(raw.items)}" needs type "array" and one of ${LIST_ITEM_TYPES.join(', ')}`);
  }
  return raw.items as ListItemType;
}

/** Own fields, or the fields of the entity named by `fieldsFrom`, plus containers only seen in samples. */
export function buildFields(raw: RawEntity, lookup: RawLookup): FieldSpec[] {
  const source = raw.fieldsFrom ? lookup(raw.fieldsFrom).fields : raw.fields;
  const fields = source.map(toFieldSpec);
  return [...fields, ...missingContainerFields(raw, fields)];
}

/** Sub-object tables: inherited (fieldsFrom), own, then borrowed whole entities (subObjectsFrom). */
export function buildSubObjects(raw: RawEntity, lookup: RawLookup): Record<string, FieldSpec[]> {
  const subObjects: Record<string, FieldSpec[]> = {};
  const inherited = raw.fieldsFrom ? lookup(raw.fieldsFrom).subObjects : {};
  for (const [element, fields] of Object.entries({ ...inherited, ...raw.subObjects })) {
    subObjects[element] = fields.map(toFieldSpec);
  }
  for (const [element, entityName] of Object.entries(raw.subObjectsFrom ?? {})) {
    subObjects[element] = lookup(entityName).fields.map(toFieldSpec);
  }
  addNestedContainers(raw, subObjects);
  return subObjects;
}

/** Contact's table lists no `Addresses` row; the nesting notes say it holds ContactAddress, so add it. */
function addNestedContainers(raw: RawEntity, subObjects: Record<string, FieldSpec[]>): void {
  for (const [element, { wrapper, parent }] of Object.entries(raw.subObjectNesting ?? {})) {
    const parentFields = Object.hasOwn(subObjects, parent) ? subObjects[parent] : undefined;
    const name = wrapper ?? element;
    if (parentFields && !parentFields.some((field) => field.name === name)) {
      parentFields.push({ name, type: 'object', readOnly: false });
    }
  }
}

/**
 * Container -> element pairs: the sample's pairs, the documented nesting (Contact.Addresses.ContactAddress),
 * and plural containers of a known record (`SaleLines` -> `SaleLine`), per the API's naming convention.
 */
export function buildWrappers(
  raw: RawEntity,
  fields: FieldSpec[],
  knownRecords: ReadonlySet<string>,
): Record<string, string> {
  const pairs: Record<string, string> = { ...raw.sampleWrappers };
  for (const [element, nesting] of Object.entries(raw.subObjectNesting ?? {})) {
    if (nesting.wrapper && !pairs[nesting.wrapper]) pairs[nesting.wrapper] = element;
  }
  for (const field of fields) {
    if (pairs[field.name] || !isContainerType(field)) continue;
    const element = singularForms(field.name).find((name) => knownRecords.has(name));
    if (element) pairs[field.name] = element;
  }
  return sortedRecord(pairs);
}

/** `Prices` holds `ItemPrice` on Item but has no row in the Fields table; it is writable, so add it. */
function missingContainerFields(raw: RawEntity, fields: FieldSpec[]): FieldSpec[] {
  const names = new Set(fields.map((field) => field.name));
  const coveredElements = new Set(fields.flatMap((field) => singularForms(field.name)));
  return Object.entries(raw.sampleWrappers ?? {})
    .filter(([container, element]) =>
      !names.has(container) &&
      !coveredElements.has(element) &&
      raw.subObjects[element] !== undefined &&
      raw.subObjectNesting?.[element] === undefined)
    .map(([container]) => ({ name: container, type: 'object' as const, readOnly: false }));
}

function isContainerType(field: FieldSpec): boolean {
  return field.type === 'object' || field.type === 'array';
}

/** `SaleLines` -> `SaleLine`, `TaxCategoryClasses` -> `TaxCategoryClass`. */
function singularForms(name: string): string[] {
  const forms: string[] = [];
  if (name.endsWith('es')) forms.push(name.slice(0, -2));
  if (name.endsWith('s')) forms.push(name.slice(0, -1));
  return forms;
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key];
  return sorted;
}
