/**
 * Scenario 6: K flows on one account. K separate OS processes (dist/bench/sharedBucketRun.js), each polling its own
 * slice of the Items with its own authorization of the account's API client, share Lightspeed's default bucket
 * (90 drips, 1 per second) with a foreign consumer that spends a steady share of the drip rate. The bucket starts
 * full (the foreign consumer's burst), so every request is paid by drips: efficiency = our accepted requests per
 * second / the drip rate the foreign consumer left. Time runs TIME_SCALE times faster for the simulator and for the
 * clients alike (bench/scaledClock.ts).
 */
import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { Simulator, startSimulator } from '../simulator';
import { ForeignConsumer } from './foreignConsumer';
import { fixed, whole } from './numbers';
import { scaledClock, TimeScale } from './scaledClock';
import { BenchMode, LineBuilder, Scenario } from './scenario';
import { ChildMessage, ChildReport, GoMessage, SHARED_BUCKET_ENV, SharedBucketSetup } from './sharedBucketMessages';

const TITLE = '6 shared bucket (K processes, one account)';
const PAGE_SIZE = 100;
const BUCKET = { bucketSize: 90, dripRate: 1 };
/** Share of the drip rate the foreign consumer spends. */
const FOREIGN_SHARE = 0.25;
/** Simulated seconds per real second: a drip every 50 ms, Retry-After 1 = 50 ms. */
const TIME_SCALE = 20;
const TARGETS = {
  alone: { efficiency: 0.95, rateLimitedShare: 0 },
  shared: { efficiency: 0.9, rateLimitedShare: 0.02, fairness: 0.6 },
};

interface Size {
  /** Pages the K processes need together (the same total for every K). */
  pages: number;
  processCounts: number[];
}

const SIZES: Record<'full' | 'quick', Size> = {
  full: { pages: 320, processCounts: [1, 2, 4, 8] },
  quick: { pages: 48, processCounts: [1, 2, 4, 8] },
};

