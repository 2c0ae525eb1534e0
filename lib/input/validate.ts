import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ValidationError } from '../client/http';
import { JsonSchema } from '../catalog/schemas';
import { closestFieldPath, containerElementOf, isValueList, listLoneElements, schemaPathOf } from './schemaPaths';
import { didYouMean } from '../text/suggest';

/** Lightspeed accepts what fits in a request; above this a mapping has most likely gone wrong. */
export const MAX_BODY_BYTES = 512 * 1024;

// Mappings on the platform often produce "5" for 5 and "true" for true: coerce those, reject the rest.
const ajv = new Ajv({ allErrors: true, coerceTypes: true, strict: false, verbose: true });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

/** The message body as a plain object of at most `maxBytes`, or an error saying why it is not one. */
export function bodyObject(body: unknown, maxBytes = MAX_BODY_BYTES): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const kind = Array.isArray(body) ? 'an array' : body === null ? 'null' : typeof body;
    throw new ValidationError('body', `must be a JSON object, got ${kind}`);
  }
  const size = Buffer.byteLength(JSON.stringify(body));
  if (size > maxBytes) {
    throw new ValidationError('body', `is ${Math.round(size / 1024)} KB; the limit is ${maxBytes / 1024} KB`);
  }
  return body as Record<string, unknown>;
}

/**
 * A copy of `body` validated (and scalar-coerced) against `schema`; every problem is named by its field, and an unknown
 * field by the record it is not part of (`subject` at the top: `Customer`) and the closest field there is.
 */
export function validated(key: string, schema: JsonSchema, body: Record<string, unknown>, subject: string): Record<string, unknown> {
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  const copy = structuredClone(body);
  listLoneElements(schema, copy);
  if (validate(copy)) return copy;
  const [first, ...others] = (validate.errors ?? []).map((error) => describe(error, subject));
  const field = first?.field ?? 'body';
  const problems = [first, ...others].filter(Boolean).map((error) => (error === first ? error.problem : `${error!.field}: ${error!.problem}`));
  throw new ValidationError(field, problems.join('; '));
}

function describe(error: ErrorObject, subject: string): { field: string; problem: string } {
  const path = `body${error.instancePath.replace(/\//g, '.')}`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: `${path}.${String(params.missingProperty)}`, problem: 'is required' };
    case 'additionalProperties':
      return unknownField(error, path, String(params.additionalProperty), subject);
    case 'enum': {
      const values = (params.allowedValues as unknown[]).map(String);
      const suggestion = typeof error.data === 'string' ? didYouMean(error.data, values) : '';
      return { field: path, problem: `must be one of ${values.join(', ')}${suggestion}` };
    }
    case 'type':
      return { field: path, problem: `${expectedShape(error)}, got ${shortJson(error.data)}` };
    default:
      return { field: path, problem: `${error.message ?? 'is not valid'}, got ${shortJson(error.data)}` };
  }
}

/** `body.Contact.email: not a field of Contact; did you mean Contact.Emails.ContactEmail[].address?` */
function unknownField(error: ErrorObject, path: string, name: string, subject: string): { field: string; problem: string } {
  const record = error.instancePath.split('/').filter((segment) => segment !== '' && !/^\d+$/.test(segment)).pop() ?? subject;
  const found = closestFieldPath(error.parentSchema as JsonSchema, name);
  const prefix = error.instancePath === '' ? '' : `${schemaPathOf(error.instancePath)}.`;
  return { field: `${path}.${name}`, problem: `not a field of ${record}${found === undefined ? '' : `; did you mean ${prefix}${found}?`}` };
}

/** What the value should have been; Lightspeed's containers and lists of records are shown by their shape. */
function expectedShape(error: ErrorObject): string {
  const schema = error.parentSchema as JsonSchema;
  const element = containerElementOf(schema);
  if (element !== undefined) return `must be Lightspeed's container {"${element}": [...]}`;
  if (schema.type === 'array' && schema.items?.type === 'object') return 'must be a record or a list of records';
  if (isValueList(schema)) return `must be a ${String(schema.items?.type)} or a list of them`;
  return error.message ?? 'is not valid';
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
