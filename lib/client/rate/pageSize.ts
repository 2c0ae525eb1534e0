import type { AttemptFailure } from '../http';

/** How the page size reacts to trouble. The defaults are ours; the others exist for comparison in benchmarks. */
export interface PageSizeSettings {
  /** Largest `limit` (Lightspeed allows 1..100). */
  max: number;
  /** Consecutive successes before the limit doubles back toward `max`; Infinity never grows. */
  growAfter: number;
  /**
   * Statuses that shrink the limit: a page too heavy to build in time. 500 counts only on pages that load relations,
   * where Lightspeed is known to fail that way; elsewhere it is an ordinary server error.
   */
  shrinkOn: number[];
  /** No answer within the client's timeout shrinks the limit too. */
  shrinkOnTimeout: boolean;
}

/** Good pages per good page a failed growth attempt cost, before growing is tried again (failures <= ~10%). */
const PROBE_COST_FACTOR = 10;

/**
 * Every way a heavy page shows behind Lightspeed's Cloudflare edge: 504 from its gateway, 524 (Cloudflare's origin
 * timeout, an HTML page), 520/522 (Cloudflare's other origin failures), 500 on relation-heavy pages, no answer at all.
 */
export const DEFAULT_PAGE_SIZE_SETTINGS: PageSizeSettings = {
  max: 100, growAfter: 3, shrinkOn: [500, 504, 520, 522, 524], shrinkOnTimeout: true,
};

/** True when a failed list page may succeed with a smaller `limit`. */
export function signalsHeavyPage(failure: AttemptFailure, settings: PageSizeSettings, loadsRelations: boolean): boolean {
  if (failure.kind === 'no-response') return failure.cause === 'timeout' && settings.shrinkOnTimeout;
  if (failure.kind !== 'status' || !settings.shrinkOn.includes(failure.status)) return false;
  return failure.status !== 500 || loadsRelations;
}

/**
 * Adaptive `limit`: halves on a heavy page (down to 1) and doubles back after a run of successes, so one heavy
 * stretch of records does not slow the rest of the sync. The wait before growing is long enough that a failed attempt
 * costs under a tenth of the time spent on good pages (a real 504 or timeout can take as long as dozens of good
 * pages), and it doubles each time a grown size fails again: a data set that is heavy throughout costs a handful of
 * failed requests, fewer and fewer as the sync goes on.
 */
export class AdaptivePageSize {
  private size: number;
  private successes = 0;
  /** 1, doubled by each failed growth, back to 1 when a grown size holds. */
  private growthBackoff = 1;
  private justGrew = false;
  /** Moving average of a good page's duration, and the longest failure: what a failed attempt costs in pages. */
  private goodPageMs = 0;
  private failureMs = 0;

  constructor(private readonly settings: PageSizeSettings) {
    this.size = settings.max;
  }

  get current(): number {
    return this.size;
  }

  /** Halves the size after a heavy page that took `elapsedMs` to fail; false when it is already 1. */
  shrink(elapsedMs = 0): boolean {
    if (this.size === 1) return false;
    if (this.justGrew) this.growthBackoff *= 2;
    this.failureMs = Math.max(this.failureMs, elapsedMs);
    this.size = Math.max(1, Math.floor(this.size / 2));
    this.successes = 0;
    this.justGrew = false;
    return true;
  }

  /** Good pages to earn before risking one more failure, so failures stay under a tenth of the time. */
  private pagesPerFailure(): number {
    return this.goodPageMs > 0 ? Math.ceil((PROBE_COST_FACTOR * this.failureMs) / this.goodPageMs) : 0;
  }

  recordSuccess(elapsedMs = 0): void {
    this.goodPageMs = this.goodPageMs === 0 ? elapsedMs : 0.8 * this.goodPageMs + 0.2 * elapsedMs;
    this.successes += 1;
    if (this.justGrew && this.successes >= this.settings.growAfter) {
      // The grown size held: trust growth again.
      this.justGrew = false;
      this.growthBackoff = 1;
    }
    const required = this.growthBackoff * Math.max(this.settings.growAfter, this.pagesPerFailure());
    if (this.size >= this.settings.max || this.successes < required) return;
    this.size = Math.min(this.settings.max, this.size * 2);
    this.successes = 0;
    this.justGrew = true;
  }
}
