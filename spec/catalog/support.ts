/** Shared helpers for the catalog specs (compiled to dist/spec/catalog, three levels below the repo). */
import * as path from 'path';
import { readCatalog } from '../../scripts/catalog/fileSystem';
import { EntitySpec } from '../../lib/catalog/types';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

let fresh: EntitySpec[] | undefined;

/** The catalog the generator would build right now from data/ (the docs' catalog and the observed layer). */
export function freshCatalog(): EntitySpec[] {
  fresh ??= readCatalog(repoRoot);
  return fresh;
}

/** The freshly built entity with this name (fails the test when absent). */
export function freshEntity(name: string): EntitySpec {
  const entity = freshCatalog().find((candidate) => candidate.name === name);
  if (!entity) throw new Error(`test setup: no entity ${name}`);
  return entity;
}
