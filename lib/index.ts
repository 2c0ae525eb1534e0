/** Programmatic entry: the shared client and the catalog, for tools built on this component. */
export * from './client';
export { getEntity, findEntity, listEntities, pollableEntities } from './catalog';
export type { EntitySpec, FieldSpec, Verb } from './catalog/types';
