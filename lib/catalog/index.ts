/** Typed accessors over the generated entity catalog (entities.json, written by `npm run generate`). */
import { didYouMean } from '../text/suggest';
import entitiesJson from './entities.json';
import { resolveElement } from './elements';
import { EntitySpec, FieldSpec, FieldType, Verb } from './types';

export * from './types';

/** An entity or its catalog name. */
export type EntityRef = EntitySpec | string;

// The sync spec guarantees entities.json is exactly what the generator writes from EntitySpec values.
const catalog: readonly EntitySpec[] = deepFreeze(entitiesJson as unknown as EntitySpec[]);
const byName = new Map(catalog.map((entity) => [entity.name, entity]));

/** The entity with this exact name; throws when the catalog has no such entity. */
export function getEntity(name: string): EntitySpec {
  const entity = byName.get(name);
  if (entity) return entity;
  throw new Error(`Unknown Lightspeed entity "${name}"${didYouMean(name, byName.keys())}`);
}

/** The entity with this exact name, or undefined. */
export function findEntity(name: string): EntitySpec | undefined {
  return byName.get(name);
}

/** All entities sorted by name, or only those allowing `verb`. */
export function listEntities(verb?: Verb): EntitySpec[] {
  return verb ? catalog.filter((entity) => entity.actions[verb]) : [...catalog];
}

/** Entities allowing `verb`. */
export function entitiesForVerb(verb: Verb): EntitySpec[] {
  return listEntities(verb);
}

/** Entities a polling trigger can follow: queryable, with a query path and a datetime field. */
export function pollableEntities(): EntitySpec[] {
  return catalog.filter(
    (entity) => entity.actions.query && entity.paths.query !== null && entity.datetimeFields.length > 0,
  );
}

/** Catalog type of a top-level field, or undefined when the entity has no such field. */
export function fieldType(entity: EntityRef, fieldName: string): FieldType | undefined {
  return resolve(entity).fields.find((field) => field.name === fieldName)?.type;
}

/** Fields of a nested element (`ItemShop` in Item, `SaleLine` in Sale), or undefined when unknown. */
export function elementFields(entity: EntityRef, elementName: string): FieldSpec[] | undefined {
  return resolveElement(catalog, resolve(entity), elementName)?.fields;
}

/** Path template (relative to the entity's root) for `verb`; throws when the API does not allow it. */
export function pathFor(entity: EntityRef, verb: Verb): string {
  const spec = resolve(entity);
  const path = spec.paths[verb];
  if (!spec.actions[verb] || path === null) {
    throw new Error(`Lightspeed entity "${spec.name}" does not support ${verb}`);
  }
  return path;
}

/** The entity listed at an account-relative path such as `Item.json` or `Sale/12/SaleLine.json`, or undefined. */
export function entityListedAt(path: string): EntitySpec | undefined {
  return catalog.find((entity) => entity.root === 'account' && entity.paths.query !== null
    && new RegExp(`^${entity.paths.query.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
}

function resolve(entity: EntityRef): EntitySpec {
  return typeof entity === 'string' ? getEntity(entity) : entity;
}

/** Callers share one catalog, so nobody may change it by accident. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