/** Figures of one K. */
interface Round {
  processes: number;
  /** Simulated seconds from go to the last process's end. */
  seconds: number;
  accepted: number;
  requests: number;
  rateLimited: number;
  /** 429s answered to a process before any of its requests was accepted. */
  rateLimitedAtStart: number;
  efficiency: number;
  /** Drips per second the foreign consumer left (drip rate minus its accepted requests per second). */
  dripLeft: number;
  /** Accepted requests per second of each process. */
  perProcess: number[];
  fairness: number;
  lost: number;
  duplicated: number;
  failedRuns: string[];
  foreign: { accepted: number; rateLimited: number };
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

async function runRound(processes: number, size: Size): Promise<Round> {
  const time: TimeScale = { origin: Date.now(), scale: TIME_SCALE };
  const clock = scaledClock(time);
  const items = size.pages * PAGE_SIZE;
  const sim = await startSimulator({
    items, archivedItems: 0, tieGroupSize: 0, rateLimit: true, ...BUCKET, burstLimit: null, costModel: 'current',
    now: clock.now, tokenLifetimeSeconds: 30 * 86_400, logLimit: 1_000,
    // BENCH_RETRY_AFTER=0: 429s without Retry-After, as Lightspeed's recorded ones (docs/benchmarks.md).
    retryAfterHeader: process.env.BENCH_RETRY_AFTER !== '0',
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
    return measure(processes, items, goAt, reports, foreign);
  } finally {
    await foreign?.stop();
    for (const child of children) if (child.process.exitCode === null) child.process.kill();
    await sim.close();
  }
}

function measure(processes: number, items: number, goAt: number, reports: ChildReport[], foreign: ForeignConsumer): Round {
  const end = Math.max(...reports.map((report) => report.finishedAt));
  const seconds = (end - goAt) / 1000;
  const count = (report: ChildReport, status: string): number => report.statuses[status] ?? 0;
  const accepted = reports.reduce((sum, report) => sum + count(report, '200'), 0);
  const requests = reports.reduce((sum, report) => sum + Object.values(report.statuses).reduce((a, b) => a + b, 0), 0);
  const rateLimited = reports.reduce((sum, report) => sum + count(report, '429'), 0);
  const rateLimitedAtStart = reports.reduce((sum, report) => sum + report.rateLimitedAtStart, 0);
  const foreignAnswers = foreign.answersBetween(goAt, end);
  const dripLeft = BUCKET.dripRate - foreignAnswers.accepted / seconds;
  const perProcess = reports.map((report) => count(report, '200') / ((report.finishedAt - goAt) / 1000));
  const emitted = reports.flatMap((report) => report.ids);
  const distinct = new Set(emitted);
  const expected = Array.from({ length: items }, (_, i) => i + 1);
  return {
    processes, seconds, accepted, requests, rateLimited, rateLimitedAtStart,
    efficiency: accepted / seconds / dripLeft,
    dripLeft, perProcess,
    fairness: Math.min(...perProcess) / Math.max(...perProcess),
    lost: expected.filter((id) => !distinct.has(id)).length,
    duplicated: emitted.length - distinct.size,
    failedRuns: reports.flatMap((report) => (report.error ? [report.error] : [])),
    foreign: foreignAnswers,
  };
}

function percent(part: number, whole: number): string {
  return `${fixed((100 * part) / Math.max(1, whole), 1)}%`;
}

function addLines(lines: LineBuilder, round: Round): void {
  const k = `K=${round.processes}`;
  const alone = round.processes === 1;
  const target = alone ? TARGETS.alone : TARGETS.shared;
  const share = round.rateLimited / Math.max(1, round.requests);
  lines.target(`${k}: efficiency (accepted req/s / drip left)`, round.efficiency,
    `${fixed(round.efficiency)} (${whole(round.accepted)} in ${whole(round.seconds)} s, ${fixed(round.dripLeft)}/s left)`,
    `>= ${fixed(target.efficiency)}`, round.efficiency >= target.efficiency, 'ratio');
  lines.target(`${k}: 429s / requests`, share,
    `${percent(round.rateLimited, round.requests)} (${round.rateLimited} of ${whole(round.requests)}, ${round.rateLimitedAtStart} before a first success)`,
    alone ? '0' : `< ${percent(TARGETS.shared.rateLimitedShare, 1)}`, alone ? round.rateLimited === 0 : share < TARGETS.shared.rateLimitedShare, 'ratio');
  if (!alone) {
    lines.target(`${k}: fairness (slowest / fastest process)`, round.fairness,
      `${fixed(round.fairness)} (${fixed(Math.min(...round.perProcess), 3)} to ${fixed(Math.max(...round.perProcess), 3)} req/s)`,
      `>= ${fixed(TARGETS.shared.fairness)}`, round.fairness >= TARGETS.shared.fairness, 'ratio');
  }
  lines.target(`${k}: records lost / duplicated (failed runs)`, round.lost + round.duplicated,
    `${round.lost} / ${round.duplicated} (${round.failedRuns.length})`, '0 / 0', round.lost === 0 && round.duplicated === 0, 'exact');
  lines.info(`${k}: foreign consumer accepted, 429s`, round.foreign.rateLimited, `${round.foreign.accepted}, ${round.foreign.rateLimited} x 429`);
}

export const sharedBucket: Scenario = {
  key: 'shared-bucket',
  title: TITLE,
  async run(mode: BenchMode) {
    const size = mode.quick ? SIZES.quick : SIZES.full;
    const rounds: Round[] = [];
    for (const processes of size.processCounts) rounds.push(await runRound(processes, size));
    const lines = new LineBuilder(TITLE);
    for (const round of rounds) addLines(lines, round);
    const failures = rounds.flatMap((round) => round.failedRuns.map((error) => `K=${round.processes}: ${error}`));
    return {
      lines: lines.lines,
      notes: failures.length > 0 ? [`failed runs: ${[...new Set(failures)].join('; ')}`] : undefined,
      details: {
        setup: {
          ...size, pageSize: PAGE_SIZE, ...BUCKET, foreignShare: FOREIGN_SHARE, timeScale: TIME_SCALE,
          start: 'bucket full (the foreign consumer spends its room first)',
          efficiency: 'accepted requests of the K processes / seconds / (drip rate - foreign accepted per second)',
          fairness: 'min / max over processes of accepted requests / seconds to its end',
        },
        rounds,
      },
    };
  },
};
