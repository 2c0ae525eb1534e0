/** Request statistics and a bounded request log that tests read to assert exactly what was sent. */
import { TokenCounters } from './oauth';

/** One served request. */
export interface RequestLogEntry {
  method: string;
  /** Path with query string, as requested. */
  path: string;
  status: number;
  /** Clock time (options.now()) when the request arrived. */
  time: number;
  /** Route label, e.g. `GET Item.json`, `GET Item/{itemID}.json`, `POST /auth/oauth/token`. */
  route: string;
  durationMs: number;
}

/** Bucket level after an API request. */
export interface BucketSample {
  time: number;
  level: number;
}

/** How often each fault fired. */
export interface FaultCounters {
  scheduled: number;
  random: number;
  heavyPage: number;
  dropped: number;
  slow: number;
  malformed: number;
  expiredToken: number;
}

/** Everything `sim.stats` exposes. */
export interface SimulatorStats {
  /** Every HTTP request, OAuth included. */
  requests: number;
  /** Requests under /API/. */
  apiRequests: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  /** All 429 answers (bucket, burst and scheduled). */
  rateLimited: number;
  bucketLimited: number;
  burstLimited: number;
  /** All 504 answers (heavy pages and scheduled). */
  gatewayTimeouts: number;
  bucketSamples: BucketSample[];
  tokens: TokenCounters;
  faults: FaultCounters;
  log: RequestLogEntry[];
}

/** A fresh, zeroed stats object. */
export function emptyStats(): SimulatorStats {
  return {
    requests: 0,
    apiRequests: 0,
    byRoute: {},
    byStatus: {},
    rateLimited: 0,
    bucketLimited: 0,
    burstLimited: 0,
    gatewayTimeouts: 0,
    bucketSamples: [],
    tokens: { issued: 0, revoked: 0, refreshes: 0, codesIssued: 0 },
    faults: { scheduled: 0, random: 0, heavyPage: 0, dropped: 0, slow: 0, malformed: 0, expiredToken: 0 },
    log: [],
  };
}

/** Zeroes a stats object in place, so references held by tests stay valid. */
export function resetStats(stats: SimulatorStats): void {
  Object.assign(stats, emptyStats());
}

function pushBounded<T>(list: T[], item: T, limit: number): void {
  list.push(item);
  while (list.length > Math.max(0, limit)) list.shift();
}

/** Records a finished request. */
export function recordRequest(stats: SimulatorStats, entry: RequestLogEntry, isApi: boolean, logLimit: number): void {
  stats.requests++;
  if (isApi) stats.apiRequests++;
  stats.byRoute[entry.route] = (stats.byRoute[entry.route] ?? 0) + 1;
  const status = String(entry.status);
  stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  if (entry.status === 429) stats.rateLimited++;
  if (entry.status === 504) stats.gatewayTimeouts++;
  pushBounded(stats.log, entry, logLimit);
}

/** Records the bucket level after an API request. */
export function recordBucketSample(stats: SimulatorStats, sample: BucketSample, limit: number): void {
  pushBounded(stats.bucketSamples, sample, limit);
}
