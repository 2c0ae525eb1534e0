/**
 * Builds the simulator's entity model from data/lightspeed-api/catalog.json, taking per-verb path
 * templates from lib/catalog/entities.json as well when that file exists (the component's client
 * requests exactly those paths).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findPackageRoot, isRecord, readJson } from './packageRoot';
import { FieldType, ListItemType, PathRoot, PathTemplate, SimEntity, SimField, Verb } from './types';

const VERBS: Verb[] = ['query', 'read', 'create', 'update', 'delete'];
const FIELD_TYPES = new Set<FieldType>([
  'integer', 'float', 'string', 'boolean', 'datetime', 'date', 'enum', 'object', 'array', 'mixed',
]);
const LIST_ITEM_TYPES = new Set<ListItemType>(['string', 'integer', 'float', 'boolean']);

/** Where the catalog files are looked up; overridable for tests. */
export interface CatalogSources {
  catalogPath?: string;
  entitiesPath?: string;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function rootOf(pathBase: string): PathRoot {
  if (pathBase.includes('{accountID}')) return 'account';
  return pathBase.startsWith('/API/V3') ? 'v3' : 'api';
}

/** Appends `.json` and applies the catalog's corrections of documented path slips. */
function correctedPaths(raw: Record<string, unknown>): { collection: string | null; single: string | null } {
  const paths = isRecord(raw.paths) ? raw.paths : {};
  let collection = str(paths.collection);
  let single = str(paths.single);
  const issues = Array.isArray(raw.pathIssues) ? raw.pathIssues.filter(isRecord) : [];
  for (const issue of issues) {
    const expected = str(issue.expected);
    if (!expected) continue;
    if (issue.where === 'collection') collection = expected;
    if (issue.where === 'single') single = expected;
    if (issue.method === 'POST' && collection && !collection.endsWith('.json')) collection = expected;
  }
  const withJson = (p: string | null): string | null => (p && !p.endsWith('.json') ? `${p}.json` : p);
  return { collection: withJson(collection), single: withJson(single) };
}

function fieldsOf(raw: Record<string, unknown>): SimField[] {
  const list = Array.isArray(raw.fields) ? raw.fields.filter(isRecord) : [];
  return list.flatMap((f) => {
    const name = str(f.name);
    const type = str(f.type) as FieldType | null;
    if (!name || !type || !FIELD_TYPES.has(type)) return [];
    const enumValues = strings(f.enum);
    const items = type === 'array' ? str(f.items) as ListItemType | null : null;
    return [{
      name, type, readOnly: f.readOnly === true,
      ...(enumValues.length ? { enum: enumValues } : {}),
      ...(items !== null && LIST_ITEM_TYPES.has(items) ? { items } : {}),
    }];
  });
}

/**
 * What the simulator takes from lib/catalog/entities.json: the paths the client requests, the response key, and
 * what real answers add to the docs (fields seen in them, container element names, keys sent without loading).
 */
interface ProjectSpec {
  root: PathRoot | null;
  paths: PathTemplate[];
  responseKey: string | null;
  observedFields: SimField[];
  wrappers: Record<string, string>;
  alwaysSent: string[];
}

/** The project catalog's facts from real answers; absent keys (an older entities.json) give none. */
function observedFacts(spec: Record<string, unknown>): Pick<ProjectSpec, 'observedFields' | 'wrappers' | 'alwaysSent'> {
  const observed = Array.isArray(spec.fields) ? spec.fields.filter((f) => isRecord(f) && f.source === 'observed') : [];
  const wrappers = isRecord(spec.wrappers)
    ? Object.fromEntries(Object.entries(spec.wrappers).filter((pair): pair is [string, string] => typeof pair[1] === 'string'))
    : {};
  return { observedFields: fieldsOf({ fields: observed }), wrappers, alwaysSent: strings(spec.alwaysSent) };
}

/** Strips an absolute prefix a template might carry (`/API/V3/Account/{accountID}/Item.json`). */
function relativeTemplate(template: string): string {
  return template.replace(/^\/?API\/(V3\/)?(Account\/\{[^}]+\}\/)?/, '').replace(/^\/+/, '');
}

/** Per-verb templates from lib/catalog/entities.json (array, {entities: [...]}, or name -> spec). */
function loadProjectTemplates(file: string): Map<string, ProjectSpec> {
  const result = new Map<string, ProjectSpec>();
  if (!fs.existsSync(file)) return result;
  let data: unknown;
  try {
    data = readJson(file);
  } catch {
    return result; // a half-written file from a concurrent build must not break the simulator
  }
  const list: unknown[] = Array.isArray(data)
    ? data
    : isRecord(data) && Array.isArray(data.entities)
      ? data.entities
      : isRecord(data) ? Object.values(data) : [];
  for (const spec of list) {
    if (!isRecord(spec) || !str(spec.name) || !isRecord(spec.paths)) continue;
    const paths: PathTemplate[] = [];
    for (const verb of VERBS) {
      const template = str(spec.paths[verb]);
      if (template) paths.push({ verb, template: relativeTemplate(template) });
    }
    const root = spec.root === 'account' || spec.root === 'v3' || spec.root === 'api' ? spec.root : null;
    result.set(spec.name as string, { root, paths, responseKey: str(spec.responseKey), ...observedFacts(spec) });
  }
  return result;
}

