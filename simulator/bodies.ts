/** Validates and converts request bodies (native JSON or strings) to stored wire values. */
import { Relations } from './relations';
import { Table } from './table';
import { canonicalTimestamp } from './time';
import { ApiError, SimEntity, SimField, WireObject } from './types';
import { collapse, toWire } from './wire';

/** Fields a create must supply (what the real API rejects creates without). */
const REQUIRED_ON_CREATE: Record<string, string[]> = {
  Item: ['description'],
  Category: ['name'],
  Manufacturer: ['name'],
  Vendor: ['name'],
  Tag: ['name'],
  Shop: ['name'],
  CustomerType: ['name'],
  PaymentType: ['name'],
};

/** Values the server maintains itself; a body cannot set them. */
const SERVER_FIELDS = new Set(['timeStamp', 'createTime', 'updatetime']);

/** A body split into stored scalars and nested containers for the nested writers. */
export interface ParsedBody {
  values: WireObject;
  nested: Record<string, unknown>;
}

function invalid(entity: SimEntity, field: string, value: unknown, what: string): ApiError {
  return new ApiError(400, `Invalid value for ${entity.responseKey}.${field}: ${JSON.stringify(value)} is not ${what}`, 'ValidationException');
}

/** Converts one scalar for a field, or throws 400. */
export function convertScalar(entity: SimEntity, field: SimField, value: unknown): string {
  if (value === null || value === undefined) return field.type === 'integer' || field.type === 'float' ? '0' : '';
  if (typeof value === 'object') throw invalid(entity, field.name, value, 'a scalar');
  const text = String(value).trim();
  switch (field.type) {
    case 'integer':
      if (text === '') return '0';
      if (!/^-?\d+$/.test(text)) throw invalid(entity, field.name, value, 'an integer');
      return String(Number(text));
    case 'float':
      if (text === '') return '0';
      if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw invalid(entity, field.name, value, 'a number');
      return text;
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower === 'true' || lower === '1') return 'true';
      if (lower === 'false' || lower === '0' || lower === '') return 'false';
      throw invalid(entity, field.name, value, 'a boolean');
    }
    case 'datetime': {
      if (text === '') return '';
      const canonical = canonicalTimestamp(text);
      if (canonical === null) throw invalid(entity, field.name, value, 'an ISO 8601 datetime');
      return canonical;
    }
    case 'enum':
      if (field.enum && text !== '' && !field.enum.includes(text)) throw invalid(entity, field.name, value, `one of ${field.enum.join(', ')}`);
      return text;
    default:
      return String(value);
  }
}

/** Accepts `{...}` or `{"Item": {...}}`; anything else is a 400. */
export function bodyObject(entity: SimEntity, body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, `Request body must be a JSON object describing a ${entity.responseKey}`, 'ValidationException');
  }
  const record = body as Record<string, unknown>;
  const keys = Object.keys(record);
  const inner = record[entity.responseKey];
  if (keys.length === 1 && typeof inner === 'object' && inner !== null && !Array.isArray(inner)) return inner as Record<string, unknown>;
  return record;
}

/**
 * Splits a body into stored scalars and nested containers. Unknown and read-only fields are
 * ignored; relation containers go to `nested` for the entity's nested writer.
 */
export function parseBody(entity: SimEntity, table: Table, relations: Relations, body: unknown, mode: 'create' | 'update'): ParsedBody {
  const record = bodyObject(entity, body);
  const values: WireObject = {};
  const nested: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === table.primaryKey || SERVER_FIELDS.has(key) || key === '@attributes') continue;
    const field = table.fields.get(key);
    if (!field) {
      if (/^[A-Z]/.test(key)) nested[key] = value; // containers such as Prices, SaleLines
      continue;
    }
    if (field.readOnly) continue;
    if (field.type === 'object' || field.type === 'array') {
      // A sub-object or list of values the simulator holds no records for is stored with the record, as sent back
      // (one value bare, several an array, none "").
      const def = relations.resolve(table, key);
      if (def && (def.kind !== 'empty' || relations.listed(table, key))) nested[key] = value;
      else values[key] = collapse(toWire(value));
      continue;
    }
    values[key] = convertScalar(entity, field, value);
  }
  if (mode === 'create') {
    for (const required of REQUIRED_ON_CREATE[table.name] ?? []) {
      if (!values[required]) {
        throw new ApiError(400, `${entity.responseKey}.${required} is required`, 'ValidationException');
      }
    }
  }
  return { values, nested };
}
