/** Lightspeed's payload quirks: string scalars, one-or-many containers, "" for empty ones, error envelopes. */
import { WireObject, WireValue } from './types';

/** Reason phrases used in envelopes and status lines. */
export const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  302: 'Found',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Time-out',
};

/** Cloudflare's own error titles for the answers it gives when the origin fails. */
const CLOUDFLARE_TITLES: Record<number, string> = {
  520: 'Web server is returning an unknown error',
  521: 'Web server is down',
  522: 'Connection timed out',
  523: 'Origin is unreachable',
  524: 'A timeout occurred',
};

/** Converts request JSON (native numbers, booleans, null) to wire form: every scalar a string. */
export function toWire(value: unknown): WireValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === 'object') {
    const out: WireObject = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toWire(inner);
    return out;
  }
  return String(value);
}

/**
 * A stored sub-object or list as the API sends it back: one element bare (`attribute1Values: "Red"`), several an
 * array, none (and `{}`) `""`, at every depth.
 */
export function collapse(value: WireValue): WireValue {
  if (Array.isArray(value)) {
    const items = value.map(collapse);
    return items.length === 0 ? '' : items.length === 1 ? items[0] : items;
  }
  if (typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, inner]): [string, WireValue] => [key, collapse(inner)]);
  return entries.length === 0 ? '' : Object.fromEntries(entries);
}

/** One element stays an object, two or more become an array (the real API's quirk). */
export function oneOrMany(items: WireObject[]): WireObject | WireObject[] {
  return items.length === 1 ? items[0] : items;
}

/** A container such as `SaleLines`: `{SaleLine: ...}` or `""` when empty. */
export function wrapList(element: string, items: WireObject[]): WireObject | '' {
  return items.length === 0 ? '' : { [element]: oneOrMany(items) };
}

/** Reads a container back into a list, accepting object, array or "" (request bodies use all three). */
export function unwrapList(container: unknown, element: string): unknown[] {
  if (container === null || container === undefined || container === '') return [];
  if (Array.isArray(container)) return container;
  if (typeof container !== 'object') return [];
  const inner = (container as Record<string, unknown>)[element];
  if (inner === undefined) return [container];
  if (Array.isArray(inner)) return inner;
  return inner === null || inner === '' ? [] : [inner];
}

/** Lightspeed's API error envelope; all values are strings. */
export function errorEnvelope(status: number, message: string, errorClass = 'Exception'): WireObject {
  return {
    httpCode: String(status),
    httpMessage: STATUS_TEXT[status] ?? 'Error',
    message,
    errorClass,
  };
}

/** The HTML page a gateway answers with when it gives up (used for 502/504 faults). */
export function gatewayHtml(status: number): string {
  const text = STATUS_TEXT[status] ?? 'Error';
  return `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n</body>\r\n</html>\r\n`;
}

/** The HTML page Cloudflare answers with when the origin behind it fails (520-524). */
export function cloudflareHtml(status: number, host = 'api.lightspeedapp.com'): string {
  const title = `${host} | ${status}: ${CLOUDFLARE_TITLES[status] ?? 'Error'}`;
  return `<!DOCTYPE html>\n<html lang="en-US">\n<head>\n<title>${title}</title>\n<meta charset="UTF-8" />\n</head>\n`
    + `<body>\n<div id="cf-error-details">\n<h1>${CLOUDFLARE_TITLES[status] ?? 'Error'}</h1>\n<span>Error code ${status}</span>\n`
    + '<p>Cloudflare Ray ID: <strong>8a1b2c3d4e5f6a7b</strong></p>\n</div>\n</body>\n</html>\n';
}
