import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ValidationError } from '../client/errors';
import { JsonSchema } from '../catalog/schemas';

/** Lightspeed accepts what fits in a request; above this a mapping has most likely gone wrong. */
export const MAX_BODY_BYTES = 512 * 1024;

// Mappings on the platform often produce "5" for 5 and "true" for true: coerce those, reject the rest.
const ajv = new Ajv({ allErrors: true, coerceTypes: true, strict: false, verbose: true });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

/** The message body as a plain object, or an error saying why it is not one. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const kind = Array.isArray(body) ? 'an array' : body === null ? 'null' : typeof body;
    throw new ValidationError('body', `must be a JSON object, got ${kind}`);
  }
  const size = Buffer.byteLength(JSON.stringify(body));
  if (size > MAX_BODY_BYTES) {
    throw new ValidationError('body', `is ${Math.round(size / 1024)} KB; the limit is ${MAX_BODY_BYTES / 1024} KB`);
  }
  return body as Record<string, unknown>;
}

/** A copy of `body` validated (and scalar-coerced) against `schema`; every problem is named by its field. */
export function validated(key: string, schema: JsonSchema, body: Record<string, unknown>): Record<string, unknown> {
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  const copy = structuredClone(body);
  if (validate(copy)) return copy;
  const [first, ...others] = (validate.errors ?? []).map(describe);
  const field = first?.field ?? 'body';
  const problems = [first, ...others].filter(Boolean).map((error) => (error === first ? error.problem : `${error!.field}: ${error!.problem}`));
  throw new ValidationError(field, problems.join('; '));
}

function describe(error: ErrorObject): { field: string; problem: string } {
  const path = `body${error.instancePath.replace(/\//g, '.')}`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: `${path}.${String(params.missingProperty)}`, problem: 'is required' };
    case 'additionalProperties':
      return { field: `${path}.${String(params.additionalProperty)}`, problem: 'is not a field of this entity (check the spelling)' };
    case 'enum':
      return { field: path, problem: `must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}` };
    default:
      return { field: path, problem: `${error.message ?? 'is not valid'}, got ${shortJson(error.data)}` };
  }
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
