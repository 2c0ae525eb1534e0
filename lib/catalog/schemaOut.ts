/** Output schema: the shape of a record after the client normalised it. */
import { nestedRecord, ResolvedElement } from './elements';
import { fieldSchema, isScalarList } from './fieldSchemas';
import { DRAFT_07, JsonSchema, JsonType } from './jsonSchema';
import { fieldTitle } from './titles';
import { EntitySpec, FieldSpec } from './types';

interface OutContext {
  owner: EntitySpec;
  catalog: readonly EntitySpec[];
  /** Records open on the way down: a record inside itself is left open rather than described forever. */
  seen: readonly string[];
}

/** JSON Schema of one record of `entity` as the client returns it, nested records described at every depth. */
export function buildOutSchema(entity: EntitySpec, catalog: readonly EntitySpec[]): JsonSchema {
  return {
    $schema: DRAFT_07,
    title: entity.title,
    description: `${entity.title} record (response key "${entity.responseKey}"). One-or-many containers ` +
      'are normalised to arrays; empty values of non-string fields arrive as null.',
    type: 'object',
    properties: outProperties(entity.fields, { owner: entity, catalog, seen: [entity.name] }),
    additionalProperties: true,
  };
}

function outProperties(fields: FieldSpec[], context: OutContext): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = {};
  for (const field of fields) properties[field.name] = outProperty(field, context);
  return properties;
}

function outProperty(field: FieldSpec, context: OutContext): JsonSchema {
  const title = fieldTitle(field.name);
  // One value, several or none ("") on the wire: always an array here, never null.
  if (isScalarList(field)) return fieldSchema(field);
  if (field.type === 'object' || field.type === 'array') {
    const nested = nestedRecord(context.catalog, context.owner, field, context.seen);
    if (nested.kind === 'container') {
      // `ItemShops: {ItemShop: [...]}`: the client always turns the element into an array.
      const elements: JsonSchema = { type: 'array', items: recordSchema(nested.element, nested.record, context) };
      return { title, type: ['object', 'null'], properties: { [nested.element]: elements }, additionalProperties: true };
    }
    if (nested.kind === 'record') return { title, ...recordSchema(nested.name, nested.record, context), type: ['object', 'null'] };
    if (field.type === 'object') return { title, type: ['object', 'null'], additionalProperties: true };
  }
  // Closed lists of plain string fields are not enforced on output: unset values arrive as "".
  if (field.type === 'string') return { title, type: 'string' };
  return nullable(fieldSchema(field));
}

/** An element's fields as an open object (Lightspeed may add fields), or an open object when undescribed. */
function recordSchema(name: string, record: ResolvedElement | undefined, context: OutContext): JsonSchema {
  if (!record) return { type: 'object', additionalProperties: true };
  const inner: OutContext = { owner: record.owner, catalog: context.catalog, seen: [...context.seen, name] };
  return { type: 'object', properties: outProperties(record.fields, inner), additionalProperties: true };
}

/** Non-string fields may be null (the client maps their empty strings to null). */
function nullable(schema: JsonSchema): JsonSchema {
  if (schema.type === undefined) return schema;
  const types: JsonType[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  const result: JsonSchema = { ...schema, type: [...types, 'null'] };
  if (schema.enum) result.enum = [...schema.enum, null];
  return result;
}
