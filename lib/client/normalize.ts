import { JsonRecord, RecordShape, isRecord } from '../catalog/records';
import { FieldType, ListItemType } from '../catalog/types';
import { MalformedResponseError, RequestContext } from './http';


/**
 * The records of a response body, always as an array. Lightspeed sends one match as an object, several as an
 * array, and none as a missing key or `""`.
 */
export function extractRecords(body: unknown, responseKey: string, request: RequestContext): JsonRecord[] {
  if (!isRecord(body)) throw new MalformedResponseError('the body is not a JSON object', request);
  const value = body[responseKey];
  if (value === undefined || value === '' || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every(isRecord)) throw new MalformedResponseError(`"${responseKey}" does not hold records`, request);
  return list;
}

/**
 * One record with lists as arrays (of records and of values), empty relations resolved and string scalars turned into
 * their declared types.
 * Works in place: the record comes from a body we just parsed and nobody else holds, and this runs for every field
 * of every record of a sync, so not copying it saves most of the garbage.
 */
export function normalizeRecord(raw: JsonRecord, shape: RecordShape): JsonRecord {
  for (const key in raw) {
    const value = raw[key];
    const listOf = shape.listItemType(key);
    if (listOf !== undefined) raw[key] = scalarList(value, listOf);
    else raw[key] = typeof value === 'string' ? normalizeString(key, value, shape) : normalizeValue(key, value, shape);
  }
  shape.complete(raw);
  return raw;
}

function normalizeValue(key: string, value: unknown, shape: RecordShape): unknown {
  if (Array.isArray(value)) {
    for (const item of value) if (isRecord(item)) normalizeRecord(item, shape.nested(key));
    return value;
  }
  if (!isRecord(value)) return value;
  const element = containerElementOf(key, value, shape);
  if (element === undefined) return normalizeRecord(value, shape.nested(key));
  const elementShape = shape.nested(element);
  const list = asList(value[element]);
  for (const item of list) normalizeRecord(item, elementShape);
  value[element] = list;
  return value;
}

function normalizeString(key: string, value: string, shape: RecordShape): unknown {
  const type = shape.fieldType(key);
  if (type === undefined && value !== '') return value;
  if (value === '') {
    // "" is how Lightspeed says "empty" for relations and for unset non-text scalars.
    const element = shape.containerElement(key);
    if (element !== undefined) return { [element]: [] };
    return type === undefined || type === 'string' ? (isRelationName(key) ? null : '') : null;
  }
  return convertScalar(value, type);
}

/**
 * A list of values as an array, whatever Lightspeed sent: one value bare (`"Red"`), several an array (`["S", "M"]`),
 * none `""`. Each value gets its declared type; anything else (an object we do not expect) is kept as sent.
 */
export function scalarList(value: unknown, itemType: ListItemType): unknown {
  if (value === '' || value === null) return [];
  if (typeof value === 'string') return [convertScalar(value, itemType)];
  if (!Array.isArray(value)) return value;
  return value.map((item) => (typeof item === 'string' ? convertScalar(item, itemType) : item));
}

const INTEGER = /^-?\d+$/;

/** A string from the wire as the type the catalog declares; unparsable text is kept rather than lost. */
export function convertScalar(value: string, type: FieldType | undefined): unknown {
  switch (type) {
    case 'integer':
      return INTEGER.test(value) ? +value : value;
    case 'float': {
      const number = +value;
      return Number.isFinite(number) && value.trim() !== '' ? number : value;
    }
    case 'boolean':
      if (value === 'true' || value === '1') return true;
      if (value === 'false' || value === '0') return false;
      return value;
    default:
      return value;
  }
}

/**
 * The element key when `value` is a list container such as `{"SaleLine": {...}}` under `SaleLines`: either the
 * catalog names it, or the object's only key is the singular of the container (`Addresses` -> `ContactAddress`).
 */
function containerElementOf(key: string, value: JsonRecord, shape: RecordShape): string | undefined {
  const known = shape.containerElement(key);
  if (known !== undefined && known in value) return known;
  const keys = Object.keys(value).filter((name) => name !== '@attributes');
  if (keys.length !== 1) return undefined;
  const [only] = keys;
  const inner = value[only];
  if (!isRecord(inner) && !Array.isArray(inner)) return undefined;
  return singularForms(key).some((singular) => only.endsWith(singular)) ? only : undefined;
}

function singularForms(container: string): string[] {
  const forms = [];
  if (container.endsWith('ies')) forms.push(`${container.slice(0, -3)}y`);
  if (container.endsWith('es')) forms.push(container.slice(0, -2));
  if (container.endsWith('s')) forms.push(container.slice(0, -1));
  return forms.filter((form) => form.length > 0);
}

function asList(value: unknown): JsonRecord[] {
  if (Array.isArray(value)) return value.filter(isRecord);
  return isRecord(value) ? [value] : [];
}

/** Relations are capitalised (`Category`, `Note`), fields camelCase (`description`). */
function isRelationName(key: string): boolean {
  return /^[A-Z]/.test(key);
}
