/**
 * K processes' pacers on one account's leaky bucket, in virtual time: each paces its own requests (seeded jitter) and
 * waits out 429s as the client does; the bucket is the simulator's, answered after a seeded latency; a foreign consumer
 * spends a steady share of the drip, blind to the bucket. Deterministic for a seed, a simulated hour in milliseconds.
 */
import { RateLimitPacer } from '../../lib/client/rate';
import { HttpHeaders } from '../../lib/client/http';
import { Prng } from '../../simulator/prng';
import { LeakyBucket, formatLevel } from '../../simulator/rateLimiter';
import { VirtualTime } from './virtualTime';

export interface ModelSetup {
  processes: number;
  /** Requests each process needs. */
  requests: number;
  bucketSize: number;
  dripRate: number;
  /** Level the bucket starts at. */
  startLevel: number;
  /** Share of the drip the foreign consumer spends (0: none). */
  foreignShare: number;
  /** Round trip of one request (ms), from half to one and a half times this; the bucket is charged half-way. */
  latencyMs: number;
  seed: string;
  /** False: 429s come without Retry-After, as every 429 recorded from Lightspeed did (default true, as the simulator). */
  retryAfterHeader?: boolean;
}

export interface ModelOutcome {
  /** Per process: requests accepted, 429s before and after its first answer, when it finished (ms). */
  processes: Array<{ accepted: number; firstRefused: number; laterRefused: number; finishedAt: number }>;
  /** The foreign consumer's accepted requests, and when (ms) it was refused. */
  foreign: { accepted: number; refusedAt: number[] };
}

interface Answer {
  status: number;
  headers: HttpHeaders;
  retryAfter: number;
}

const KEY = 'account:client';

export async function runSharedBucketModel(setup: ModelSetup): Promise<ModelOutcome> {
  const time = new VirtualTime();
  const bucket = new LeakyBucket();
  if (setup.startLevel > 0) bucket.take(KEY, setup.startLevel, 0, Infinity, setup.dripRate);
  const latency = new Prng(`${setup.seed}:latency`);
  const answer = (): Answer => {
    const decision = bucket.take(KEY, 1, time.now(), setup.bucketSize, setup.dripRate);
    const headers = {
      'x-ls-api-bucket-level': `${formatLevel(decision.level)}/${setup.bucketSize}`,
      'x-ls-api-drip-rate': String(setup.dripRate),
      'x-ls-api-request-cost': decision.allowed ? '1' : '0',
    };
    return { status: decision.allowed ? 200 : 429, headers, retryAfter: decision.retryAfter };
  };
  const roundTrip = async (): Promise<Answer> => {
    await time.sleep((setup.latencyMs / 2) * (0.5 + latency.next()));
    const result = answer();
    await time.sleep((setup.latencyMs / 2) * (0.5 + latency.next()));
    return result;
  };

  const outcome: ModelOutcome = { processes: [], foreign: { accepted: 0, refusedAt: [] } };
  let running = setup.processes;
  const processes = Array.from({ length: setup.processes }, async (_, index) => {
    const random = new Prng(`${setup.seed}:process-${index}`);
    const pacer = new RateLimitPacer(time, undefined, () => random.next());
    const tally = { accepted: 0, firstRefused: 0, laterRefused: 0, finishedAt: 0 };
    outcome.processes.push(tally);
    while (tally.accepted < setup.requests) {
      const reserved = await pacer.acquire('GET');
      const { status, headers, retryAfter } = await roundTrip();
      pacer.observe('GET', status, headers, reserved);
      if (status === 200) tally.accepted += 1;
      else {
        pacer.refused(headers, setup.retryAfterHeader === false ? undefined : retryAfter);
        if (tally.accepted === 0) tally.firstRefused += 1;
        else tally.laterRefused += 1;
      }
    }
    tally.finishedAt = time.now();
    running -= 1;
  });
  // Left asleep once the processes are done: nothing wakes it again.
  void spendSteadily(time, setup, answer, outcome, () => running === 0);
  await time.run(() => running === 0);
  await Promise.all(processes);
  return outcome;
}

async function spendSteadily(time: VirtualTime, setup: ModelSetup, answer: () => Answer, outcome: ModelOutcome, done: () => boolean): Promise<void> {
  if (setup.foreignShare <= 0) return;
  const intervalMs = 1000 / (setup.foreignShare * setup.dripRate);
  while (!done()) {
    await time.sleep(intervalMs);
    if (answer().status === 200) outcome.foreign.accepted += 1;
    else outcome.foreign.refusedAt.push(time.now());
  }
}
