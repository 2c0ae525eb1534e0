/** Maps request paths to (entity, verb) through the catalog's path templates, in O(1) per request. */
import { PathRoot, SimEntity, VERB_METHOD, Verb } from './types';

interface RouteEntry {
  entity: SimEntity;
  verb: Verb;
  template: string;
}

/** A resolved API path. */
export type RouteResult =
  | { kind: 'match'; entity: SimEntity; verb: Verb; template: string; parentValues: string[]; id: string | null; accountId: string | null }
  | { kind: 'methodNotAllowed'; entity: SimEntity; template: string; allow: string[]; accountId: string | null }
  | { kind: 'notFound'; accountId: string | null };

const SINGLE_VERBS = new Set<Verb>(['read', 'update', 'delete']);

/** Shape of a template: placeholders become `{}` (`Sale/{saleID}/SaleLine.json` -> `Sale/{}/SaleLine.json`). */
function templateShape(template: string): string {
  return template.replace(/\{[^}]+\}/g, '{}');
}

/** Shape of a request path: numeric segments become `{}`; returns their values too. */
function pathShape(rest: string): { shape: string; values: string[] } {
  const values: string[] = [];
  const segments = rest.split('/').map((segment) => {
    const match = /^(\d+)(\.json)?$/.exec(segment);
    if (!match) return segment;
    values.push(match[1]);
    return `{}${match[2] ?? ''}`;
  });
  return { shape: segments.join('/'), values };
}

/** Splits `/API/V3/Account/123/Item.json` into root, account id and the relative rest. */
function splitRoot(pathname: string): { root: PathRoot; accountId: string | null; rest: string } | null {
  const account = /^\/API\/V3\/Account\/([^/]+)\/(.+)$/.exec(pathname);
  if (account) return { root: 'account', accountId: decodeURIComponent(account[1]), rest: account[2] };
  if (pathname.startsWith('/API/V3/')) return { root: 'v3', accountId: null, rest: pathname.slice('/API/V3/'.length) };
  if (pathname.startsWith('/API/')) return { root: 'api', accountId: null, rest: pathname.slice('/API/'.length) };
  return null;
}

/** Routing table of every entity's templates. */
export class Router {
  private readonly routes = new Map<string, RouteEntry[]>();

  constructor(entities: SimEntity[]) {
    for (const entity of entities) {
      for (const { verb, template } of entity.templates) {
        const key = `${entity.root} ${templateShape(template)}`;
        const list = this.routes.get(key) ?? [];
        if (!list.some((r) => r.entity === entity && r.verb === verb)) list.push({ entity, verb, template });
        this.routes.set(key, list);
      }
    }
  }

  /** Resolves a method and path (without query). */
  resolve(method: string, pathname: string): RouteResult {
    const split = splitRoot(pathname);
    if (!split) return { kind: 'notFound', accountId: null };
    const { shape, values } = pathShape(split.rest);
    const entries = this.routes.get(`${split.root} ${shape}`);
    if (!entries) return { kind: 'notFound', accountId: split.accountId };
    const candidates = entries
      .filter((r) => VERB_METHOD[r.verb] === method)
      .sort((a, b) => rank(a) - rank(b));
    const best = candidates[0];
    if (!best || !best.entity.actions[best.verb]) {
      const allow = [...new Set(entries.filter((r) => r.entity.actions[r.verb]).map((r) => VERB_METHOD[r.verb]))];
      const entity = (best ?? entries[0]).entity;
      return { kind: 'methodNotAllowed', entity, template: (best ?? entries[0]).template, allow, accountId: split.accountId };
    }
    const single = SINGLE_VERBS.has(best.verb);
    const id = single ? values[values.length - 1] ?? null : null;
    const parentValues = single ? values.slice(0, -1) : values;
    return { kind: 'match', entity: best.entity, verb: best.verb, template: best.template, parentValues, id, accountId: split.accountId };
  }
}

/** Prefer routes whose verb is allowed, then the entity that owns the table (Image over ItemImage). */
function rank(route: RouteEntry): number {
  return (route.entity.actions[route.verb] ? 0 : 2) + (route.entity.table === route.entity.name ? 0 : 1);
}
