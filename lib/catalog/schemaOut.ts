/** Output schema: the shape of a record after the client normalised it. */
import { containerElement, resolveElement } from './elements';
import { fieldSchema } from './fieldSchemas';
import { DRAFT_07, JsonSchema, JsonType } from './jsonSchema';
import { fieldTitle } from './titles';
import { EntitySpec, FieldSpec } from './types';

/** Nested records are described this many levels deep; deeper ones are open objects. */
const MAX_DEPTH = 2;

interface OutContext {
  owner: EntitySpec;
  catalog: readonly EntitySpec[];
  depth: number;
}

/** JSON Schema of one record of `entity` as the client returns it. */
export function buildOutSchema(entity: EntitySpec, catalog: readonly EntitySpec[]): JsonSchema {
  return {
    $schema: DRAFT_07,
    title: entity.title,
    description: `${entity.title} record (response key "${entity.responseKey}"). One-or-many containers ` +
      'are normalised to arrays; empty values of non-string fields arrive as null.',
    type: 'object',
    properties: outProperties(entity.fields, { owner: entity, catalog, depth: 0 }),
    additionalProperties: true,
  };
}

function outProperties(fields: FieldSpec[], context: OutContext): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = {};
  for (const field of fields) properties[field.name] = outProperty(field, context);
  return properties;
}

function outProperty(field: FieldSpec, context: OutContext): JsonSchema {
  const element = containerElement(context.owner, field.name);
  if (element && (field.type === 'object' || field.type === 'array')) {
    return containerSchema(field.name, element, context);
  }
  if (field.type === 'object') return nestedObjectSchema(field.name, context);
  // Closed lists of plain string fields are not enforced on output: unset values arrive as "".
  if (field.type === 'string') return { title: fieldTitle(field.name), type: 'string' };
  return nullable(fieldSchema(field));
}

/** `ItemShops: { ItemShop: [ ... ] }`: the client always turns the element into an array. */
function containerSchema(container: string, element: string, context: OutContext): JsonSchema {
  const elements: JsonSchema = { type: 'array', items: recordSchema(element, context) };
  return {
    title: fieldTitle(container),
    type: ['object', 'null'],
    properties: { [element]: elements },
    additionalProperties: true,
  };
}

function nestedObjectSchema(name: string, context: OutContext): JsonSchema {
  return { title: fieldTitle(name), ...recordSchema(name, context), type: ['object', 'null'] };
}

/** An element's fields as an open object, when the element is known and not too deep. */
function recordSchema(elementName: string, context: OutContext): JsonSchema {
  const resolved = context.depth < MAX_DEPTH
    ? resolveElement(context.catalog, context.owner, elementName)
    : undefined;
  if (!resolved) return { type: 'object', additionalProperties: true };
  const inner: OutContext = { owner: resolved.owner, catalog: context.catalog, depth: context.depth + 1 };
  return { type: 'object', properties: outProperties(resolved.fields, inner), additionalProperties: true };
}

/** Non-string fields may be null (the client maps their empty strings to null). */
function nullable(schema: JsonSchema): JsonSchema {
  if (schema.type === undefined) return schema;
  const types: JsonType[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  const result: JsonSchema = { ...schema, type: [...types, 'null'] };
  if (schema.enum) result.enum = [...schema.enum, null];
  return result;
}
