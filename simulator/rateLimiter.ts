/**
 * Lightspeed's leaky bucket (per account + client) and the fixed-window burst limiter.
 * Overflow rule (protocol.json): the request that crosses the bucket size is served; later ones
 * get 429 until the level is back at or below the size.
 */

/** Outcome of charging a request to the bucket. */
export interface BucketDecision {
  allowed: boolean;
  /** Level after the request (unchanged when blocked). */
  level: number;
  /** Whole seconds until a request would be served again (blocked requests only). */
  retryAfter: number;
}

interface BucketState {
  level: number;
  at: number;
}

/** A leaky bucket per key; time comes from the caller so a fake clock can drive it. */
export class LeakyBucket {
  private readonly buckets = new Map<string, BucketState>();

  /** Current level of a key's bucket after draining up to `now`. */
  level(key: string, now: number, dripRate: number): number {
    const state = this.buckets.get(key);
    if (!state) return 0;
    const drained = Math.max(0, state.level - (Math.max(0, now - state.at) / 1000) * dripRate);
    state.level = drained;
    state.at = Math.max(state.at, now);
    return drained;
  }

  /** Charges `cost` drips unless the bucket is already over `size`. */
  take(key: string, cost: number, now: number, size: number, dripRate: number): BucketDecision {
    const level = this.level(key, now, dripRate);
    if (level > size) {
      const seconds = dripRate > 0 ? Math.ceil((level - size) / dripRate - 1e-9) : 60;
      return { allowed: false, level, retryAfter: Math.max(1, seconds) };
    }
    const next = level + cost;
    this.buckets.set(key, { level: next, at: Math.max(now, this.buckets.get(key)?.at ?? now) });
    return { allowed: true, level: next, retryAfter: 0 };
  }

  /** Empties every bucket. */
  reset(): void {
    this.buckets.clear();
  }
}

/** Outcome of the burst limiter. */
export interface BurstDecision {
  allowed: boolean;
  /** Requests served in the current 1-second window, this one included when allowed. */
  count: number;
}

/** At most `limit` requests per key in each fixed 1-second window. */
export class BurstLimiter {
  private readonly windows = new Map<string, { window: number; count: number }>();

  take(key: string, now: number, limit: number): BurstDecision {
    const window = Math.floor(now / 1000);
    let state = this.windows.get(key);
    if (!state || state.window !== window) this.windows.set(key, (state = { window, count: 0 }));
    if (state.count >= limit) return { allowed: false, count: state.count };
    state.count += 1;
    return { allowed: true, count: state.count };
  }

  reset(): void {
    this.windows.clear();
  }
}

/** Formats a level for `X-LS-API-Bucket-Level` (`12.5`, `90`, at most 3 decimals). */
export function formatLevel(level: number): string {
  return String(Math.round(level * 1000) / 1000);
}
