/**
 * One reading of the account's leaky bucket from Lightspeed's headers. Real answers differ: the size changed between
 * answers (60, 90 and 180 were all recorded), levels carry up to 12 decimals and may stand above the size, and answers
 * before 2017 state the level without a drip rate.
 */
import { HttpHeaders, header } from '../http';

/** Lightspeed's documented bucket of a one-register account: 90 drips, draining 1 per second. */
export const DOCUMENTED_BUCKET = { size: 90, dripPerSecond: 1 } as const;

/** What one answer told us about the account's leaky bucket. */
export interface BucketReading {
  level: number;
  size: number;
  dripPerSecond: number;
  /** When `level` was true (epoch ms). */
  at: number;
}

/**
 * `X-LS-API-Bucket-Level: 12.5/90` and `X-LS-API-Drip-Rate: 1`; undefined without a readable level. The size is
 * taken from every reading; without a drip rate, the documented one.
 */
export function parseBucket(headers: HttpHeaders, at: number): BucketReading | undefined {
  const level = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(header(headers, 'x-ls-api-bucket-level') ?? '');
  if (!level || Number(level[2]) <= 0) return undefined;
  const drip = Number(header(headers, 'x-ls-api-drip-rate') ?? Number.NaN);
  const dripPerSecond = Number.isFinite(drip) && drip > 0 ? drip : DOCUMENTED_BUCKET.dripPerSecond;
  return { level: Number(level[1]), size: Number(level[2]), dripPerSecond, at };
}
