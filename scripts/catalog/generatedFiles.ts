/** Every file the generator owns, as (repo-relative path, content) pairs; pure. */
import { IN_VERBS, outSchema, platformInSchema, supportsInVerb } from '../../lib/catalog/schemas';
import { EntitySpec } from '../../lib/catalog/types';

export interface GeneratedFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  content: string;
}

export const ENTITIES_FILE = 'lib/catalog/entities.json';
export const SCHEMAS_DIR = 'schemas';

/** entities.json plus schemas/out/<Entity>.json and schemas/in/<verb>/<Entity>.json (in the platform's dialect). */
export function generatedFiles(catalog: readonly EntitySpec[]): GeneratedFile[] {
  return [
    { path: ENTITIES_FILE, content: toJsonText(catalog) },
    ...catalog.map((entity) => ({
      path: `${SCHEMAS_DIR}/out/${entity.name}.json`,
      content: toJsonText(outSchema(entity, catalog)),
    })),
    ...IN_VERBS.flatMap((verb) => catalog
      .filter((entity) => supportsInVerb(entity, verb))
      .map((entity) => ({
        path: `${SCHEMAS_DIR}/in/${verb}/${entity.name}.json`,
        content: toJsonText(platformInSchema(entity, verb, catalog)),
      }))),
  ];
}

/** Two-space JSON with a final newline, so diffs stay readable. */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
