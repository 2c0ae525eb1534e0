/**
 * How much of the drip the bucket's other clients spend. Lightspeed meters the account (and API client), not this
 * process: between two of our readings the level moves by the drain, by what our own requests cost, and by what
 * everybody else spent. What the drain and our own requests do not explain is theirs.
 */

/** Readings closer together than this (our own answers arriving at once) are too short a span to divide by. */
const MINIMUM_SPAN_MS = 5_000;

interface Reading {
  level: number;
  at: number;
}

/** Exponentially weighted estimate of the others' spending, in drips per second. */
export class OthersShare {
  private drips = 0;
  private ms = 0;
  private last: Reading | undefined;

  /** `horizonMs`: how far back readings count (a reading's weight falls by e every horizon). */
  constructor(private readonly horizonMs: number) {}

  /**
   * A reading at `at` (epoch ms): the level Lightspeed reported plus the cost of our requests still in flight (charged
   * or about to be), and the cost of our requests sent since the previous reading.
   */
  observe(level: number, at: number, ownSpent: number, dripPerSecond: number): void {
    const last = this.last;
    this.last = { level, at };
    if (!last || at < last.at) return;
    const elapsed = at - last.at;
    const explained = Math.max(0, last.level - (elapsed / 1000) * dripPerSecond) + ownSpent;
    const keep = Math.exp(-elapsed / this.horizonMs);
    // Negative residues stay in: they are the other half of timing noise, and cancel it.
    this.drips = this.drips * keep + (level - explained);
    this.ms = this.ms * keep + elapsed;
  }

  /** Whether the readings so far span enough time for `rate` to tell others' spending from none. */
  known(): boolean {
    return this.ms >= MINIMUM_SPAN_MS;
  }

  /**
   * Drips per second the others spend, between 0 and `dripPerSecond`. Readings that span less than five seconds
   * (a burst of our own answers, levels rounded to a thousandth) count as that long.
   */
  rate(dripPerSecond: number): number {
    if (this.ms <= 0) return 0;
    return Math.min(dripPerSecond, Math.max(0, (this.drips / Math.max(this.ms, MINIMUM_SPAN_MS)) * 1000));
  }
}
