/** How the page size reacts to trouble. The defaults are ours; the others exist for comparison in benchmarks. */
export interface PageSizeSettings {
  /** Largest `limit` (Lightspeed allows 1..100). */
  max: number;
  /** Consecutive successes before the limit doubles back toward `max`; Infinity never grows. */
  growAfter: number;
  /** Statuses that shrink the limit. 504 means the page was too heavy to build in time. */
  shrinkOn: number[];
}

/** Good pages per good page a failed growth attempt cost, before growing is tried again (failures <= ~10%). */
const PROBE_COST_FACTOR = 10;

export const DEFAULT_PAGE_SIZE_SETTINGS: PageSizeSettings = { max: 100, growAfter: 3, shrinkOn: [504] };

/**
 * Adaptive `limit`: halves on a heavy page (down to 1) and doubles back after a run of successes, so one heavy
 * stretch of records does not slow the rest of the sync. When a grown size fails again, the next attempt to grow
 * waits twice as long, and at least long enough that failed attempts cost under a tenth of the time spent on good
 * pages (a real 504 can take as long as dozens of good pages): a data set that is heavy throughout costs a handful of
 * failed requests, not one in four.
 */
export class AdaptivePageSize {
  private size: number;
  private successes = 0;
  private requiredSuccesses: number;
  private justGrew = false;
  /** Moving average of a good page's duration, and the longest failure: what a failed attempt costs in pages. */
  private goodPageMs = 0;
  private failureMs = 0;

  constructor(private readonly settings: PageSizeSettings) {
    this.size = settings.max;
    this.requiredSuccesses = settings.growAfter;
  }

  get current(): number {
    return this.size;
  }

  /** True when this status should be answered with a smaller page (and the size was halved). */
  shrinkFor(status: number, elapsedMs = 0): boolean {
    if (!this.settings.shrinkOn.includes(status) || this.size === 1) return false;
    if (this.justGrew) this.requiredSuccesses *= 2;
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
      this.requiredSuccesses = this.settings.growAfter;
    }
    if (this.size >= this.settings.max || this.successes < Math.max(this.requiredSuccesses, this.pagesPerFailure())) return;
    this.size = Math.min(this.settings.max, this.size * 2);
    this.successes = 0;
    this.justGrew = true;
  }
}
