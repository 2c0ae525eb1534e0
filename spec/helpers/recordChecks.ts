/** What the replay checks on every emitted record: no recorded scalar lost, and the entity's own out-schema holds. */
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'fs';
import { join, resolve } from 'path';

type Json = unknown;

/**
 * Paths of the recorded scalars the emitted record does not keep. A string is kept as itself, as the number or boolean
 * it spells, or (when "") as null or an empty container; one element kept as a one-element list is the same element.
 */
export function lostScalars(recorded: Json, emitted: Json, path = ''): string[] {
  if (typeof recorded === 'string') return keptString(recorded, emitted) ? [] : [`${path} (${JSON.stringify(recorded)} became ${JSON.stringify(emitted)})`];
  if (Array.isArray(recorded)) {
    if (!Array.isArray(emitted) || emitted.length !== recorded.length) return [`${path} (a list of ${recorded.length})`];
    return recorded.flatMap((item, index) => lostScalars(item, emitted[index], `${path}/${index}`));
  }
  if (isObject(recorded)) {
    if (Array.isArray(emitted) && emitted.length === 1) return lostScalars(recorded, emitted[0], `${path}/0`);
    if (!isObject(emitted)) return [`${path} (an object became ${JSON.stringify(emitted)})`];
    return Object.keys(recorded).flatMap((key) => lostScalars(recorded[key], emitted[key], `${path}/${key}`));
  }
  return recorded === emitted ? [] : [path];
}

function keptString(recorded: string, emitted: Json): boolean {
  if (emitted === recorded) return true;
  // A list of values: one value arrives bare and is kept as a list of one, "" (none) as an empty list.
  if (Array.isArray(emitted)) return emitted.length === 1 ? keptString(recorded, emitted[0]) : recorded === '' && emitted.length === 0;
  if (typeof emitted === 'number') return recorded.trim() !== '' && Number(recorded) === emitted;
  if (typeof emitted === 'boolean') return (emitted ? ['true', '1'] : ['false', '0']).includes(recorded);
  return recorded === '' && (emitted === null || isEmptyContainer(emitted));
}

function isEmptyContainer(value: Json): boolean {
  return isObject(value) && Object.values(value).every((inner) => Array.isArray(inner) && inner.length === 0);
}

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SCHEMAS = join(resolve(__dirname, '../../..'), 'schemas/out');
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validators = new Map<string, ValidateFunction>();

/** How the record breaks the component's own schemas/out/<Entity>.json, as a platform mapper would check it. */
export function schemaViolations(entityName: string, record: Json): string[] {
  let validate = validators.get(entityName);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, `${entityName}.json`), 'utf8')) as object);
    validators.set(entityName, validate);
  }
  if (validate(record)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
