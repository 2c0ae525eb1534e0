/**
 * How fast one process may send into a bucket that others spend from too. Pure functions and a small state, so the
 * pacer's choices can be checked with a fake clock.
 */

/** Where the fair rate sits in a bucket, in drips. */
export interface FairRateShape {
  /** Level at which a process may spend the whole drip rate. */
  fullRateLevel: number;
  /** Drips over which the rate falls by a factor e. */
  steepness: number;
}

/**
 * For a bucket of `size` drips that we fill to `ceiling` at most: the full rate 15% of the bucket below the ceiling,
 * falling by e every 30th of the bucket above that.
 */
export function fairRateShape(size: number, ceiling: number): FairRateShape {
  return { fullRateLevel: ceiling - 0.15 * size, steepness: size / 30 };
}

/**
 * Drips per second one process may spend while the bucket stands at `level`. Every process of the component uses the
 * same function of the same level, so K of them settle on equal shares, and the level settles where K shares plus the
 * others' spending equal the drip rate: `steepness x ln(K x drip / spare)` above the full-rate level. In Lightspeed's
 * default bucket (90) with nobody else spending, that is 13.5 drips under our ceiling for one process, 7 for eight.
 */
export function fairRate(level: number, dripPerSecond: number, shape: FairRateShape): number {
  return dripPerSecond * Math.exp(-(level - shape.fullRateLevel) / shape.steepness);
}

/**
 * Milliseconds between two sends of `cost` drips at `perSecond`, stretched or shrunk by a random `draw` in [0, 1)
 * (from half to one and a half times, the mean unchanged): processes that computed the same moment drift apart.
 */
export function jitteredGapMs(cost: number, perSecond: number, draw: number): number {
  return (cost / perSecond) * 1000 * (0.5 + draw);
}

/** After a 429 a process halves its rate, then grows back additively, to the whole rate within `recoveryMs`. */
export class RateBackoff {
  private factor = 1;
  private since = 0;

  constructor(private readonly recoveryMs: number) {}

  /** A 429 at `at` (epoch ms). */
  refused(at: number): void {
    this.factor = this.at(at) / 2;
    this.since = at;
  }

  /** Share of the fair rate allowed at `at`, from 0 to 1. */
  at(at: number): number {
    return Math.min(1, this.factor + Math.max(0, at - this.since) / this.recoveryMs);
  }
}
