import { DRAFT_07, JsonSchema } from '../catalog/jsonSchema';
import { RawRequest } from '../client/rawApi';
import { ValidationError } from '../client/http';
import { accountRelativePath } from '../client/paths';
import { IncomingMessage, StepConfig } from '../runtime/context';
import { parseMaxResults } from './lookupConfig';
import { bodyObject, validated } from './validate';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

/** The input message of "Make Raw Request". */
export const RAW_REQUEST_IN: JsonSchema = {
  $schema: DRAFT_07,
  title: 'Raw request',
  type: 'object',
  properties: {
    method: { title: 'Method', type: 'string', enum: [...METHODS] },
    path: { title: 'Path', type: 'string', description: 'relative to the account: Item.json, Sale/12/refund.json, Reports/Accounting/PaymentsByDay.json' },
    query: {
      title: 'Query parameters',
      type: 'object',
      description: 'name -> value, sent as given (Lightspeed syntax: "timeStamp": ">=,2024-01-01T00:00:00+00:00"); arrays as JSON (load_relations)',
      additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array' }] },
    },
    body: { title: 'Body', type: ['object', 'array'], description: 'JSON body of a POST or PUT' },
  },
  required: ['method', 'path'],
  additionalProperties: false,
};

/** What "Make Raw Request" emits. */
export const RAW_REQUEST_OUT: JsonSchema = {
  type: 'object',
  properties: {
    status: { title: 'Status', type: 'integer' },
    headers: { title: 'Rate-limit headers', type: 'object', additionalProperties: { type: 'string' } },
    body: { title: 'Body (as Lightspeed sent it)' },
  },
};

/** The step's fields and the message, validated into one request: bad input fails here, before any request. */
export function rawRequestInput(msg: IncomingMessage, cfg: StepConfig): RawRequest {
  const raw = bodyObject(msg.body);
  const message = validated('rawRequest', RAW_REQUEST_IN, typeof raw.method === 'string' ? { ...raw, method: raw.method.toUpperCase() } : raw, 'Make Raw Request');
  const method = message.method as RawRequest['method'];
  if (message.body !== undefined && (method === 'GET' || method === 'DELETE')) {
    throw new ValidationError('body.body', `must be left out: a ${method} sends no body`);
  }
  return {
    method,
    path: accountRelativePath('body.path', checkPathShape('body.path', message.path)),
    query: queryParams(message.query as Record<string, unknown> | undefined),
    body: message.body,
    followPages: cfg.followPages === true || cfg.followPages === 'true',
    maxRecords: parseMaxResults(cfg.maxResults),
    allowedStatuses: allowedStatuses(cfg.allowedStatuses),
  };
}

/** The API's own prefix, which the component adds: `/API/V3/Account/123456/`, `API/V3/` (doubled without its `/`). */
const API_PREFIX = /^\/?API\/(?:V3\/)?(?:Account\/[^/?]*\/)?|^\/(?=[^/])/i;

/**
 * Two mistakes a path copied from a URL or another client brings, each refused with its fix: the API's prefix
 * (`/API/V3/Account/123456/Item.json`, which would double in the URL) and a query (`Item.json?limit=5`, which belongs
 * in `body.query`). Everything else is left to accountRelativePath's rule.
 */
function checkPathShape(field: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  const mark = trimmed.indexOf('?');
  const path = mark < 0 ? trimmed : trimmed.slice(0, mark);
  const query = mark < 0 ? '' : trimmed.slice(mark + 1);
  const prefix = API_PREFIX.exec(path)?.[0] ?? '';
  if (prefix === '' && query === '') return value;
  const rest = path.slice(prefix.length);
  const fixes = [
    ...(prefix === '' ? [] : [`drop "${prefix}" (the component adds the account's prefix)`]),
    ...(query === '' ? [] : ['move the query into body.query']),
  ];
  if (rest === '') throw new ValidationError(field, `${fixes.join(' and ')}, and name the endpoint, such as "Item.json"`);
  const meant = [`"path": ${JSON.stringify(accountRelativePath(field, rest))}`];
  if (query !== '') meant.push(`"query": ${flatJson([...new URLSearchParams(query)])}`);
  throw new ValidationError(field, `${fixes.join(' and ')}: {${meant.join(', ')}}`);
}

/** `{"limit": "5", "archived": "true"}`, spaced as the other error texts write JSON. */
function flatJson(entries: Array<[string, string]>): string {
  return `{${entries.map(([name, value]) => `${JSON.stringify(name)}: ${JSON.stringify(value)}`).join(', ')}}`;
}

function queryParams(query: Record<string, unknown> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(query).map(([name, value]) => [name, Array.isArray(value) ? JSON.stringify(value) : String(value)]));
}

/** "404, 409": 4xx statuses emitted as results instead of errors. 401 and 429 stay the client's to handle. */
function allowedStatuses(value: unknown): number[] {
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value : String(value).split(',');
  return items.map((item) => {
    const status = Number(String(item).trim());
    if (!Number.isInteger(status) || status < 400 || status > 499 || status === 401 || status === 429) {
      throw new ValidationError('allowedStatuses', `must list 4xx statuses such as "404, 409" (401 and 429 are handled by the component), got ${JSON.stringify(String(item).trim())}`);
    }
    return status;
  });
}
