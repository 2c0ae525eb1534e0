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

/** Schema of the input message of an action (create, update, upsert, lookup, delete): what ajv enforces. */
export function inSchema(entity: EntitySpec, verb: InVerb, catalog: readonly EntitySpec[] = listEntities()): JsonSchema {
  return buildInSchema(entity, verb, catalog);
}

/** The same input schema as the platform's designer and mapper read it (`required: true` on each required field). */
export function platformInSchema(entity: EntitySpec, verb: InVerb, catalog: readonly EntitySpec[] = listEntities()): PlatformSchema {
  return toPlatformSchema(inSchema(entity, verb, catalog));
}
