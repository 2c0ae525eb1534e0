/** Input schemas of the CRUD actions (create, update, upsert, lookup, delete). */
import { idSchema } from './fieldSchemas';
import { DRAFT_07, JsonSchema } from './jsonSchema';
import { placeholdersIn } from './placeholders';
import { EntitySpec } from './types';
import { writableProperties } from './writableFields';
import { UPDATABLE_ONLY, UPLOADED_ENTITIES } from './writeRules';

/** Actions that take an input message. */
export type InVerb = 'create' | 'update' | 'upsert' | 'lookup' | 'delete';

/** All input verbs, in the order schemas/in lists them. */
export const IN_VERBS: readonly InVerb[] = ['create', 'update', 'upsert', 'lookup', 'delete'];

type WriteVerb = 'create' | 'update' | 'upsert';

/**
 * Whether the API lets the action run at all (upsert needs create and update, lookup read or query). An entity
 * Lightspeed creates only from a multipart upload (an Image) cannot be created from a JSON body.
 */
export function supportsInVerb(entity: EntitySpec, verb: InVerb): boolean {
  const { actions } = entity;
  const jsonCreate = actions.create && !UPLOADED_ENTITIES.has(entity.name);
  switch (verb) {
    case 'create': return jsonCreate;
    case 'upsert': return jsonCreate && actions.update;
    case 'lookup': return actions.read || actions.query;
    default: return actions[verb];
  }
}

/**
 * JSON Schema of the input message of `verb` on `entity`; throws when the entity does not allow it. `catalog`
 * resolves nested records.
 */
export function buildInSchema(entity: EntitySpec, verb: InVerb, catalog: readonly EntitySpec[]): JsonSchema {
  if (!supportsInVerb(entity, verb)) {
    throw new Error(`Lightspeed entity "${entity.name}" does not support ${verb}`);
  }
  switch (verb) {
    case 'lookup': return lookupSchema(entity);
    case 'delete': return deleteSchema(entity);
    default: return writeSchema(entity, verb, catalog);
  }
}

/**
 * Keys first (path parameters), then every writable field, nested ones at every depth; misspelt names are rejected.
 * An update Lightspeed applies to some fields only (ItemShop's reorder settings) takes only those.
 */
function writeSchema(entity: EntitySpec, verb: WriteVerb, catalog: readonly EntitySpec[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const key of writeKeys(entity, verb)) {
    properties[key.name] = idSchema(key.name);
    if (key.required) required.push(key.name);
  }
  const only = verb === 'update' && Object.hasOwn(UPDATABLE_ONLY, entity.name) ? UPDATABLE_ONLY[entity.name].fields : undefined;
  const fields = entity.fields.filter((field) => field.name !== entity.primaryKey && !Object.hasOwn(properties, field.name)
    && (only === undefined || only.includes(field.name)));
  Object.assign(properties, writableProperties(fields, { catalog, owner: entity, seen: [entity.name] }));
  return envelope(entity, verb, properties, required, false);
}

interface KeyParameter {
  name: string;
  required: boolean;
}

/** Parent keys always required; primary key required for update, optional for upsert, and required
 * for create only when the create path names it. */
function writeKeys(entity: EntitySpec, verb: WriteVerb): KeyParameter[] {
  const keys: KeyParameter[] = [];
  // First mention wins, so upsert keeps its primary key optional even when a path names it.
  const add = (name: string, required: boolean): void => {
    if (!keys.some((key) => key.name === name)) keys.push({ name, required });
  };
  const primaryKey = entity.primaryKey;
  if (primaryKey && verb !== 'create') add(primaryKey, verb === 'update');
  for (const parent of entity.parentKeys) add(parent, true);
  // Action-only endpoints such as `Sale/{saleID}/refund.json` address the source record in the path.
  if (verb !== 'update') {
    for (const name of placeholdersIn(entity.paths.create ?? '')) add(name, true);
  }
  return keys;
}

/** One record by id (read) or many by filters (query). */
function lookupSchema(entity: EntitySpec): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  if (entity.primaryKey) {
    properties.id = idSchema(entity.primaryKey, `${entity.primaryKey} of the record to read`);
    if (!entity.actions.query) required.push('id');
  }
  for (const parent of entity.parentKeys) {
    properties[parent] = idSchema(parent);
    required.push(parent);
  }
  for (const param of placeholdersIn(entity.pathQuery ?? '')) {
    properties[param] = { title: param, description: 'required query parameter', type: 'string' };
    required.push(param);
  }
  properties.filters = filtersSchema();
  properties.loadRelations = loadRelationsSchema([...entity.relations, ...entity.alwaysSent]);
  if (hasArchive(entity)) properties.archived = archivedSchema();
  return envelope(entity, 'lookup', properties, required, true);
}

function deleteSchema(entity: EntitySpec): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  if (entity.primaryKey) {
    properties.id = idSchema(entity.primaryKey, `${entity.primaryKey} of the record to ${entity.deleteSemantics}`);
    required.push('id');
  }
  for (const parent of entity.parentKeys) {
    properties[parent] = idSchema(parent);
    required.push(parent);
  }
  return envelope(entity, 'delete', properties, required, true);
}

function filtersSchema(): JsonSchema {
  return {
    title: 'Filters',
    description: 'field name -> value (or operator expression such as ">=,2024-01-01T00:00:00+00:00")',
    type: 'object',
    additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
  };
}

function loadRelationsSchema(relations: string[]): JsonSchema {
  const items: JsonSchema = relations.length > 0 ? { type: 'string', enum: [...relations] } : { type: 'string' };
  return { title: 'Load Relations', type: 'array', items };
}

function archivedSchema(): JsonSchema {
  return {
    title: 'Archived',
    description: 'false: active only (default); true: active and archived; only: archived only',
    enum: [false, true, 'false', 'true', 'only'],
  };
}

/** Whether the entity has archived records (lists leave them out unless asked: `archived=true`). */
export function hasArchive(entity: EntitySpec): boolean {
  return entity.deleteSemantics === 'archive' || entity.fields.some((field) => field.name === 'archived');
}

function envelope(
  entity: EntitySpec,
  verb: InVerb,
  properties: Record<string, JsonSchema>,
  required: string[],
  additionalProperties: boolean,
): JsonSchema {
  const schema: JsonSchema = {
    $schema: DRAFT_07,
    title: `${entity.title}: ${verb}`,
    description: describe(entity, verb),
    type: 'object',
    properties,
  };
  if (required.length > 0) schema.required = required;
  schema.additionalProperties = additionalProperties;
  return schema;
}

function describe(entity: EntitySpec, verb: InVerb): string {
  const { paths, primaryKey } = entity;
  const one = withArticle(entity.title);
  switch (verb) {
    case 'create': return `Creates ${one} (POST ${paths.create}).`;
    case 'update': return `Updates ${one} (PUT ${paths.update}); omitted fields stay unchanged.`;
    case 'upsert':
      return `Updates the ${entity.title} named by ${primaryKey} (PUT ${paths.update}), ` +
        `or creates one when ${primaryKey} is absent (POST ${paths.create}).`;
    case 'lookup':
      return `Reads one ${entity.title} by id or lists them by filters (GET ${paths.read ?? paths.query}).`;
    case 'delete':
      return `${entity.deleteSemantics === 'archive' ? 'Archives' : 'Deletes'} ${one} (DELETE ${paths.delete}).`;
  }
}

function withArticle(title: string): string {
  return /^[AEIOU]/.test(title) ? `an ${title}` : `a ${title}`;
}
