/** Resolves nested element names (`ItemShop`, `SaleLine`, `Contact`) to their field lists. */
import { EntitySpec, FieldSpec } from './types';

export interface ResolvedElement {
  fields: FieldSpec[];
  /** Entity whose sub-objects and wrappers describe the element's own nested records. */
  owner: EntitySpec;
}

/** The entity's own sub-object table first, else the catalog entity named (or keyed) like the element. */
export function resolveElement(
  catalog: readonly EntitySpec[],
  entity: EntitySpec,
  elementName: string,
): ResolvedElement | undefined {
  if (Object.hasOwn(entity.subObjects, elementName)) {
    return { fields: entity.subObjects[elementName], owner: entity };
  }
  const record = catalog.find((candidate) => candidate.name === elementName)
    ?? catalog.find((candidate) => candidate.responseKey === elementName);
  return record ? { fields: record.fields, owner: record } : undefined;
}

/** Element name held by a container field (`ItemShops` -> `ItemShop`), if the entity knows one. */
export function containerElement(entity: EntitySpec, containerName: string): string | undefined {
  return Object.hasOwn(entity.wrappers, containerName) ? entity.wrappers[containerName] : undefined;
}