function pathQueryParams(raw: Record<string, unknown>): string[] {
  const pq = raw.pathQuery;
  const text = typeof pq === 'string' ? pq : isRecord(pq) ? Object.values(pq).filter((v) => typeof v === 'string').join('&') : '';
  return text ? text.split('&').map((pair) => pair.split('=')[0]).filter(Boolean) : [];
}

function buildEntity(raw: Record<string, unknown>, project: ProjectSpec | undefined): SimEntity {
  const name = str(raw.name) ?? '';
  const primaryKey = str(raw.primaryKey);
  const actionsRaw = isRecord(raw.actions) ? raw.actions : {};
  const actions = Object.fromEntries(VERBS.map((v) => [v, actionsRaw[v] === true])) as Record<Verb, boolean>;
  const { collection, single } = correctedPaths(raw);
  const templates: PathTemplate[] = [];
  if (collection) templates.push({ verb: 'query', template: collection }, { verb: 'create', template: collection });
  if (single) {
    for (const verb of ['read', 'update', 'delete'] as Verb[]) templates.push({ verb, template: single });
  }
  for (const extra of project?.paths ?? []) {
    if (!templates.some((t) => t.verb === extra.verb && t.template === extra.template)) templates.push(extra);
  }
  const responseKeys = strings(raw.responseKeys);
  const costRaw = isRecord(raw.requestCost) ? raw.requestCost : {};
  const requestCost: Partial<Record<Verb, number>> = {};
  for (const verb of VERBS) if (typeof costRaw[verb] === 'number') requestCost[verb] = costRaw[verb] as number;
  const deleteSemantics = raw.deleteSemantics === 'archive' || raw.deleteSemantics === 'delete' ? raw.deleteSemantics : null;
  return {
    name,
    table: name,
    root: project?.root ?? rootOf(str(raw.pathBase) ?? ''),
    responseKey: project?.responseKey || (responseKeys[0] ?? name),
    primaryKey,
    parentKeys: strings(raw.parentKeys),
    actions,
    deleteSemantics,
    fields: new Map([...fieldsOf(raw), ...(project?.observedFields ?? [])].map((f) => [f.name, f])),
    wrappers: project?.wrappers ?? {},
    alwaysSent: project?.alwaysSent ?? [],
    sortable: strings(raw.sortable),
    relations: strings(raw.relations),
    pathQueryParams: pathQueryParams(raw),
    requestCost,
    templates,
  };
}

/** True for a flat top-level collection such as `SaleLine.json` (a table other views can share). */
function isFlat(entity: SimEntity): boolean {
  const query = entity.templates.find((t) => t.verb === 'query');
  return !!query && !query.template.includes('/') && entity.parentKeys.length === 0;
}

/**
 * Entities that are views of another entity's records (SaleSaleLine, ItemImage, DisplayTemplateSale,
 * InventoryTransfer...) share its table: same primary key and response key as a flat collection.
 */
function assignTables(entities: SimEntity[]): void {
  const flatByKey = new Map<string, SimEntity>();
  for (const e of entities) {
    if (e.primaryKey && isFlat(e)) flatByKey.set(`${e.primaryKey}|${e.responseKey}`, e);
  }
  for (const e of entities) {
    if (!e.primaryKey) continue;
    const owner = flatByKey.get(`${e.primaryKey}|${e.responseKey}`);
    if (owner) e.table = owner.name;
  }
}

/** Loads every catalog entity, with tables assigned and paths corrected. */
export function loadEntities(sources: CatalogSources = {}): SimEntity[] {
  const root = findPackageRoot();
  const catalogFile = sources.catalogPath ?? path.join(root, 'data', 'lightspeed-api', 'catalog.json');
  const entitiesFile = sources.entitiesPath ?? path.join(root, 'lib', 'catalog', 'entities.json');
  const catalog = readJson(catalogFile);
  const rawList = isRecord(catalog) && Array.isArray(catalog.entities) ? catalog.entities.filter(isRecord) : [];
  const project = loadProjectTemplates(entitiesFile);
  const entities = rawList.map((raw) => buildEntity(raw, project.get(str(raw.name) ?? '')));
  assignTables(entities);
  return entities;
}
