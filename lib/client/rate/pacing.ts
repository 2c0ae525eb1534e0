import { Clock, HttpHeaders, header } from '../http';
import { BucketReading, DOCUMENTED_BUCKET, parseBucket } from './bucket';
import { RateBackoff, fairRate, fairRateShape, jitteredGapMs } from './fairShare';
import { OthersShare } from './othersShare';
import { RefusalWait, blindRefusalSeconds, bucketRefusalSeconds } from './refusalWait';

export interface PacerSettings {
  /** Drips kept free below the bucket size, for clock drift and other clients of the same account. */
  marginDrips: number;
  /** False: send at once and only honour 429s (a strategy kept for comparison in benchmarks). */
  paceFromHeaders: boolean;
}

export const DEFAULT_PACER_SETTINGS: PacerSettings = { marginDrips: 1, paceFromHeaders: true };

/** How far back the others' spending is averaged. */
const OTHERS_HORIZON_MS = 30_000;
/** Below this share of the drip, nobody else is spending: the whole bucket is ours to pace. */
const ALONE_BELOW = 0.02;
/** After a 429 the rate halves, and grows back to whole within this long. */
const BACKOFF_RECOVERY_MS = 60_000;

/**
 * Paces requests from Lightspeed's `X-LS-API-*` headers so a long sync runs at the drip rate without 429s, alone or
 * beside other processes on the same account, with no channel between them but the headers.
 *
 * Alone, it spends the bucket's room first, then sends each request as soon as the bucket has drained enough for it,
 * counting its requests still in flight. It tells its own spending from the others' (the level reported against what
 * its own requests and the drain explain), and once others spend too it predicts the level with their share, keeps to
 * a fair rate that is the same function of the level for every process (so K processes settle on equal shares below
 * the brim), sends at randomised intervals so that processes do not wake together, halves its rate after a 429 and
 * grows back additively.
 */
export class RateLimitPacer {
  private bucket: BucketReading | undefined;
  private inFlightDrips = 0;
  private blockedUntil = 0;
  private lastSendAt = 0;
  private lastReadingAt = 0;
  /** Random draw that stretches or shrinks the gap after the last send. */
  private gapDraw = 0.5;
  private queue: Promise<void> = Promise.resolve();
  private probe: Promise<void> | undefined;
  private endProbe: (() => void) | undefined;
  private readonly recentSends: number[] = [];
  private burstLimit: number | undefined;
  private readonly lastCost = new Map<string, number>();
  private readonly others = new OthersShare(OTHERS_HORIZON_MS);
  private readonly backoff = new RateBackoff(BACKOFF_RECOVERY_MS);
  /** 429s without Retry-After in a row: each widens the next wait. */
  private refusalsInARow = 0;
  /** The next request goes when the 429's wait is over, without its fair-share turn (see `refused`). */
  private retryPass = false;
  /** Whether the readings before the last 429 showed others spending (that 429's own reading must not decide it). */
  private othersSeenBeforeRefusal = false;
  /** Cost of our requests sent since the last reading (the others' share is what they do not explain). */
  private spentSinceReading = 0;
  /** The first answer showed the bucket at the brim (see `observe`). */
  private brimAtFirstReading = false;
  /** Total time spent waiting, for progress reports and benchmarks. */
  waitedMs = 0;

  constructor(
    private readonly clock: Clock,
    private readonly settings: PacerSettings = DEFAULT_PACER_SETTINGS,
    private readonly random: () => number = Math.random,
  ) {}

  /** Waits until a request of `method` may be sent, and reserves its expected cost. */
  acquire(method: string): Promise<number> {
    const cost = this.lastCost.get(method) ?? 1;
    const turn = this.queue.then(() => this.waitForRoom(cost));
    this.queue = turn.catch(() => undefined);
    return turn.then(() => cost);
  }

  /** Takes the bucket as the server reported it; `reserved` is what `acquire` returned for this request. */
  observe(method: string, status: number, headers: HttpHeaders, reserved: number): void {
    this.inFlightDrips = Math.max(0, this.inFlightDrips - reserved);
    // A refused request cost nothing.
    if (status === 429) this.spentSinceReading -= reserved;
    if (status === 429) this.othersSeenBeforeRefusal = this.othersSpending();
    const reported = parseBucket(headers, this.clock.now());
    if (reported) {
      // A bucket at the brim on our first answer was filled by somebody else, who may be sending still.
      if (!this.bucket && status !== 429) this.brimAtFirstReading = reported.level >= reported.size - this.settings.marginDrips;
      this.bucket = { ...reported, level: reported.level + this.inFlightDrips };
      this.lastReadingAt = reported.at;
      const cost = Number(header(headers, 'x-ls-api-request-cost'));
      if (Number.isFinite(cost) && cost > 0) this.lastCost.set(method, cost);
      this.others.observe(this.bucket.level, reported.at, this.spentSinceReading, reported.dripPerSecond);
      this.spentSinceReading = 0;
    }
    if (status !== 429) this.refusalsInARow = 0;
    const burst = /^\s*[\d.]+\s*\/\s*(\d+)/.exec(header(headers, 'x-ls-api-burst-level') ?? '');
    if (burst) this.burstLimit = Number(burst[1]);
    this.finishProbe();
  }

  /** A request that got no answer still cost a drip, probably; forget its reservation only. */
  release(reserved: number): void {
    this.inFlightDrips = Math.max(0, this.inFlightDrips - reserved);
    this.finishProbe();
  }

