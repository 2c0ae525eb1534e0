/** Cost figures read from data/lightspeed-api/protocol.json (with the documented values as fallback). */
import * as path from 'node:path';
import { findPackageRoot, isRecord, readJson } from './packageRoot';

/** A per-endpoint write cost (`Sale` 2 drips, `Category` 10, ...). */
export interface EndpointCost {
  methods: string[];
  /** Protocol path without `.json`, placeholders as `{}` (`Sale/{}/SaleLine`). */
  shape: string;
  drips: number;
  /** Extra drips when the payload has completed=true (Sale). */
  completedExtra: number;
}

/** The numbers the rate limiter charges. */
export interface CostTable {
  toOne: number;
  toMany: number;
  queryMultiplier: number;
  count: number;
  perNestedRecord: number;
  endpointCosts: EndpointCost[];
  legacy: { GET: number; write: number; count: number };
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function at(root: unknown, ...keys: string[]): unknown {
  let node = root;
  for (const key of keys) node = isRecord(node) ? node[key] : undefined;
  return node;
}

/** Loads the cost table; a missing or unreadable protocol.json yields the documented defaults. */
export function loadCostTable(file?: string): CostTable {
  let protocol: unknown = {};
  try {
    protocol = readJson(file ?? path.join(findPackageRoot(), 'data', 'lightspeed-api', 'protocol.json'));
  } catch {
    protocol = {};
  }
  const endpointList = at(protocol, 'rateLimit', 'current', 'endpointCosts');
  const endpointCosts: EndpointCost[] = (Array.isArray(endpointList) ? endpointList : []).filter(isRecord).map((entry) => ({
    methods: Array.isArray(entry.methods) ? entry.methods.filter((m): m is string => typeof m === 'string') : [],
    shape: String(entry.path ?? '').replace(/\{[^}]+\}/g, '{}').toLowerCase(),
    drips: num(entry.drips, 1),
    completedExtra: num(at(entry, 'extra', 'drips'), 0),
  }));
  return {
    toOne: num(at(protocol, 'loadRelations', 'costs', 'toOneSingle'), 0.1),
    toMany: num(at(protocol, 'loadRelations', 'costs', 'toManySingle'), 0.2),
    queryMultiplier: num(at(protocol, 'loadRelations', 'costs', 'multiplierForQueries'), 2),
    count: num(at(protocol, 'rateLimit', 'current', 'queryCosts', 'count'), 10),
    perNestedRecord: num(at(protocol, 'rateLimit', 'current', 'payloadCost', 'perNestedEntity'), 0.5),
    endpointCosts,
    legacy: {
      GET: num(at(protocol, 'rateLimit', 'previous', 'costs', 'GET'), 1),
      write: num(at(protocol, 'rateLimit', 'previous', 'costs', 'POST'), 10),
      count: num(at(protocol, 'rateLimit', 'previous', 'costs', 'count'), 10),
    },
  };
}
