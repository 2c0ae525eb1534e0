import { Clock } from './clock';
import { HttpHeaders, header } from './transport';

/** What the last responses told us about the account's leaky bucket. */
interface BucketState {
  level: number;
  size: number;
  dripPerSecond: number;
  /** When `level` was true (epoch ms). */
  at: number;
}

export interface PacerSettings {
  /** Drips kept free below the bucket size, for clock drift and other clients of the same account. */
  marginDrips: number;
  /** False: send at once and only honour 429s (a strategy kept for comparison in benchmarks). */
  paceFromHeaders: boolean;
}

export const DEFAULT_PACER_SETTINGS: PacerSettings = { marginDrips: 1, paceFromHeaders: true };

/**
 * Paces requests from Lightspeed's `X-LS-API-*` headers so a long sync runs at the drip rate without 429s:
 * it spends the bucket's burst first, then sends each request as soon as the bucket has drained enough for it.
 * Requests wait in arrival order; reservations for requests in flight count against the bucket.
 */
export class RateLimitPacer {
  private bucket: BucketState | undefined;
  private inFlightDrips = 0;
  private blockedUntil = 0;
  private queue: Promise<void> = Promise.resolve();
  private probe: Promise<void> | undefined;
  private endProbe: (() => void) | undefined;
  private readonly recentSends: number[] = [];
  private burstLimit: number | undefined;
  private readonly lastCost = new Map<string, number>();
  /** Total time spent waiting, for progress reports and benchmarks. */
  waitedMs = 0;

  constructor(private readonly clock: Clock, private readonly settings: PacerSettings = DEFAULT_PACER_SETTINGS) {}

  /** Waits until a request of `method` may be sent, and reserves its expected cost. */
  acquire(method: string): Promise<number> {
    const cost = this.lastCost.get(method) ?? 1;
    const turn = this.queue.then(() => this.waitForRoom(cost));
    this.queue = turn.catch(() => undefined);
    return turn.then(() => cost);
  }

  /** Takes the bucket as the server reported it; `reserved` is what `acquire` returned for this request. */
  observe(method: string, headers: HttpHeaders, reserved: number): void {
    this.inFlightDrips = Math.max(0, this.inFlightDrips - reserved);
    const reported = parseBucket(headers, this.clock.now());
    if (reported) {
      this.bucket = { ...reported, level: reported.level + this.inFlightDrips };
      const cost = Number(header(headers, 'x-ls-api-request-cost'));
      if (Number.isFinite(cost) && cost > 0) this.lastCost.set(method, cost);
    }
    const burst = /^\s*[\d.]+\s*\/\s*(\d+)/.exec(header(headers, 'x-ls-api-burst-level') ?? '');
    if (burst) this.burstLimit = Number(burst[1]);
    this.finishProbe();
  }

  /** A request that got no answer still cost a drip, probably; forget its reservation only. */
  release(reserved: number): void {
    this.inFlightDrips = Math.max(0, this.inFlightDrips - reserved);
    this.finishProbe();
  }

  /** After a 429: nobody sends before Lightspeed said it is fine again. */
  blockFor(seconds: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + seconds * 1000);
  }

  /** Seconds until the bucket has room for one request, from what we know (for 429s without Retry-After). */
  secondsUntilRoom(): number {
    if (!this.bucket) return 1;
    const excess = this.levelNow() + 1 - (this.bucket.size - this.settings.marginDrips);
    return Math.max(1, excess / this.bucket.dripPerSecond);
  }

  private async waitForRoom(cost: number): Promise<void> {
    if (!this.settings.paceFromHeaders) return this.sleepUntil(this.blockedUntil);
    if (!this.bucket && this.probe) await this.probe;
    if (!this.bucket) this.startProbe();
    await this.sleepUntil(this.blockedUntil);
    await this.sleepUntil(this.bucketReadyAt(cost));
    await this.sleepUntil(this.burstReadyAt());
    this.reserve(cost);
  }

  /** When the bucket will have drained enough for `cost` more drips. */
  private bucketReadyAt(cost: number): number {
    if (!this.bucket) return 0;
    const room = this.bucket.size - this.settings.marginDrips - cost;
    const excess = this.levelNow() - Math.max(0, room);
    return excess <= 0 ? 0 : this.clock.now() + (excess / this.bucket.dripPerSecond) * 1000;
  }

  /** When sending keeps us under the burst limit over any trailing second. */
  private burstReadyAt(): number {
    if (this.burstLimit === undefined) return 0;
    this.forgetSendsBefore(this.clock.now() - 1000);
    if (this.recentSends.length < Math.max(1, this.burstLimit - 1)) return 0;
    return this.recentSends[0] + 1000;
  }

  private reserve(cost: number): void {
    const now = this.clock.now();
    if (this.bucket) this.bucket = { ...this.bucket, level: this.levelNow() + cost, at: now };
    this.inFlightDrips += cost;
    this.recentSends.push(now);
    this.forgetSendsBefore(now - 1000);
  }

  private forgetSendsBefore(time: number): void {
    while (this.recentSends.length > 0 && this.recentSends[0] <= time) this.recentSends.shift();
  }

  private levelNow(): number {
    if (!this.bucket) return 0;
    const drained = ((this.clock.now() - this.bucket.at) / 1000) * this.bucket.dripPerSecond;
    return Math.max(0, this.bucket.level - drained);
  }

  private async sleepUntil(time: number): Promise<void> {
    const wait = time - this.clock.now();
    if (wait <= 0) return;
    this.waitedMs += wait;
    await this.clock.sleep(wait);
  }

  /** Until the first response tells us the bucket, one request at a time. */
  private startProbe(): void {
    this.probe = new Promise((resolve) => { this.endProbe = resolve; });
  }

  private finishProbe(): void {
    this.endProbe?.();
    this.endProbe = undefined;
    this.probe = undefined;
  }
}

/** `X-LS-API-Bucket-Level: 12.5/90` and `X-LS-API-Drip-Rate: 1`. */
export function parseBucket(headers: HttpHeaders, at: number): BucketState | undefined {
  const level = /^\s*([\d.]+)\s*\/\s*([\d.]+)\s*$/.exec(header(headers, 'x-ls-api-bucket-level') ?? '');
  const drip = Number(header(headers, 'x-ls-api-drip-rate'));
  if (!level || !Number.isFinite(drip) || drip <= 0) return undefined;
  return { level: Number(level[1]), size: Number(level[2]), dripPerSecond: drip, at };
}
