/** Turns a request's query string into a record predicate (filters, or-groups, archived, parent keys). */
import { ContactEmailSearch, contactPredicate } from './contactSearch';
import { Condition, parseCondition, splitOrParam } from './query';
import { RelationTree, Relations } from './relations';
import { SortKey, keyOfValue } from './sortedIndex';
import { Table } from './table';
import { canonicalTimestamp } from './time';
import { ApiError, SimEntity, SimField, WireObject } from './types';

/** Query parameters that are not field filters. */
export const CONTROL_PARAMS = new Set(['limit', 'sort', 'after', 'before', 'archived', 'load_relations', 'count', 'or']);

/** Parameters the docs mention that the simulator accepts and ignores. */
const IGNORED_PARAMS = new Set(['giftCard', 'template', 'timezone']);

/** A comparison on one field that can narrow an index range. */
export interface RangeHint {
  field: string;
  op: string;
  bounds: SortKey[];
}

/** The compiled filter of one request. */
export interface RequestFilter {
  accept: (row: WireObject) => boolean;
  rangeHints: RangeHint[];
}

type Predicate = (row: WireObject) => boolean;

function scalarField(table: Table, entity: SimEntity, name: string): SimField {
  const field = table.fields.get(name);
  if (!field || field.type === 'object' || field.type === 'array') {
    throw new ApiError(400, `Invalid search field '${name}' for ${entity.name}`, 'InvalidQueryException');
  }
  return field;
}

/** The filter of one `field=value` pair; no predicate when Lightspeed would ignore it. */
interface CompiledCondition {
  predicate: Predicate | null;
  /** The parsed condition on a field of the table itself (for index ranges). */
  condition?: Condition;
}

function conditionPredicate(scope: FilterScope, name: string, raw: string): CompiledCondition {
  const { table, entity, relations, tree } = scope;
  const dot = name.indexOf('.');
  if (dot > 0) {
    const relation = name.slice(0, dot);
    const fieldName = name.slice(dot + 1);
    if (tree.has(relation) && relations.resolve(table, relation)?.kind === 'embedded') {
      const contactOf = (row: WireObject) => relations.related(table, row, relation)[0];
      return { predicate: contactPredicate(relation, fieldName, raw, scope.contactEmailSearch, contactOf) };
    }
    const target = tree.has(relation) ? relations.targetTable(table, relation) : undefined;
    if (!target) {
      throw new ApiError(400, `Relation search on '${name}' requires load_relations to include ${relation}`, 'InvalidQueryException');
    }
    const type = target.fields.get(fieldName)?.type;
    const condition = parseCondition(fieldName, raw, type, relation);
    return {
      predicate: (row) => relations.related(table, row, relation).some((r) => condition.test(typeof r[fieldName] === 'string' ? (r[fieldName] as string) : '')),
    };
  }
  const field = scalarField(table, entity, name);
  const condition = parseCondition(name, raw, field.type);
  return { condition, predicate: (row) => condition.test(typeof row[name] === 'string' ? (row[name] as string) : '') };
}

/** Item's `itemCode` matches itemID, upc or ean (operators =, IN). */
function itemCodePredicate(raw: string): Predicate {
  const condition = parseCondition('itemCode', raw, 'string');
  return (row) => ['itemID', 'upc', 'ean'].some((f) => condition.test(String(row[f] ?? '')));
}

function rangeHint(table: Table, condition: Condition): RangeHint | null {
  const type = table.fields.get(condition.field)?.type;
  if (condition.relation || !['=', '>', '>=', '<', '<=', '><'].includes(condition.op)) return null;
  if (type !== 'integer' && type !== 'float' && type !== 'datetime') return null;
  const values = condition.op === '><' ? condition.values : [condition.values[0]];
  const bounds = values.map((v) => keyOfValue(type === 'datetime' ? canonicalTimestamp(v) ?? '' : v, type));
  return { field: condition.field, op: condition.op, bounds };
}

/** What a query's filters are compiled against. */
export interface FilterScope {
  entity: SimEntity;
  table: Table;
  relations: Relations;
  tree: RelationTree;
  contactEmailSearch: ContactEmailSearch;
}

/** Compiles the filter of a query: field filters, `or`, `archived` and the path's parent keys. */
export function buildFilter(scope: FilterScope, query: URLSearchParams, parentValues: string[]): RequestFilter {
  const { entity, table } = scope;
  const predicates: Predicate[] = [];
  const rangeHints: RangeHint[] = [];
  entity.parentKeys.forEach((key, i) => {
    const value = parentValues[i];
    if (value !== undefined) predicates.push((row) => row[key] === value);
  });
  if (table.fields.has('archived')) {
    const archived = query.get('archived') ?? 'false';
    if (archived === 'false' || archived === '0') predicates.push((row) => row.archived !== 'true');
    else if (archived === 'only') predicates.push((row) => row.archived === 'true');
    else if (archived !== 'true' && archived !== '1') {
      throw new ApiError(400, `Invalid archived value '${archived}' (use true, false or only)`, 'InvalidQueryException');
    }
  }
  for (const [name, raw] of query) {
    if (CONTROL_PARAMS.has(name) || IGNORED_PARAMS.has(name) || entity.pathQueryParams.includes(name)) continue;
    if (name === 'itemCode' && table.name === 'Item') {
      predicates.push(itemCodePredicate(raw));
      continue;
    }
    if (name === 'offset' || name === 'orderby' || name === 'orderby_desc') {
      throw new ApiError(400, `'${name}' is not supported in API V3; use cursor pagination and sort`, 'InvalidQueryException');
    }
    const { predicate, condition } = conditionPredicate(scope, name, raw);
    if (predicate) predicates.push(predicate);
    const hint = condition ? rangeHint(table, condition) : null;
    if (hint) rangeHints.push(hint);
  }
  for (const orValue of query.getAll('or')) {
    const group = splitOrParam(orValue).map(({ field, value }) => conditionPredicate(scope, field, value).predicate ?? (() => true));
    if (group.length) predicates.push((row) => group.some((p) => p(row)));
  }
  return { accept: (row) => predicates.every((p) => p(row)), rangeHints };
}
