/**
 * Typed errors. Callers branch on `instanceof`, never on raw HTTP details.
 * Messages are one readable line and never carry a token, a secret or the Authorization header.
 */
import { ConnectionFailure, connectionFailure } from './connectionFailure';

/** Where a failed request was going, for the error text. */
export interface RequestContext {
  method: string;
  /** Catalog entity name, when the request was about one. */
  entity?: string;
  /** Record id, when the request was about one record. */
  id?: string | number;
  /** Path relative to the API root, without query: safe to show. */
  path?: string;
}

/** Base class of every error this component raises on purpose. */
export class ComponentError extends Error {
  override name = 'ComponentError';
}

/** Configuration or input that is wrong before anything is sent. Names the field and the problem. */
export class ValidationError extends ComponentError {
  override name = 'ValidationError';
  constructor(readonly field: string, readonly problem: string) {
    super(`${field}: ${problem}`);
  }
}

/** A response from Lightspeed with a non-success status. */
export class LightspeedApiError extends ComponentError {
  override name = 'LightspeedApiError';
  constructor(
    readonly status: number,
    /** Lightspeed's own `message` from the error envelope (or OAuth `error_description`). */
    readonly lightspeedMessage: string,
    readonly request: RequestContext,
    readonly errorClass?: string,
  ) {
    super(describe(status, lightspeedMessage, request));
  }

  /** The answer itself (body parsed when JSON, else its text), for callers that pass it on: the raw request. */
  response?: { headers: Record<string, string | string[] | undefined>; body: unknown };
}

export class BadRequestError extends LightspeedApiError { override name = 'BadRequestError'; }
export class NotFoundError extends LightspeedApiError { override name = 'NotFoundError'; }
export class ForbiddenError extends LightspeedApiError { override name = 'ForbiddenError'; }
export class ServerError extends LightspeedApiError { override name = 'ServerError'; }
/** 504: Lightspeed gave up building the response (often a page too heavy for its limit). */
export class GatewayTimeoutError extends ServerError { override name = 'GatewayTimeoutError'; }

/** What a 429's wait was taken from: Lightspeed's Retry-After, the bucket level it reported, or neither (a blind backoff). */
export type RateLimitWaitBasis = 'retry-after' | 'bucket-level' | 'no-bucket-level';

/** 429: the leaky bucket or the burst limiter refused the request. */
export class RateLimitError extends LightspeedApiError {
  override name = 'RateLimitError';
  constructor(
    status: number,
    lightspeedMessage: string,
    request: RequestContext,
    /** Seconds from `Retry-After`, when Lightspeed sent a usable one. */
    readonly retryAfterSeconds: number | undefined,
    readonly limiter: string | undefined,
  ) {
    super(status, lightspeedMessage, request);
  }

  /** Seconds the credential's requests are held before the next attempt (Retry-After, or until the bucket has room). */
  waitSeconds?: number;
  /** What `waitSeconds` was taken from. */
  waitBasis?: RateLimitWaitBasis;
}

/** The credential itself is not usable: the user has to act (re-authorize, fix the client ID/secret). */
export class AuthenticationError extends ComponentError {
  override name = 'AuthenticationError';
  constructor(
    message: string,
    readonly status?: number,
    readonly oauthError?: string,
    /** Seconds from the token endpoint's `Retry-After`, when it sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** No usable HTTP response: connection refused or dropped, DNS, timeout. */
export class TransportError extends ComponentError {
  override name = 'TransportError';
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly request: RequestContext,
    /** True when the request was a write that may have reached Lightspeed before the failure. */
    readonly mayHaveBeenApplied: boolean,
    readonly failure: ConnectionFailure = connectionFailure(code),
  ) {
    super(message);
  }
}

/** A success status whose body is not what the API documents. */
export class MalformedResponseError extends ComponentError {
  override name = 'MalformedResponseError';
  constructor(readonly detail: string, readonly request: RequestContext) {
    super(`Unexpected response from Lightspeed to ${target(request)}: ${detail}`);
  }
}

/** `GET Item 42`, `POST Customer`, `GET Item.json`. */
export function target(request: RequestContext): string {
  const what = request.entity ?? request.path ?? '';
  const id = request.id === undefined ? '' : ` ${request.id}`;
  return `${request.method} ${what}${id}`.trim();
}

function describe(status: number, message: string, request: RequestContext): string {
  const detail = withoutStatus(message, status);
  return `Lightspeed answered ${status} to ${target(request)}${detail ? `: ${detail}` : ''}`;
}

/** Gateway pages start with the status (`502 Bad Gateway`, Cloudflare's `host | 524: A timeout occurred`): say it once. */
function withoutStatus(message: string, status: number): string {
  return message.replace(new RegExp(`^(?:[^|]*\\|\\s*)?${status}\\b[\\s:]*`), '');
}
