import http from 'node:http';
import https from 'node:https';
import axios, { AxiosInstance, isAxiosError } from 'axios';
import { ConnectionFailure, connectionFailure } from './connectionFailure';

/** Response headers with lower-case names. */
export type HttpHeaders = Record<string, string | string[] | undefined>;

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Absolute URL, query included. */
  url: string;
  headers: Record<string, string>;
  /** JSON body for POST/PUT, or a streamed body opened afresh for this exchange. */
  body?: unknown;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: HttpHeaders;
  /** Raw body text; parsing is the caller's policy. */
  text: string;
}

/** A request that got no HTTP response at all. `code` is Node's (ECONNRESET, ECONNREFUSED, ETIMEDOUT...). */
export class NoResponseError extends Error {
  override name = 'NoResponseError';
  readonly failure: ConnectionFailure;
  constructor(readonly code: string | undefined) {
    super(`no HTTP response (${code ?? 'no error code'})`);
    this.failure = connectionFailure(code);
  }
}

/**
 * A body sent as a stream (a multipart upload). A stream is read once, so every attempt opens a new one; its headers
 * carry the content type and, when known, the length.
 */
export interface StreamedBody {
  readonly kind: 'streamed';
  open(): { stream: NodeJS.ReadableStream; headers: Record<string, string> };
}

/** Whether a request body is a StreamedBody rather than JSON. */
export function isStreamedBody(body: unknown): body is StreamedBody {
  return typeof body === 'object' && body !== null && (body as { kind?: unknown }).kind === 'streamed';
}

/** Sends one HTTP exchange over keep-alive connections. No retries, no status policy. */
export class Transport {
  private readonly axios: AxiosInstance;

  constructor() {
    this.axios = axios.create({
      httpAgent: new http.Agent({ keepAlive: true }),
      httpsAgent: new https.Agent({ keepAlive: true }),
      responseType: 'text',
      // Keep the text as it came; JSON.parse happens once, in the client.
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0,
      // Without proxy variables, skip axios' per-request proxy lookup; with them, axios honours them as usual.
      ...(hasProxyVariables() ? {} : { proxy: false as const }),
      transitional: { clarifyTimeoutError: true },
    });
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    try {
      const { data, headers } = requestBody(request);
      const response = await this.axios.request<string>({
        method: request.method,
        url: request.url,
        headers: { ...request.headers, ...headers },
        data,
        timeout: request.timeoutMs,
      });
      return { status: response.status, headers: lowerCaseHeaders(response.headers), text: response.data ?? '' };
    } catch (error) {
      throw toNoResponseError(error);
    }
  }
}

function requestBody(request: HttpRequest): { data: unknown; headers: Record<string, string> } {
  if (request.body === undefined) return { data: undefined, headers: {} };
  if (!isStreamedBody(request.body)) return { data: JSON.stringify(request.body), headers: { 'Content-Type': 'application/json' } };
  const { stream, headers } = request.body.open();
  return { data: stream, headers };
}

function hasProxyVariables(): boolean {
  return ['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY'].some((name) => process.env[name] || process.env[name.toLowerCase()]);
}

/** One header value, case-insensitively (Lightspeed mixes cases). */
export function header(headers: HttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function lowerCaseHeaders(raw: object): HttpHeaders {
  const headers: HttpHeaders = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === 'string' || Array.isArray(value)) headers[name.toLowerCase()] = value;
    else if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
  }
  return headers;
}

function toNoResponseError(error: unknown): NoResponseError {
  // axios' own message may quote the URL; we keep only the code so nothing sensitive travels.
  return new NoResponseError(isAxiosError(error) ? error.code : undefined);
}
