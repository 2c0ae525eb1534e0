/**
 * The info lines a user reads when a run is slow: each retry, wait and token renewal is one line saying what
 * happened, why, and for how long, each part said once.
 */
import type { Renewal } from './auth';
import { ComponentError, RateLimitError, RateLimitWaitBasis } from './http';

/** Why a 429 is waited out that long, by what the wait was taken from. */
const WAIT_REASONS: Record<RateLimitWaitBasis, string> = {
  'retry-after': 'as Retry-After asks',
  'bucket-level': 'for the bucket to drain below its size at the drip rate',
  'no-bucket-level': 'since the answer showed no bucket level (doubling after each 429 in a row)',
};

/** `Lightspeed answered 502 to GET Item: Bad Gateway; retry 1 of 5 in 0.7 s`. */
export function retryLine(error: ComponentError, delayMs: number, retry: number, budget: number): string {
  if (error instanceof RateLimitError) {
    const why = WAIT_REASONS[error.waitBasis ?? 'retry-after'];
    return `${error.message}; waiting ${seconds((error.waitSeconds ?? 0) * 1000)} ${why}, then trying again`;
  }
  return `${error.message}; retry ${retry} of ${budget} in ${seconds(delayMs)}`;
}

/**
 * `Refreshed the access token because it expired at 2026-01-01T10:00:00Z: the new one is valid for 60 min, and the
 * rotated refresh token was stored (updateKeys) before its first use`.
 */
export function renewalLine(renewal: Renewal): string {
  const lifetime = renewal.lifetimeSeconds === undefined ? 'has no stated lifetime' : `is valid for ${minutes(renewal.lifetimeSeconds * 1000)}`;
  if (renewal.how === 'adopted') return `Took the access token another step of this credential stored, because ${renewal.reason}; it ${lifetime}`;
  return `Refreshed the access token because ${renewal.reason}: the new one ${lifetime}${storedClause(renewal)}`;
}

/** What became of the refresh token: rotated and stored, or kept because Lightspeed sent no new one. */
function storedClause(renewal: Renewal): string {
  if (!renewal.refreshTokenKept) return renewal.persisted ? ', and the rotated refresh token was stored (updateKeys) before its first use' : '';
  const kept = '; Lightspeed sent no new refresh token, so the current one stays in use';
  return renewal.persisted ? `${kept} and was stored (updateKeys) with the new access token` : kept;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function minutes(ms: number): string {
  return `${Math.max(0, Math.round(ms / 60_000))} min`;
}
