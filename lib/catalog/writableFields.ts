/** In-schemas of what a write may carry, nested records included (Customer.Contact, Item.Prices, Sale.SaleLines). */
import { isReference, nestedRecord, ResolvedElement } from './elements';
import { fieldSchema, isScalarList } from './fieldSchemas';
import { JsonSchema } from './jsonSchema';
import { fieldTitle } from './titles';
import { EntitySpec, FieldSpec } from './types';

export interface WriteContext {
  catalog: readonly EntitySpec[];
  /** Entity whose sub-objects and wrappers describe the fields' nested records. */
  owner: EntitySpec;
  /** Records open on the way down (a record inside itself is not described again). */
  seen: readonly string[];
}

/**
 * Where the catalog has no fields for a nested record (Vendor's `Reps`, Item's `ItemShelfLocations`, a record inside
 * itself), it stays open: the API takes it and we cannot tell a right field from a wrong one, so refusing any would
 * refuse what may be correct. Everything the catalog describes is closed, so a misspelt field never goes unnoticed.
 */
const UNDESCRIBED = 'Lightspeed documents no fields for it: sent as given, unchecked';

/**
 * Schemas of the writable `fields`, at every depth: scalars typed, nested records closed to their own fields, lists
 * in Lightspeed's container shape (`{"Emails": {"ContactEmail": [...]}}`). Read-only fields are left out, and so are
 * references to other records (`Category` beside `categoryID`): a write names those by their ID.
 */
export function writableProperties(fields: FieldSpec[], context: WriteContext): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = {};
  for (const field of fields) {
    if (field.readOnly || isReference(context.catalog, context.owner, field.name)) continue;
    properties[field.name] = writableProperty(field, context);
  }
  return properties;
}

function writableProperty(field: FieldSpec, context: WriteContext): JsonSchema {
  // A list of values (ItemMatrix's attribute1Values); one value may come bare, validation makes it a list of one.
  if ((field.type !== 'object' && field.type !== 'array') || isScalarList(field)) return fieldSchema(field);
  const title = fieldTitle(field.name);
  const nested = nestedRecord(context.catalog, context.owner, field, context.seen);
  switch (nested.kind) {
    case 'container': {
      // One element may come as an object; validation makes it the list of one that Lightspeed also takes.
      const elements: JsonSchema = { title: fieldTitle(nested.element), type: 'array', items: recordSchema(nested.element, nested.record, context) };
      return { title, type: 'object', properties: { [nested.element]: elements }, additionalProperties: false };
    }
    case 'record':
      return { title, ...recordSchema(nested.name, nested.record, context) };
    case 'undescribed':
      return { ...fieldSchema(field), description: UNDESCRIBED };
  }
}

function recordSchema(name: string, record: ResolvedElement | undefined, context: WriteContext): JsonSchema {
  if (!record) return { type: 'object', description: UNDESCRIBED };
  const inner: WriteContext = { catalog: context.catalog, owner: record.owner, seen: [...context.seen, name] };
  return { type: 'object', properties: writableProperties(record.fields, inner), additionalProperties: false };
}
