/** Turns a raw catalog entry's paths into one corrected, normalised path per allowed verb. */
import { placeholdersIn, renamePlaceholders } from '../../lib/catalog/placeholders';
import { EntityPaths, Verb } from '../../lib/catalog/types';
import { RawEntity, RawPathIssue } from './rawCatalog';

interface BasePaths {
  collection: string | null;
  single: string | null;
}

const VERB_BY_WRITE_METHOD: Record<string, Verb> = { POST: 'create', PUT: 'update', DELETE: 'delete' };

/** Path per verb, with doc slips corrected, placeholders named after key fields and `.json` suffixes. */
export function buildPaths(raw: RawEntity): EntityPaths {
  const base = correctedBasePaths(raw);
  const paths = isActionOnly(raw) ? actionOnlyPaths(raw) : crudPaths(raw, base);
  applyRequestCorrections(raw, paths);
  const keys = keyFields(raw);
  return mapPaths(paths, (path) => ensureJsonSuffix(normalisePlaceholders(path, keys)));
}

/** Query string template of the collection path with every value turned into a `{param}` placeholder. */
export function buildPathQuery(raw: RawEntity): string | null {
  const query = raw.pathQuery?.collection;
  if (!query) return null;
  // Docs sometimes show example values (`startDate=2021-01-01`) or odd names (`{String}`).
  return query
    .split('&')
    .map((pair) => pair.split('=')[0])
    .map((param) => `${param}={${param}}`)
    .join('&');
}

function isActionOnly(raw: RawEntity): boolean {
  return raw.paths.collection === null && raw.paths.single === null;
}

/** Collection/single paths after the catalog's `where` corrections. */
function correctedBasePaths(raw: RawEntity): BasePaths {
  const base: BasePaths = { collection: raw.paths.collection, single: raw.paths.single };
  for (const issue of raw.pathIssues ?? []) {
    if (issue.expected && (issue.where === 'collection' || issue.where === 'single')) {
      base[issue.where] = issue.expected;
    }
  }
  return base;
}

function crudPaths(raw: RawEntity, base: BasePaths): EntityPaths {
  const allowed = (verb: Verb, path: string | null): string | null => (raw.actions[verb] ? path : null);
  return {
    query: allowed('query', base.collection),
    read: allowed('read', base.single),
    create: allowed('create', base.collection),
    update: allowed('update', base.single),
    delete: allowed('delete', base.single),
  };
}

/** Endpoints such as `Register/{registerID}/open.json`: POST creates, GET reads. */
function actionOnlyPaths(raw: RawEntity): EntityPaths {
  const jsonRequest = (method: string): string | null =>
    raw.paths.other.find((other) => other.method === method && other.path.endsWith('.json'))?.path ?? null;
  const paths = emptyPaths();
  if (raw.actions.create) paths.create = jsonRequest('POST');
  if (raw.actions.read) paths.read = jsonRequest('GET');
  return paths;
}

/** Per-request corrections (`method` + `expected`), e.g. a POST documented on the single path. */
function applyRequestCorrections(raw: RawEntity, paths: EntityPaths): void {
  for (const issue of raw.pathIssues ?? []) {
    const verb = correctedVerb(issue, raw.primaryKey);
    if (verb && issue.expected && paths[verb] !== null) paths[verb] = issue.expected;
  }
}

function correctedVerb(issue: RawPathIssue, primaryKey: string | null): Verb | null {
  if (!issue.method || !issue.expected) return null;
  if (issue.method === 'GET') {
    const namesRecord = primaryKey !== null && placeholdersIn(issue.expected).includes(primaryKey);
    return namesRecord ? 'read' : 'query';
  }
  return VERB_BY_WRITE_METHOD[issue.method] ?? null;
}

function keyFields(raw: RawEntity): string[] {
  return raw.primaryKey ? [raw.primaryKey, ...raw.parentKeys] : [...raw.parentKeys];
}

/** Renames `{Item ID}`, `{workOrderID}`, `{workorderLine}` ... to the key field they stand for. */
function normalisePlaceholders(path: string, keys: string[]): string {
  return renamePlaceholders(path, (name) => keys.find((key) => namesKey(name, key)) ?? name);
}

function namesKey(placeholder: string, key: string): boolean {
  const written = looseName(placeholder);
  const wanted = looseName(key);
  return written === wanted || `${written}id` === wanted;
}

function looseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function ensureJsonSuffix(path: string): string {
  return path.endsWith('.json') ? path : `${path}.json`;
}

function emptyPaths(): EntityPaths {
  return { query: null, read: null, create: null, update: null, delete: null };
}

function mapPaths(paths: EntityPaths, map: (path: string) => string): EntityPaths {
  const apply = (path: string | null): string | null => (path === null ? null : map(path));
  return {
    query: apply(paths.query),
    read: apply(paths.read),
    create: apply(paths.create),
    update: apply(paths.update),
    delete: apply(paths.delete),
  };
}
