/** Record shapes for the wire-format normaliser, built from the catalog once per element and kept. */
import type { RecordShape } from '../client/normalize';
import { resolveElement } from './elements';
import { getEntity, listEntities } from './index';
import { EntitySpec, FieldSpec, FieldType } from './types';

/** Containers seen anywhere in the catalog: `Addresses` holds `ContactAddress` wherever it appears. */
const knownContainers: ReadonlyMap<string, string> = new Map(
  listEntities().flatMap((entity) => Object.entries(entity.wrappers)),
);

const cache = new Map<string, RecordShape>();

/** The shape of an entity's records (`Item`), for normalizeRecord. */
export function shapeOf(entity: EntitySpec | string): RecordShape {
  const spec = typeof entity === 'string' ? getEntity(entity) : entity;
  return cachedShape(`${spec.name}`, spec, spec.fields);
}

function cachedShape(key: string, owner: EntitySpec, fields: FieldSpec[] | undefined): RecordShape {
  let shape = cache.get(key);
  if (!shape) {
    shape = buildShape(key, owner, fields ?? []);
    cache.set(key, shape);
  }
  return shape;
}

function buildShape(key: string, owner: EntitySpec, fields: FieldSpec[]): RecordShape {
  const types = new Map<string, FieldType>(fields.map((field) => [field.name, field.type]));
  return {
    fieldType: (name) => types.get(name),
    containerElement: (name) => owner.wrappers[name] ?? knownContainers.get(name),
    nested: (name) => {
      const element = resolveElement(listEntities(), owner, name);
      // Unknown nested objects keep their strings: better than guessing a type.
      return cachedShape(`${key}>${name}`, element?.owner ?? owner, element?.fields);
    },
  };
}
