import {
  BadRequestError, ForbiddenError, GatewayTimeoutError, LightspeedApiError, NotFoundError, RateLimitError,
  RequestContext, ServerError,
} from './errors';
import { isRecord } from '../../catalog/records';
import { redactJson } from './redact';
import { parseRetryAfter } from './retryTiming';
import { HttpHeaders, header } from './transport';

/** The error for a non-success answer, its class chosen by the status; the answer travels with it. */
export function errorFromResponse(
  status: number, body: unknown, headers: HttpHeaders, request: RequestContext, redact: (text: string) => string = (text) => text,
): LightspeedApiError {
  // Lightspeed sometimes echoes what it was sent: its text passes through the credential's redactor.
  const error = errorForStatus(status, body, headers, request, redact(lightspeedMessage(body)));
  error.response = { headers, body: redactJson(body, redact) };
  return error;
}

/** The error class for a status, chosen in one place. */
function errorForStatus(status: number, body: unknown, headers: HttpHeaders, request: RequestContext, message: string): LightspeedApiError {
  const errorClass = isRecord(body) && typeof body.errorClass === 'string' ? body.errorClass : undefined;
  if (status === 429) {
    const retryAfter = parseRetryAfter(header(headers, 'retry-after'));
    return new RateLimitError(status, message, request, retryAfter, header(headers, 'x-ls-api-ratelimit-type'));
  }
  if (status === 504) return new GatewayTimeoutError(status, message, request, errorClass);
  if (status >= 500) return new ServerError(status, message, request, errorClass);
  if (status === 404) return new NotFoundError(status, message, request, errorClass);
  if (status === 403) return new ForbiddenError(status, message, request, errorClass);
  if (status === 400 || status === 409 || status === 422) return new BadRequestError(status, message, request, errorClass);
  return new LightspeedApiError(status, message, request, errorClass);
}

/**
 * Lightspeed's readable text from either error shape: the API envelope
 * `{httpCode, httpMessage, message, errorClass}` or the OAuth one `{error, error_description, hint}`.
 */
export function lightspeedMessage(body: unknown): string {
  if (!isRecord(body)) return typeof body === 'string' ? htmlTitle(body) ?? firstLine(body) : '';
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const main = text(body.message) ?? text(body.error_description) ?? text(body.httpMessage) ?? text(body.error) ?? '';
  // OAuth-style 401s put the useful part ("Token has expired") in the hint.
  const hint = text(body.hint);
  return firstLine(hint && !main.includes(hint) ? `${main} (${hint})` : main);
}

/** An HTML error page (Cloudflare's 52x, a gateway's 502/504) is best summed up by its title. */
function htmlTitle(text: string): string | undefined {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1].replace(/\s+/g, ' ').trim();
  return title ? title : undefined;
}

function firstLine(text: string): string {
  // HTML error pages from the edge are not worth quoting whole.
  const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return plain.length > 300 ? `${plain.slice(0, 300)}...` : plain;
}

