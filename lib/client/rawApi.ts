import {
  ComponentError, HttpHeaders, LightspeedApiError, MalformedResponseError, redactJson, RequestContext,
} from './http';
import { ApiResponse, HttpMethod, LightspeedClient } from './LightspeedClient';
import { extractRecords } from './normalize';
import { nextUrl } from './paginator';
import { entityListedAt } from '../catalog';
import { isRecord } from '../catalog/records';

/** A request to any endpoint under the account, sent through the shared client (auth, pacing, retry rules). */
export interface RawRequest {
  method: HttpMethod;
  /** Relative to the account, already checked to stay there (`accountRelativePath`). */
  path: string;
  /** Query parameters, sent as given. */
  query: Record<string, string>;
  body?: unknown;
  /** GET lists: follow `@attributes.next` and gather every page's records. */
  followPages: boolean;
  /** With followPages: fail rather than gather more records than this. */
  maxRecords: number;
  /** 4xx statuses answered as results instead of errors ("does it exist": 404). */
  allowedStatuses: number[];
}

/** The status, Lightspeed's rate-limit headers and the body as Lightspeed sent it (JSON-parsed, not normalised). */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Without an entity to tell which nested records Lightspeed would add, a raw PUT carrying any nested object or list
 * is treated as one that adds records: not repeated after a failure that leaves it unknown whether it was applied.
 */
const RAW_PUT_MAY_HAVE_BEEN_APPLIED = 'the change may have been applied in Lightspeed, and its nested records could be added '
  + 'a second time if it were sent again: read the record and check them before running it again';

function carriesNestedRecords(body: unknown): boolean {
  return isRecord(body) && Object.values(body).some((value) => typeof value === 'object' && value !== null);
}

/** Sends a raw request; with followPages, one body holding the records of every page as a list. */
export async function sendRaw(client: LightspeedClient, request: RawRequest): Promise<RawResponse> {
  const url = await client.url('account', request.path);
  for (const [name, value] of Object.entries(request.query)) url.searchParams.set(name, value);
  const context: RequestContext = { method: request.method, path: request.path };
  let first: ApiResponse;
  try {
    first = await client.call({
      method: request.method, url: url.toString(), body: request.body, context,
      emptyBodyIsEmptyList: request.followPages && request.method === 'GET',
      unsafeToRepeat: request.method === 'PUT' && carriesNestedRecords(request.body) ? RAW_PUT_MAY_HAVE_BEEN_APPLIED : undefined,
    });
  } catch (error) {
    // A 4xx is never retried, so the error carries Lightspeed's one answer.
    if (error instanceof LightspeedApiError && error.response && request.allowedStatuses.includes(error.status)) {
      return { status: error.status, headers: rateLimitHeaders(error.response.headers), body: error.response.body ?? null };
    }
    throw error;
  }
  if (!request.followPages || request.method !== 'GET') {
    return { status: first.status, headers: rateLimitHeaders(first.headers), body: redactJson(first.body, client.redact) };
  }
  return gatherPages(client, first, url, request, context);
}

async function gatherPages(client: LightspeedClient, first: ApiResponse, firstUrl: URL, request: RawRequest, context: RequestContext): Promise<RawResponse> {
  const { maxRecords } = request;
  const records: unknown[] = [];
  let recordsKey: string | undefined;
  let response = first;
  let url: URL | undefined = firstUrl;
  while (url) {
    const key = recordsKeyOf(response.body, context);
    if (key !== undefined && recordsKey !== undefined && key !== recordsKey) {
      throw new MalformedResponseError(`a page holds "${key}" where the first held "${recordsKey}"`, context);
    }
    recordsKey ??= key;
    const pageRecords = key === undefined ? [] : extractRecords(response.body, key, context);
    records.push(...pageRecords);
    if (records.length > maxRecords) {
      throw new ComponentError(`More than ${maxRecords} records under ${context.path}: narrow the query, or raise "Maximum results"`);
    }
    url = nextUrl(response.body, url, pageRecords.length, context);
    if (url) response = await client.call({ method: 'GET', url: url.toString(), context, emptyBodyIsEmptyList: true });
  }
  // Shaped like one last page holding everything, the records always as a list (empty when nothing was found).
  recordsKey ??= listedRecordsKey(request.path);
  const attributes = { next: '', previous: '', ...countOf(first.body) };
  const body = { '@attributes': attributes, ...(recordsKey === undefined ? {} : { [recordsKey]: records }) };
  return { status: response.status, headers: rateLimitHeaders(response.headers), body: redactJson(body, client.redact) };
}

/**
 * `@attributes.count` as Lightspeed sent it, when it did: the whole answer to a `count=1` query, text in recorded
 * answers and a number in the docs' example; kept either way.
 */
function countOf(body: unknown): { count?: unknown } {
  const attributes = isRecord(body) ? body['@attributes'] : undefined;
  const count = isRecord(attributes) ? attributes.count : undefined;
  return typeof count === 'number' || typeof count === 'string' ? { count } : {};
}

/** The key holding a page's records: the only one besides `@attributes` (none on an empty page). */
function recordsKeyOf(body: unknown, context: RequestContext): string | undefined {
  if (!isRecord(body)) throw new MalformedResponseError('the body is not a JSON object', context);
  const keys = Object.keys(body).filter((key) => key !== '@attributes');
  if (keys.length > 1) throw new MalformedResponseError(`the page holds ${keys.join(', ')}: which are the records is unknown`, context);
  return keys[0];
}

/**
 * Where the records of a list that came back empty would have been: the catalog's key for the path (`Taxes` for
 * `Reports/Accounting/TaxesByDay.json`), else the path's last name (`Item` for `Item.json`); undefined for a record's
 * own path (`Item/5.json`), which is not a list.
 */
function listedRecordsKey(path: string): string | undefined {
  const listed = entityListedAt(path);
  if (listed) return listed.responseKey;
  const last = /(?:^|\/)([A-Za-z][A-Za-z0-9]*)\.json$/.exec(path);
  return last?.[1];
}

/** `X-LS-API-Bucket-Level`, `-Drip-Rate`, `-Request-Cost`, `-Burst-Level`..., lower-cased as received. */
function rateLimitHeaders(headers: HttpHeaders): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('x-ls-api-') && value !== undefined) picked[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return picked;
}
