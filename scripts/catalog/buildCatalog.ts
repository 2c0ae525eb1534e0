/** Builds the project's entity catalog (lib/catalog/entities.json) from the team's raw API catalog. */
import { EntitySpec, Verb } from '../../lib/catalog/types';
import { buildFields, buildSubObjects, buildWrappers, RawLookup } from './buildFields';
import { buildPathQuery, buildPaths } from './buildPaths';
import { withImageFields } from './imageFields';
import { RawCatalog, RawEntity } from './rawCatalog';

/** Verbs in the order every generated record lists them. */
export const VERBS: readonly Verb[] = ['read', 'query', 'create', 'update', 'delete'];

const ROOT_BY_PATH_BASE: Record<string, EntitySpec['root']> = {
  '/API/V3/Account/{accountID}/': 'account',
  '/API/V3/': 'v3',
  '/API/': 'api',
};

/** One EntitySpec per raw entity, sorted by name; pure (no I/O). */
export function buildCatalog(raw: RawCatalog): EntitySpec[] {
  const lookup = rawLookup(raw.entities);
  const knownRecords = recordNames(raw.entities);
  return raw.entities
    .map((entity) => withImageFields(buildEntity(entity, lookup, knownRecords)))
    .sort((a, b) => compareNames(a.name, b.name));
}

function buildEntity(raw: RawEntity, lookup: RawLookup, knownRecords: ReadonlySet<string>): EntitySpec {
  const fields = buildFields(raw, lookup);
  return {
    name: raw.name,
    title: raw.title,
    root: rootOf(raw),
    paths: buildPaths(raw),
    pathQuery: buildPathQuery(raw),
    responseKey: raw.responseKeys[0] ?? raw.fieldsTable ?? raw.fieldsFrom ?? raw.name,
    primaryKey: raw.primaryKey,
    parentKeys: [...raw.parentKeys],
    actions: buildActions(raw),
    deleteSemantics: raw.deleteSemantics,
    fields,
    subObjects: buildSubObjects(raw, lookup),
    wrappers: buildWrappers(raw, fields, knownRecords),
    relations: unique(raw.relations ?? []),
    sortable: unique(raw.sortable ?? []),
    datetimeFields: [...raw.datetimeFields],
    requestCost: buildRequestCost(raw),
    alwaysSent: [],
    observed: [],
  };
}

function rootOf(raw: RawEntity): EntitySpec['root'] {
  const root = ROOT_BY_PATH_BASE[raw.pathBase];
  if (!root) throw new Error(`${raw.name}: unknown pathBase "${raw.pathBase}"`);
  return root;
}

function buildActions(raw: RawEntity): Record<Verb, boolean> {
  const actions = {} as Record<Verb, boolean>;
  for (const verb of VERBS) actions[verb] = raw.actions[verb] === true;
  return actions;
}

function buildRequestCost(raw: RawEntity): Partial<Record<Verb, number>> {
  const cost: Partial<Record<Verb, number>> = {};
  for (const verb of VERBS) {
    const drips = raw.requestCost?.[verb];
    if (drips !== undefined) cost[verb] = drips;
  }
  return cost;
}

function rawLookup(entities: RawEntity[]): RawLookup {
  const byName = new Map(entities.map((entity) => [entity.name, entity]));
  return (name) => {
    const entity = byName.get(name);
    if (!entity) throw new Error(`catalog refers to unknown entity "${name}"`);
    return entity;
  };
}

/** Names a container element may carry: entity names, response keys and sub-object tables. */
function recordNames(entities: RawEntity[]): Set<string> {
  return new Set(entities.flatMap((entity) => [
    entity.name,
    ...entity.responseKeys,
    ...Object.keys(entity.subObjects),
  ]));
}

/** DisplayTemplateWorkorder lists `WorkorderItems.Item` twice; keep the first occurrence. */
function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Plain code-unit order so the output does not depend on the machine's locale. */
function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
