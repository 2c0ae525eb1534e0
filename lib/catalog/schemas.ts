/** Pure schema builders for an entity's output record and action inputs: JSON Schema (draft-07), and the platform's dialect. */
import { listEntities } from './index';
import { JsonSchema } from './jsonSchema';
import { PlatformSchema, toPlatformSchema } from './platformSchema';
import { buildInSchema, InVerb } from './schemaIn';
import { buildOutSchema } from './schemaOut';
import { EntitySpec } from './types';

export { IN_VERBS, supportsInVerb } from './schemaIn';
export type { InVerb } from './schemaIn';
export type { JsonSchema } from './jsonSchema';
export type { PlatformSchema } from './platformSchema';

/** Schema of one record as the client returns it; `catalog` resolves nested records. */
export function outSchema(entity: EntitySpec, catalog: readonly EntitySpec[] = listEntities()): JsonSchema {
  return buildOutSchema(entity, catalog);
}

/** Input schemas of the shipped catalog, built once: a nested one (Sale, Workorder) takes milliseconds to build. */
const builtInSchemas = new Map<string, JsonSchema>();

/**
 * Schema of the input message of an action (create, update, upsert, lookup, delete): what ajv enforces. Shared and
 * not to be changed by callers; `catalog` (the generator's fresh one) bypasses the cache.
 */
export function inSchema(entity: EntitySpec, verb: InVerb, catalog?: readonly EntitySpec[]): JsonSchema {
  if (catalog) return buildInSchema(entity, verb, catalog);
  const key = `${entity.name}:${verb}`;
  let schema = builtInSchemas.get(key);
  if (!schema) {
    schema = buildInSchema(entity, verb, listEntities());
    builtInSchemas.set(key, schema);
  }
  return schema;
}

/** The same input schema as the platform's designer and mapper read it (`required: true` on each required field). */
export function platformInSchema(entity: EntitySpec, verb: InVerb, catalog?: readonly EntitySpec[]): PlatformSchema {
  return toPlatformSchema(inSchema(entity, verb, catalog));
}
