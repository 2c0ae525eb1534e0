/**
 * How long to wait after a 429 that carries no Retry-After, which is every 429 Lightspeed was recorded sending. Pure
 * functions; the pacer holds the credential's requests that long.
 *
 * The wait counts the bucket's documented drain only, never the drain net of what others seem to spend: right after
 * a refusal that estimate is at its worst (the refusal itself reads as somebody else's spending), and dividing by it
 * turned a 2-second wait into minutes.
 */
import { RateLimitWaitBasis } from '../http';
import { BucketReading } from './bucket';

/** How long the credential waits after a 429, and what that was taken from (for the log line). */
export interface RefusalWait {
  seconds: number;
  basis: RateLimitWaitBasis;
}

/**
 * Drips after a 429 that the first spread reaches at least. A level just over the size means a request crossed the
 * brim a moment ago, as when processes race for the same drips: spread that way, their first retries let more than
 * one of them in (fewer 429s at the start of flows that start together). Far over the size (the recorded 91.67/90),
 * the spread stays half the margin, so a Lookup refused twice still answers within 5 s.
 */
const FIRST_SPREAD_END_DRIPS = 2;

/**
 * After the `inARow`th 429 in a row reporting the bucket above its size: Lightspeed serves again once the level is
 * below the size, and the wait ends at a random point of a spread after that, so that processes refused together
 * part. The first spread is half the margin below the size (the bucket never drains below our ceiling,
 * `size - marginDrips`, first), or up to two drips after the refusal when the level was just over the size, doubling
 * with each refusal in a row: several processes refused again and again need ever wider spreads to take turns, up to
 * a full bucket's drain. Undefined when the level does not explain the
 * refusal (the burst limiter, or a level read below the size): then back off blindly.
 */
export function bucketRefusalSeconds(reading: BucketReading, marginDrips: number, inARow: number, draw: number): number | undefined {
  const overSize = reading.level - reading.size;
  if (overSize <= 0) return undefined;
  const first = Math.max(marginDrips / 2, FIRST_SPREAD_END_DRIPS - overSize);
  const spread = Math.min(reading.size, first * 2 ** Math.max(0, inARow - 1));
  return (overSize + draw * spread) / reading.dripPerSecond;
}

/**
 * After the `inARow`th 429 in a row that the bucket does not explain: 1 s, then doubling, up to `fullDrainSeconds`
 * (a full bucket's drain: no refusal can outlast it). Up to a quarter longer at random so processes part; at least
 * 1 s, as Lightspeed asks after its burst limiter refused.
 */
export function blindRefusalSeconds(inARow: number, fullDrainSeconds: number, draw: number): number {
  const doubled = 2 ** Math.max(0, inARow - 1);
  return Math.min(Math.max(1, fullDrainSeconds), doubled * (1 + draw / 4));
}
