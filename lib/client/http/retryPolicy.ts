import { ConnectionFailure, isPermanent, neverConnected } from './connectionFailure';
import { BackoffSettings, backoffDelayMs } from './retryTiming';

/** What went wrong with one attempt. */
export type AttemptFailure =
  | { kind: 'status'; status: number }
  | { kind: 'no-response'; cause: ConnectionFailure }
  | { kind: 'malformed-body' };

export interface RetrySettings {
  /** Attempts after the first, for server errors, timeouts and broken connections. */
  maxRetries: number;
  /**
   * Attempts after the first when no connection could be made (refused, no route). Lightspeed's edge accepts
   * connections whenever it is up, so a refusal means a wrong port or a local server still starting: a few seconds
   * cover a restart, and waiting longer only delays the error that names the Environment URL.
   */
  maxConnectRetries: number;
  /** How long 429s are waited out while Lightspeed accepts no request of the credential: a 429 means wait, not fail. */
  rateLimitPatienceMs: number;
  backoff: BackoffSettings;
}

export type RetryDecision =
  | { retry: true; delayMs: number; rateLimited: boolean }
  | { retry: false };

/**
 * Server-side failures worth another try. Lightspeed's API sits behind Cloudflare: 520-524 are Cloudflare's
 * answers when the origin failed, refused, was unreachable or took longer than 100 s to answer.
 */
export const RETRYABLE_SERVER_STATUSES: readonly number[] = [500, 502, 503, 504, 520, 521, 522, 523, 524];

/**
 * Whether to try again, and after how long. Pure: the caller counts attempts and sleeps.
 * A request that is not `repeatable` (a POST; a PUT that adds nested records) is retried only when Lightspeed
 * certainly did not apply it (429, or no connection made): anything else could apply it twice.
 */
export function decideRetry(
  failure: AttemptFailure,
  repeatable: boolean,
  attempts: { failures: number; rateLimitedForMs: number },
  settings: RetrySettings,
  random?: () => number,
): RetryDecision {
  if (failure.kind === 'status' && failure.status === 429) {
    if (attempts.rateLimitedForMs >= settings.rateLimitPatienceMs) return { retry: false };
    // No delay here: the pacer holds every request of the credential until Retry-After (or the bucket) allows.
    return { retry: true, delayMs: 0, rateLimited: true };
  }
  if (attempts.failures > retryBudget(failure, settings)) return { retry: false };
  const retryable =
    (failure.kind === 'status' && RETRYABLE_SERVER_STATUSES.includes(failure.status) && repeatable)
    || (failure.kind === 'no-response' && (repeatable || neverConnected(failure.cause)))
    || (failure.kind === 'malformed-body' && repeatable);
  if (!retryable) return { retry: false };
  return { retry: true, delayMs: backoffDelayMs(attempts.failures, settings.backoff, random), rateLimited: false };
}

/** Retries after the first attempt a failure (other than a 429) may get: none when another attempt cannot help. */
export function retryBudget(failure: AttemptFailure, settings: RetrySettings): number {
  if (failure.kind !== 'no-response') return settings.maxRetries;
  if (isPermanent(failure.cause)) return 0;
  return neverConnected(failure.cause) ? settings.maxConnectRetries : settings.maxRetries;
}
