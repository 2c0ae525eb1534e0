/** Drip cost of an API request under the current or the legacy cost model. */
import { ApiRequest } from './context';
import { CostTable } from './protocol';
import { splitOrParam } from './query';
import { Relations } from './relations';
import { Store } from './store';
import { isRecord } from './packageRoot';
import { countNestedRecords } from './nestedWrites';

/** Rounds away float noise (1 + 0.3 * 2 = 1.6, not 1.6000000000000001). */
export function roundCost(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function isCount(query: URLSearchParams): boolean {
  const count = query.get('count');
  return count === '1' || count === 'true';
}

/** Endpoint cost of a write: the catalog's requestCost, else protocol endpointCosts, else 1. */
function writeCost(req: ApiRequest, method: string, template: string, table: CostTable): number {
  const listed = req.entity.requestCost[req.verb];
  const shape = template.replace(/\.json$/, '').replace(/\{[^}]+\}/g, '{}').toLowerCase();
  const collectionShape = req.id !== null ? shape.replace(/\/\{\}$/, '') : shape;
  const endpoint = table.endpointCosts.find((e) => e.methods.includes(method) && e.shape === collectionShape);
  let cost = listed ?? endpoint?.drips ?? 1;
  const body = isRecord(req.body) ? req.body : {};
  const inner = isRecord(body[req.entity.responseKey]) ? (body[req.entity.responseKey] as Record<string, unknown>) : body;
  if (endpoint?.completedExtra && (inner.completed === true || inner.completed === 'true')) cost += endpoint.completedExtra;
  if (method === 'POST' || method === 'PUT') cost += table.perNestedRecord * countNestedRecords(inner);
  return cost;
}

/** `or` costs nothing when every operand is on one field, else +1 per operand. */
function orCost(query: URLSearchParams): number {
  let cost = 0;
  for (const value of query.getAll('or')) {
    try {
      const operands = splitOrParam(value);
      if (new Set(operands.map((o) => o.field)).size > 1) cost += operands.length;
    } catch {
      // a malformed or= is rejected by the handler; it costs the base price
    }
  }
  return cost;
}

/** Cost of one routed request. */
export function requestCost(
  req: ApiRequest, method: string, template: string, model: 'current' | 'legacy',
  table: CostTable, store: Store, relations: Relations,
): number {
  if (model === 'legacy') {
    if (method !== 'GET') return table.legacy.write;
    return isCount(req.query) ? table.legacy.count : table.legacy.GET;
  }
  if (method !== 'GET') return roundCost(writeCost(req, method, template, table));
  if (isCount(req.query)) return table.count;
  let cost = 1 + orCost(req.query);
  const dbTable = store.tableOf(req.entity);
  const tree = dbTable ? relations.parse(req.entity, req.query.get('load_relations')) : null;
  if (dbTable && tree) {
    const multiplier = req.verb === 'query' ? table.queryMultiplier : 1;
    cost += relations.cost(dbTable, tree, table.toOne, table.toMany) * multiplier;
  }
  return roundCost(cost);
}