  /**
   * After a 429 (its `headers`, and Retry-After when Lightspeed sent one): nobody sends before the wait is over, and
   * this process halves its rate (then grows back). A 429 also proves that others spend from the bucket, so from now
   * on this process keeps to its share. Returns the wait and what it was taken from.
   */
  refused(headers: HttpHeaders, retryAfterSeconds: number | undefined): RefusalWait {
    const now = this.clock.now();
    this.backoff.refused(now);
    const wait = this.refusalWait(headers, retryAfterSeconds, now);
    this.blockedUntil = Math.max(this.blockedUntil, now + wait.seconds * 1000);
    // A wait timed from the level at the documented drain ends when Lightspeed serves again: alone, the retry goes
    // then (its fair-share turn would divide the excess by the others' share, which the refusal itself inflates).
    // Beside others' spending, or after a server's Retry-After, the fair-share turn still parts the processes refused
    // together (fewer 429s).
    this.retryPass = retryAfterSeconds === undefined && !this.othersSeenBeforeRefusal;
    return wait;
  }

  private refusalWait(headers: HttpHeaders, retryAfterSeconds: number | undefined, now: number): RefusalWait {
    if (retryAfterSeconds !== undefined) return { seconds: retryAfterSeconds, basis: 'retry-after' };
    this.refusalsInARow += 1;
    const reading = parseBucket(headers, now);
    const fromLevel = reading && bucketRefusalSeconds(reading, this.settings.marginDrips, this.refusalsInARow, this.random());
    if (fromLevel !== undefined) return { seconds: fromLevel, basis: 'bucket-level' };
    const bucket = reading ?? this.bucket ?? DOCUMENTED_BUCKET;
    const seconds = blindRefusalSeconds(this.refusalsInARow, bucket.size / bucket.dripPerSecond, this.random());
    return { seconds, basis: 'no-bucket-level' };
  }

  private async waitForRoom(cost: number): Promise<void> {
    if (!this.settings.paceFromHeaders) return this.sleepUntil(this.blockedUntil);
    if (!this.bucket && this.probe) await this.probe;
    if (!this.bucket) this.startProbe();
    // Short naps: our own turn comes sooner as the level falls, and answers arriving meanwhile move every limit.
    for (let ready = this.readyAt(cost); ready > this.clock.now(); ready = this.readyAt(cost)) {
      await this.sleepUntil(Math.min(ready, this.clock.now() + this.dripMs()));
    }
    this.reserve(cost);
  }

  /** The earliest moment every limit allows a request of `cost`; answers arriving meanwhile may move it. */
  private readyAt(cost: number): number {
    if (this.retryPass) return Math.max(this.blockedUntil, this.burstReadyAt());
    let predicted = this.bucketReadyAt(cost);
    if (!this.alone()) {
      const ownTurn = this.lastSendAt + jitteredGapMs(cost, this.ownRate(), this.gapDraw);
      // A prediction from an old reading may be far off (the others may have slowed down): look again rather than wait.
      predicted = Math.min(Math.max(predicted, ownTurn), this.staleAt());
    }
    return Math.max(this.blockedUntil, predicted, this.burstReadyAt());
  }

  /** When our last reading is too old to predict from: about half the bucket's drain time later (jittered too). */
  private staleAt(): number {
    const bucket = this.bucket as BucketReading;
    return this.lastReadingAt + jitteredGapMs(bucket.size / 2, bucket.dripPerSecond, this.gapDraw);
  }

  /** When the bucket will have drained enough for `cost` more drips. */
  private bucketReadyAt(cost: number): number {
    if (!this.bucket) return 0;
    const excess = this.levelNow() - Math.max(0, this.ceiling() - cost);
    return excess <= 0 ? 0 : this.clock.now() + (excess / this.drain()) * 1000;
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
    this.spentSinceReading += cost;
    this.lastSendAt = now;
    this.retryPass = false;
    this.gapDraw = this.random();
    this.recentSends.push(now);
    this.forgetSendsBefore(now - 1000);
  }

  private forgetSendsBefore(time: number): void {
    while (this.recentSends.length > 0 && this.recentSends[0] <= time) this.recentSends.shift();
  }

  /** The highest level we let the bucket reach. */
  private ceiling(): number {
    return (this.bucket?.size ?? 0) - this.settings.marginDrips;
  }

  /** Nobody else spends from the bucket (as far as we can tell): its level is ours to pace by. */
  private alone(): boolean {
    if (!this.bucket) return true;
    // A recent 429 proves that somebody else spends, before the estimate can tell.
    if (this.backoff.at(this.clock.now()) < 1) return false;
    // Flows started together find the bucket full: the first one served must not take every drip as it drains.
    if (this.brimAtFirstReading && !this.others.known()) return false;
    return !this.othersSpending();
  }

  /** The others' spending, as estimated from the readings so far, is more than noise. */
  private othersSpending(): boolean {
    const drip = this.bucket?.dripPerSecond ?? DOCUMENTED_BUCKET.dripPerSecond;
    return this.others.rate(drip) >= ALONE_BELOW * drip;
  }

  /** Drips per second this process may spend beside the others: its fair share at the level now, less any backoff. */
  private ownRate(): number {
    const bucket = this.bucket as BucketReading;
    const shape = fairRateShape(bucket.size, this.ceiling());
    return this.backoff.at(this.clock.now()) * fairRate(this.levelNow(), bucket.dripPerSecond, shape);
  }

  /** Milliseconds per drip. */
  private dripMs(): number {
    return 1000 / (this.bucket?.dripPerSecond ?? 1);
  }

  /** Drips per second the bucket loses net of what the others put in. */
  private drain(): number {
    if (!this.bucket) return 1;
    const drip = this.bucket.dripPerSecond;
    return this.alone() ? drip : Math.max(drip * ALONE_BELOW, drip - this.others.rate(drip));
  }

  private levelNow(): number {
    if (!this.bucket) return 0;
    const drained = ((this.clock.now() - this.bucket.at) / 1000) * this.drain();
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
