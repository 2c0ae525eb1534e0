/** GET on a collection path: filters, sort, cursor pagination, relations, count=1. */
import { ApiRequest, ApiResult, ApiServices } from './context';
import { buildFilter } from './filters';
import { cursorValues, decodeCursor, encodeCursor, narrowRange, readPage } from './pagination';
import { relationCount } from './relations';
import { ApiError, WireObject } from './types';
import { oneOrMany } from './wire';

const MAX_LIMIT = 100;

/** Parses `limit` (1..100, default 100). */
export function parseLimit(raw: string | null): number {
  if (raw === null || raw === '') return MAX_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new ApiError(400, `Invalid limit '${raw}': must be an integer from 1 to ${MAX_LIMIT}`, 'InvalidQueryException');
  }
  return limit;
}

function emptyList(): ApiResult {
  return { status: 200, body: { '@attributes': { next: '', previous: '' } }, page: { records: 0, relations: 0 } };
}

/** Builds a next/previous link: the original query, then sort, limit and the cursor. */
function link(req: ApiRequest, sort: string, limit: number, kind: 'after' | 'before', cursor: string): string {
  const parts: string[] = [];
  for (const [key, value] of req.query) {
    if (key === 'after' || key === 'before' || key === 'sort' || key === 'limit') continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  }
  parts.push(`sort=${encodeURIComponent(sort)}`, `limit=${limit}`, `${kind}=${encodeURIComponent(cursor)}`);
  return `${req.linkBase}?${parts.join('&')}`;
}

/** Answers a query on a collection path. */
export function handleQuery(req: ApiRequest, svc: ApiServices): ApiResult {
  const { entity, query } = req;
  const table = svc.store.tableOf(entity);
  if (entity.name === 'Account' && table) {
    // Account.json lists the one account with a count, like a single read.
    return { status: 200, body: { '@attributes': { count: String(table.size) }, Account: oneOrMany(table.rows) } };
  }
  if (!table || !entity.primaryKey) return emptyList();
  const tree = svc.relations.parse(entity, query.get('load_relations'));
  const scope = { entity, table, relations: svc.relations, tree: tree ?? new Map(), contactEmailSearch: svc.options.contactEmailSearch };
  const filter = buildFilter(scope, query, req.parentValues);
  const countParam = query.get('count');
  if (countParam === '1' || countParam === 'true') {
    const clash = ['limit', 'sort', 'after', 'before'].filter((p) => query.has(p));
    if (clash.length) throw new ApiError(400, `count=1 cannot be combined with ${clash.join(', ')}`, 'InvalidQueryException');
    let count = 0;
    if (tree) for (const row of table.rows) if (filter.accept(row)) count++;
    return { status: 200, body: { '@attributes': { count: String(count) } } };
  }
  const limit = parseLimit(query.get('limit'));
  const sortParam = query.get('sort') || entity.primaryKey;
  const descending = sortParam.startsWith('-');
  const sortField = descending ? sortParam.slice(1) : sortParam;
  if (sortField !== entity.primaryKey && !entity.sortable.includes(sortField)) {
    const allowed = [...new Set([entity.primaryKey, ...entity.sortable])].join(', ');
    throw new ApiError(400, `Invalid sort field '${sortField}' for ${entity.name}. Sortable fields: ${allowed}`, 'InvalidQueryException');
  }
  const after = query.get('after');
  const before = query.get('before');
  if (after && before) throw new ApiError(400, 'Use either after or before, not both', 'InvalidQueryException');
  const type = table.fields.get(sortField)?.type;
  const cursor = after
    ? decodeCursor(after, 'after', sortField, entity.primaryKey, type)
    : before ? decodeCursor(before, 'before', sortField, entity.primaryKey, type) : null;
  if (!tree) return emptyList(); // malformed load_relations: the real API returns no records

  // Nested paths (Sale/{saleID}/SaleLine.json) read the parent's group instead of the whole table.
  const lastParent = entity.parentKeys.length - 1;
  const rows = sortField === entity.primaryKey && lastParent >= 0 && req.parentValues[lastParent] !== undefined
    ? table.group(entity.parentKeys[lastParent], req.parentValues[lastParent])
    : table.sortedBy(sortField);
  const keyOf = table.keyFn(sortField);
  let range: [number, number] = [0, rows.length];
  for (const hint of filter.rangeHints) {
    if (hint.field === sortField) range = narrowRange(rows, keyOf, table.pkOf, range, hint.op, hint.bounds);
  }
  const page = readPage({ rows, keyOf, pkOf: table.pkOf, descending, cursor, limit, accept: filter.accept, range });
  const attributes: WireObject = { next: '', previous: '' };
  if (page.rows.length > 0) {
    const first = page.rows[0];
    const last = page.rows[page.rows.length - 1];
    if (page.hasNext) attributes.next = link(req, sortParam, limit, 'after', encodeCursor(cursorValues(last, sortField, entity.primaryKey)));
    if (page.hasPrevious) attributes.previous = link(req, sortParam, limit, 'before', encodeCursor(cursorValues(first, sortField, entity.primaryKey)));
  }
  const body: WireObject = { '@attributes': attributes };
  if (page.rows.length > 0) body[entity.responseKey] = oneOrMany(page.rows.map((row) => svc.relations.attach(table, row, tree)));
  return { status: 200, body, page: { records: page.rows.length, relations: relationCount(tree) } };
}
