/** JSON Schema fragments for single catalog fields, shared by the in- and out-schema builders. */
import { JsonSchema, JsonType, JsonValue } from './jsonSchema';
import { fieldTitle } from './titles';
import { FieldSpec, FieldType } from './types';

const JSON_TYPE: Record<FieldType, JsonType | null> = {
  integer: 'integer',
  float: 'number',
  boolean: 'boolean',
  datetime: 'string',
  date: 'string',
  enum: 'string',
  string: 'string',
  object: 'object',
  array: 'array',
  mixed: null,
};

const FORMAT: Partial<Record<FieldType, string>> = { datetime: 'date-time', date: 'date' };

/** Plain (non-nullable) schema of a field: JSON type, format and closed value list; a scalar list's value type. */
export function fieldSchema(field: FieldSpec): JsonSchema {
  const schema: JsonSchema = { title: fieldTitle(field.name) };
  const type = JSON_TYPE[field.type];
  if (type) schema.type = type;
  if (field.items !== undefined) schema.items = { type: JSON_TYPE[field.items] as JsonType };
  const format = FORMAT[field.type];
  if (format) schema.format = format;
  if (field.enum && type) schema.enum = enumValues(field.enum, type);
  return schema;
}

/** A list of scalars (`"type": "array", "items": "string"`), as against a list or container of records. */
export function isScalarList(field: FieldSpec): boolean {
  return field.type === 'array' && field.items !== undefined;
}

/** Schema of an ID in a path or lookup: a positive integer. */
export function idSchema(name: string, description?: string): JsonSchema {
  const schema: JsonSchema = { title: fieldTitle(name) };
  if (description) schema.description = description;
  return { ...schema, type: 'integer', minimum: 1 };
}

/** The catalog stores enum values as strings; numeric fields compare them as numbers. */
function enumValues(values: string[], type: JsonType): JsonValue[] {
  return type === 'integer' || type === 'number' ? values.map(Number) : [...values];
}
