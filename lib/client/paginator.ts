import { MalformedResponseError, RequestContext, target } from './http';
import { LightspeedClient } from './LightspeedClient';
import { extractRecords, normalizeRecord } from './normalize';
import { JsonRecord, RecordShape, isRecord } from '../catalog/records';
import { AdaptivePageSize, PageSizeSettings, signalsHeavyPage } from './rate';

/** One page of normalised records. */
export interface Page {
  records: JsonRecord[];
  /** 1-based count of pages yielded so far. */
  number: number;
  /** The `limit` this page was fetched with. */
  limit: number;
}

export interface PaginateOptions {
  responseKey: string;
  shape: RecordShape;
  context: RequestContext;
  pageSize: PageSizeSettings;
}

/**
 * Pages of a collection query: the first URL, then `@attributes.next` exactly as Lightspeed gives it, until it is
 * empty. Only `limit` is rewritten: halved on a heavy page (504, 524, 520, 522, a 500 with relations, a timeout)
 * and grown back after successes. The cursor in the URL marks the position, so a changed limit neither skips nor
 * repeats a record.
 */
export async function* paginate(client: LightspeedClient, firstUrl: URL, options: PaginateOptions): AsyncGenerator<Page> {
  const pageSize = new AdaptivePageSize(options.pageSize);
  const loadsRelations = firstUrl.searchParams.has('load_relations');
  let url: URL | undefined = firstUrl;
  let number = 0;
  while (url) {
    const page: URL = url;
    page.searchParams.set('limit', String(pageSize.current));
    let started = Date.now();
    const response = await client.call({
      method: 'GET', url: page.toString(), context: options.context, emptyBodyIsEmptyList: true,
      retryWith: (failure, elapsedMs) => {
        const before = pageSize.current;
        if (!signalsHeavyPage(failure, options.pageSize, loadsRelations) || !pageSize.shrink(elapsedMs)) return undefined;
        page.searchParams.set('limit', String(pageSize.current));
        started = Date.now(); // a good page's duration is what the next attempt takes
        return { url: page.toString(), reason: `asking again at once from the same position with ${pageSize.current} records per page instead of ${before}` };
      },
    });
    const limitBefore = pageSize.current;
    pageSize.recordSuccess(Date.now() - started);
    if (pageSize.current > limitBefore) {
      client.logger.info(`${target(options.context)}: the last pages came back in time; asking for ${pageSize.current} records per page again instead of ${limitBefore}`);
    }
    const records = extractRecords(response.body, options.responseKey, options.context)
      .map((record) => normalizeRecord(record, options.shape));
    url = nextUrl(response.body, page, records.length, options.context);
    // An empty page with a next link is not the end: Lightspeed may filter a page down to nothing.
    if (records.length > 0) yield { records, number: ++number, limit: Number(page.searchParams.get('limit')) };
  }
}

/** Records one by one, over `paginate`. */
export async function* records(pages: AsyncIterable<Page>): AsyncGenerator<JsonRecord> {
  for await (const page of pages) yield* page.records;
}

/**
 * The next page's URL, or undefined at the end. Lightspeed does not document the shape of an answer without records:
 * `{"@attributes": {"next": ""}}`, `{"@attributes": {"count": "0"}}` (or `0`), `{}` and an empty body all mean the end.
 */
export function nextUrl(body: unknown, current: URL, recordCount: number, context: RequestContext): URL | undefined {
  const attributes = isRecord(body) ? body['@attributes'] : undefined;
  if (!isRecord(attributes)) {
    if (recordCount === 0) return undefined;
    // Records without @attributes: we cannot tell whether more pages exist; guessing "no" would lose records silently.
    throw new MalformedResponseError('the page has no @attributes, so its next page is unknown', context);
  }
  const next = attributes.next;
  if (next === undefined || next === '' || next === null) return undefined;
  if (typeof next !== 'string') throw new MalformedResponseError('@attributes.next is not a URL', context);
  const url = new URL(next, current);
  if (url.searchParams.get('after') === null && url.searchParams.get('before') === null && url.search === current.search) {
    throw new MalformedResponseError('@attributes.next repeats the current page', context);
  }
  return url;
}
