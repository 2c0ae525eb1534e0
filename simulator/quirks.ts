/**
 * Answers the real API may give where Lightspeed's documentation is silent, each switched by an option: the
 * component must survive every one, so the specs can ask for each.
 */
import { ApiRequest, ApiResult } from './context';
import { SimulatorCore } from './core';
import { failureResponse } from './faults';
import { EmptyListShape, HeavyPageFault } from './options';
import { ApiError, SimResponse } from './types';
import { cloudflareHtml } from './wire';

/** Cloudflare's limit for an origin's answer; a stall lasts this long unless the fault says otherwise. */
const CLOUDFLARE_TIMEOUT_MS = 100_000;

/** 400 for `><` on a datetime field when the simulator is told to refuse it (documented only for numbers). */
export function refuseDatetimeBetween(core: SimulatorCore, req: ApiRequest): ApiError | null {
  if (core.options.datetimeBetween !== 'reject' || req.verb !== 'query') return null;
  const table = core.store.tableOf(req.entity);
  for (const [name, value] of req.query) {
    if (value.startsWith('><,') && table?.fields.get(name)?.type === 'datetime') {
      return new ApiError(400, `Invalid search: operator '><' is not supported for the datetime field '${name}'`, 'InvalidQueryException');
    }
  }
  return null;
}

/** A query page without records, in the configured shape. */
export function shapeEmptyList(result: ApiResult, shape: EmptyListShape): ApiResult {
  if (result.status !== 200 || result.page?.records !== 0) return result;
  switch (shape) {
    case 'count': return { ...result, body: { '@attributes': { count: '0' } } };
    case 'object': return { ...result, body: {} };
    case 'empty': return { ...result, body: '', rawBody: '' };
    default: return result;
  }
}

/** How a page heavier than the fault's threshold fails. */
export function heavyPageResponse(fault: HeavyPageFault, records: number, relations: number): SimResponse {
  const answer = fault.answer ?? 504;
  if (answer === 'stall') {
    return { status: 524, body: '', rawBody: cloudflareHtml(524), contentType: 'text/html', delayMs: fault.delayMs ?? CLOUDFLARE_TIMEOUT_MS };
  }
  if (answer === 520 || answer === 522 || answer === 524) {
    return { status: answer, body: '', rawBody: cloudflareHtml(answer), contentType: 'text/html', delayMs: fault.delayMs };
  }
  const message = answer === 500
    ? `Internal error while loading ${relations} relations for ${records} records`
    : `Gateway Time-out: a page of ${records} records with ${relations} relations took too long; use a smaller limit`;
  return { ...failureResponse(answer, answer === 504 ? fault.body ?? 'envelope' : 'envelope', 1, message), delayMs: fault.delayMs };
}
