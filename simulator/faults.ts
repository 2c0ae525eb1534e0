/** Faults on demand: scheduled failures, random failures, heavy pages, dropped/slow/malformed responses. */
import { CountedFault, HeavyPageFault, RequestMatch, ScheduledFailure, SimulatorOptions } from './options';
import { Prng } from './prng';
import { SimResponse } from './types';
import { cloudflareHtml, errorEnvelope, gatewayHtml } from './wire';

/** True when a request matches; without a path, only API requests match. */
export function matchesRequest(match: RequestMatch | undefined, method: string, pathWithQuery: string, isApi: boolean): boolean {
  if (match?.method && match.method.toUpperCase() !== method) return false;
  const pattern = match?.path;
  if (pattern === undefined) return isApi;
  return typeof pattern === 'string' ? pathWithQuery.includes(pattern) : pattern.test(pathWithQuery);
}

/** Consumes the first scheduled failure that matches (list order), removing exhausted entries. */
export function takeScheduledFailure(options: SimulatorOptions, method: string, path: string, isApi: boolean): ScheduledFailure | null {
  const index = options.failures.findIndex((f) => f.count > 0 && matchesRequest(f.match, method, path, isApi));
  if (index < 0) return null;
  const failure = options.failures[index];
  failure.count -= 1;
  if (failure.count <= 0) options.failures.splice(index, 1);
  return failure;
}

/** Consumes one shot of a counted fault when the request matches. */
export function takeCounted(fault: CountedFault | null, method: string, path: string, isApi: boolean): boolean {
  if (!fault || fault.count <= 0 || !matchesRequest(fault.match, method, path, isApi)) return false;
  fault.count -= 1;
  return true;
}

/** A status drawn for a random failure, or null (seeded, API requests only). */
export function randomFailure(options: SimulatorOptions, rng: Prng, isApi: boolean): number | null {
  if (!isApi || options.failureRate <= 0 || options.failureStatuses.length === 0) return null;
  return rng.next() < options.failureRate ? rng.pick(options.failureStatuses) : null;
}

/** The response of an injected failure: gateway HTML for 502/504, Cloudflare's page for 520-524, else the envelope. */
export function failureResponse(status: number, body: 'envelope' | 'html' | undefined, retryAfter = 1, text?: string): SimResponse {
  if (status >= 520 && status <= 524 && body !== 'envelope') return { status, body: '', rawBody: cloudflareHtml(status), contentType: 'text/html' };
  const html = body ? body === 'html' : status === 502 || status === 504;
  const headers: Record<string, string> = {};
  if (status === 429) {
    headers['Retry-After'] = String(retryAfter);
    headers['X-LS-API-RateLimit-Type'] = 'api-leaky-bucket';
  }
  if (status === 503) headers['Retry-After'] = String(retryAfter);
  const message = text ?? (status === 429 ? 'Rate limit exceeded (injected by the simulator)' : `Injected failure ${status}`);
  return html
    ? { status, body: '', rawBody: gatewayHtml(status), contentType: 'text/html', headers }
    : { status, body: errorEnvelope(status, message, 'SimulatedFailure'), headers };
}

/** True when a page is heavier than the fault's threshold. */
export function isHeavyPage(fault: HeavyPageFault | null, records: number, relations: number): boolean {
  if (!fault) return false;
  const weight = records * (fault.weightPerRecord + relations * (fault.weightPerRelation ?? 0));
  return weight > fault.threshold;
}

/** A 200 body cut in the middle (or plain text when too short to cut). */
export function malformedText(text: string): string {
  return text.length > 16 ? text.slice(0, Math.floor(text.length / 2)) : '<html>not json';
}
