/**
 * Serves recorded Lightspeed answers (spec/fixtures/real-recordings) through V3 paths with nock: records byte for byte,
 * headers as recorded, pages chained by `@attributes.next` cursors instead of the old offsets.
 */
import nock from 'nock';
import { EntitySpec } from '../../lib/catalog/types';
import { RecordedExchange, recordedRecords } from './cassettes';
import { ACCOUNT, API } from './lightspeed';

/** Framing headers describe the recorded bytes; the served envelope differs in length, so node sets its own. */
const FRAMING = new Set(['content-length', 'transfer-encoding']);

/**
 * Every recorded header but the framing ones. Bodies are served as Buffers: given a string with a Content-Encoding
 * header (2015's answers say `Content-Encoding: none`), nock would take it for hex and serve nothing.
 */
export function recordedHeaders(exchange: RecordedExchange): Record<string, string> {
  return Object.fromEntries(Object.entries(exchange.headers).filter(([name]) => !FRAMING.has(name)));
}

const OLD_ATTRIBUTES = /^\{"@attributes":\{[^{}]*\}/;

/** The recorded body with its offset attributes (count/offset/limit) replaced by V3's cursors; the records untouched. */
export function withCursor(body: string, next: string): string {
  if (!OLD_ATTRIBUTES.test(body)) throw new Error(`test setup: a recorded page without @attributes first: ${body.slice(0, 80)}`);
  return body.replace(OLD_ATTRIBUTES, `{"@attributes":${JSON.stringify({ next, previous: '' })}`);
}

/** The V3 path of `template` (`Vendor/{vendorID}.json`) for the entity, with the placeholder filled in. */
export function v3Path(entity: EntitySpec, template: string | null, id?: string): string {
  if (template === null) throw new Error(`test setup: ${entity.name} has no such path`);
  const filled = template.replace(/\{[^}]+\}/, id ?? '');
  return entity.root === 'account' ? `/API/V3/Account/${ACCOUNT}/${filled}` : `/API/V3/${filled}`;
}

/** Query parameters that shape a listing rather than filter its records on a field. */
const CONTROL = new Set(['limit', 'sort', 'load_relations', 'archived', 'after', 'before', 'offset']);

/**
 * `pages` as one listing at `path`: a first request opens page 1, `after=<n>` goes on to page n. A filter on a field
 * no recorded record carries (Sale's `updatetime`, unset before 2017) matches nothing, as it would in Lightspeed.
 */
export function serveListing(path: string, pages: readonly RecordedExchange[], responseKey: string): void {
  const carried = new Set(pages.flatMap((page) => recordedRecords(page.body, responseKey).flatMap((record) => Object.keys(record))));
  nock(API).persist().get(path).query(true).reply((uri) => {
    const query = new URL(uri, API).searchParams;
    const filtered = [...query.keys()].filter((name) => !CONTROL.has(name));
    if (filtered.some((name) => !carried.has(name))) return [200, { '@attributes': { next: '', previous: '' } }];
    const index = Number(query.get('after') ?? 0);
    const next = index + 1 < pages.length ? `${API}${path}?after=${index + 1}` : '';
    return [pages[index].status, Buffer.from(withCursor(pages[index].body, next)), recordedHeaders(pages[index])];
  });
}

/** One recorded answer, exactly as recorded, to `method path` (any query); answers are used up in order. */
export function serveAnswer(method: string, path: string, exchange: RecordedExchange): void {
  nock(API).intercept(path, method).query(true).reply(exchange.status, Buffer.from(exchange.body), recordedHeaders(exchange));
}
