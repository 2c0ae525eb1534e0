/** Record shapes for the wire-format normaliser, built from the catalog once per element and kept. */
import type { RecordShape } from './records';
import { resolveElement } from './elements';
import { getEntity, listEntities } from './index';
import { deriveValue } from './images';
import { JsonRecord } from './records';
import { EntitySpec, FieldSpec, FieldType, ListItemType } from './types';

const entities = listEntities();

/** Containers seen anywhere in the catalog: `Addresses` holds `ContactAddress` wherever it appears. */
const knownContainers: ReadonlyMap<string, string> = new Map(entities.flatMap((entity) => Object.entries(entity.wrappers)));

const topLevel = new Map<string, RecordShape>();

/** The shape of an entity's records (`Item`), for normalizeRecord. Built once per entity, on the hot path after. */
export function shapeOf(entity: EntitySpec | string): RecordShape {
  const spec = typeof entity === 'string' ? getEntity(entity) : entity;
  let shape = topLevel.get(spec.name);
  if (!shape) {
    shape = buildShape(spec, spec.fields);
    topLevel.set(spec.name, shape);
  }
  return shape;
}

function buildShape(owner: EntitySpec, fields: FieldSpec[]): RecordShape {
  const types = new Map<string, FieldType>(fields.map((field) => [field.name, field.type]));
  const lists = new Map<string, ListItemType>(fields.flatMap((field) => (field.items === undefined ? [] : [[field.name, field.items]])));
  const children = new Map<string, RecordShape>();
  const derived = fields.filter((field) => field.derived !== undefined);
  return {
    complete: derived.length === 0 ? noDerivedFields : (record) => addDerived(record, derived),
    fieldType: (name) => types.get(name),
    listItemType: lists.size === 0 ? noList : (name) => lists.get(name),
    containerElement: (name) => (Object.hasOwn(owner.wrappers, name) ? owner.wrappers[name] : knownContainers.get(name)),
    nested: (name) => {
      let child = children.get(name);
      if (!child) {
        const element = resolveElement(entities, owner, name);
        // Unknown nested objects keep their strings: better than guessing a type.
        child = buildShape(element?.owner ?? owner, element?.fields ?? []);
        children.set(name, child);
      }
      return child;
    },
  };
}

function noDerivedFields(): void {}

function noList(): undefined {
  return undefined;
}

function addDerived(record: JsonRecord, fields: FieldSpec[]): void {
  for (const field of fields) {
    const value = deriveValue(field.derived as NonNullable<FieldSpec['derived']>, record);
    if (value !== undefined) record[field.name] = value;
  }
}
