/**
 * Scenario 6: K flows on one account. K separate OS processes (dist/bench/sharedBucketRun.js), each polling its own
 * slice of the Items with its own authorization of the account's API client, share Lightspeed's default bucket
 * (90 drips, 1 per second) with a foreign consumer that spends a steady share of the drip rate. The bucket starts
 * full (the foreign consumer's burst), so every request is paid by drips: efficiency = our accepted requests per
 * second / the drip rate the foreign consumer left. Time runs TIME_SCALE times faster for the simulator and for the
 * clients alike (bench/scaledClock.ts). Each K runs twice: 429s with Retry-After, as Lightspeed's V3 docs say blocked
 * requests are answered, and without, as every 429 recorded from real accounts came.
 */
import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { Simulator, startSimulator } from '../simulator';
import { ForeignConsumer } from './foreignConsumer';
import { scaledClock, TimeScale } from './scaledClock';
import { BenchMode, LineBuilder, Scenario } from './scenario';
import { BUCKET, Round, VARIANTS, Variant, addLines, measure } from './sharedBucketFigures';
import { ChildMessage, ChildReport, GoMessage, SHARED_BUCKET_ENV, SharedBucketSetup } from './sharedBucketMessages';

const TITLE = '6 shared bucket (K processes, one account)';
const PAGE_SIZE = 100;
/** Share of the drip rate the foreign consumer spends. */
const FOREIGN_SHARE = 0.25;
/** Simulated seconds per real second: a drip every 50 ms, Retry-After 1 = 50 ms. */
const TIME_SCALE = 20;

/** One round to run: K processes, with 429s answered as `variant` says, needing `pages` pages together. */
interface RoundPlan {
  processes: number;
  variant: Variant;
  pages: number;
}

const FULL_PAGES = 320;
const QUICK_PAGES = 48;
const EVERY_K = [1, 2, 4, 8];

/**
 * Full: every K under both variants. Quick (CI): every K with Retry-After, and the round most prone to 429s, eight
 * processes without it, all at 48 pages.
 */
function plans(quick: boolean): RoundPlan[] {
  const pages = quick ? QUICK_PAGES : FULL_PAGES;
  const withRetryAfter = EVERY_K.map((processes) => ({ processes, variant: VARIANTS.retryAfter, pages }));
  const without = (quick ? [8] : EVERY_K).map((processes) => ({ processes, variant: VARIANTS.noRetryAfter, pages }));
  return [...withRetryAfter, ...without];
}

/** Items j*n+1 .. (j+1)*n: the trigger's startTime and endTime (inclusive) of slice j. */
function slice(sim: Simulator, first: number, last: number): { startTime: string; endTime: string } {
  const stamp = (id: number): string => String(sim.store.get('Item', id)?.timeStamp);
  return { startTime: stamp(first), endTime: stamp(last) };
}

interface Child {
  process: ChildProcess;
  ready: Promise<void>;
  report: Promise<ChildReport>;
}

function startChild(setup: SharedBucketSetup): Child {
  const child = fork(path.join(__dirname, 'sharedBucketRun.js'), [], {
    env: { ...process.env, [SHARED_BUCKET_ENV]: JSON.stringify(setup) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => { ready = resolve; });
  const report = new Promise<ChildReport>((resolve, reject) => {
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') ready();
      else resolve(message.report);
    });
    child.once('exit', (code) => reject(new Error(`a shared-bucket process exited with ${code}: ${stderr.trim().split('\n').slice(0, 3).join(' | ')}`)));
  });
  return { process: child, ready: Promise.race([readyPromise, report.then(() => undefined)]), report };
}

async function runRound(plan: RoundPlan): Promise<Round> {
  const { processes, variant } = plan;
  const time: TimeScale = { origin: Date.now(), scale: TIME_SCALE };
  const clock = scaledClock(time);
  const items = plan.pages * PAGE_SIZE;
  const sim = await startSimulator({
    items, archivedItems: 0, tieGroupSize: 0, rateLimit: true, ...BUCKET, burstLimit: null, costModel: 'current',
    now: clock.now, tokenLifetimeSeconds: 30 * 86_400, logLimit: 1_000,
    retryAfterHeader: variant.retryAfterHeader,
  });
  const children: Child[] = [];
  let foreign: ForeignConsumer | undefined;
  try {
    const perProcess = items / processes;
    for (let j = 0; j < processes; j++) {
      const step = {
        ...sim.credentials, refreshToken: sim.grantRefreshToken(), objectType: 'Item', pageSize: PAGE_SIZE,
        ...slice(sim, j * perProcess + 1, (j + 1) * perProcess),
      };
      children.push(startChild({ step, time }));
    }
    await Promise.all(children.map((child) => child.ready));
    foreign = await ForeignConsumer.start(sim, sim.grantRefreshToken(), clock);
    await foreign.fillBucket();
    const goAt = clock.now();
    const go: GoMessage = { type: 'go' };
    for (const child of children) child.process.send(go);
    foreign.spendSteadily(FOREIGN_SHARE);
    const reports = await Promise.all(children.map((child) => child.report));
    await foreign.stop();
    return measure({ processes, variant, pages: plan.pages, items, goAt }, reports, foreign);
  } finally {
    await foreign?.stop();
    for (const child of children) if (child.process.exitCode === null) child.process.kill();
    await sim.close();
  }
}

export const sharedBucket: Scenario = {
  key: 'shared-bucket',
  title: TITLE,
  async run(mode: BenchMode) {
    const rounds: Round[] = [];
    for (const plan of plans(mode.quick)) rounds.push(await runRound(plan));
    const lines = new LineBuilder(TITLE);
    for (const round of rounds) addLines(lines, round);
    const failures = rounds.flatMap((round) => round.failedRuns.map((error) => `K=${round.processes}, ${round.variant}: ${error}`));
    return {
      lines: lines.lines,
      notes: failures.length > 0 ? [`failed runs: ${[...new Set(failures)].join('; ')}`] : undefined,
      details: {
        setup: {
          pages: mode.quick ? QUICK_PAGES : FULL_PAGES, rounds: plans(mode.quick).map((plan) => `K=${plan.processes}, ${plan.variant.label}`),
          pageSize: PAGE_SIZE, ...BUCKET, foreignShare: FOREIGN_SHARE, timeScale: TIME_SCALE,
          start: 'bucket full (the foreign consumer spends its room first)',
          efficiency: 'accepted requests of the K processes / seconds / (drip rate - foreign accepted per second)',
          fairness: 'min / max over processes of accepted requests / seconds to its end',
        },
        rounds,
      },
    };
  },
};
