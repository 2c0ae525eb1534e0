/** Pure JSON Schema (draft-07) builders for an entity's output record and action inputs. */
import { listEntities } from './index';
import { JsonSchema } from './jsonSchema';
import { buildInSchema, InVerb } from './schemaIn';
import { buildOutSchema } from './schemaOut';
import { EntitySpec } from './types';

export { IN_VERBS, supportsInVerb } from './schemaIn';
export type { InVerb } from './schemaIn';
export type { JsonSchema } from './jsonSchema';

/** Schema of one record as the client returns it; `catalog` resolves nested records. */
export function outSchema(entity: EntitySpec, catalog: readonly EntitySpec[] = listEntities()): JsonSchema {
  return buildOutSchema(entity, catalog);
}

/** Schema of the input message of an action (create, update, upsert, lookup, delete). */
export function inSchema(entity: EntitySpec, verb: InVerb): JsonSchema {
  return buildInSchema(entity, verb);
}
