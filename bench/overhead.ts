/**
 * Scenario 4: records per second of the component's poll against an unthrottled simulator, next to a bare loop
 * over the same pages (HTTP + JSON.parse + next, nothing else). All run in this process against the same
 * in-process simulator, in rotating order, after one warm-up each; figures are medians over the rounds.
 * Full runs also profile a few polls of ours and keep where the time went (attributed to lib/ functions).
 */
import { Simulator } from '../simulator';
import { PageGetter, bareLoop, fetchAccessToken, fetchGet, httpGet } from './bareLoop';
import { summarize } from './cpuProfileSummary';
import { profiled } from './cpuProfiler';
import { fixed, median, whole } from './numbers';
import { StepCost, perRecordCosts } from './overheadBreakdown';
import { assertEmittedAll, pollEverything } from './pollRun';
import { BenchMode, LineBuilder, Scenario } from './scenario';
import { freshSimulator, itemPollingStep, restoreDefaults } from './simulatorSession';
import { OURS } from './strategies';

const TITLE = '4 overhead (unthrottled)';
const MIN_RATIO = 0.7;
const PROFILED_POLLS = 3;

interface Size {
  items: number;
  runs: number;
  profile: boolean;
}

const SIZES: Record<'full' | 'quick', Size> = {
  full: { items: 10_000, runs: 7, profile: true },
  quick: { items: 2_000, runs: 3, profile: false },
};

type Contender = 'ours' | 'bareHttp' | 'bareFetch';
const CONTENDERS: Contender[] = ['ours', 'bareHttp', 'bareFetch'];

interface TimedRun {
  ms: number;
  /** Time the simulator spent answering (its own request log): part of every figure, since it runs in-process. */
  serverMs: number;
}

type Round = Record<Contender, TimedRun>;

/** The first page the trigger asked for, as an absolute URL: the baseline walks exactly the same pages. */
function firstApiUrl(sim: Simulator): string {
  const first = sim.stats.log.find((entry) => entry.path.startsWith('/API/'));
  if (!first) throw new Error('the warm-up poll made no API request');
  return `${sim.url}${first.path}`;
}

function serverMs(sim: Simulator): number {
  return sim.stats.log.filter((entry) => entry.path.startsWith('/API/')).reduce((sum, entry) => sum + entry.durationMs, 0);
}

export const overhead: Scenario = {
  key: 'overhead',
  title: TITLE,
  async run(mode: BenchMode) {
    const size = mode.quick ? SIZES.quick : SIZES.full;
    // The component and the baselines each refresh the same refresh token: it must survive its first use.
    const sim = await freshSimulator({
      items: size.items, archivedItems: 0, rateLimit: false, revokeRotatedRefreshTokens: false, logLimit: 100_000,
    }, OURS);
    try {
      const step = itemPollingStep(sim, OURS);
      const timed = async (work: () => Promise<number>): Promise<TimedRun> => {
        sim.resetStats();
        const ms = await work();
        return { ms, serverMs: serverMs(sim) };
      };
      const ours = async (): Promise<number> => {
        const outcome = await pollEverything(step);
        assertEmittedAll(outcome, size.items, 'ours');
        return outcome.ms;
      };
      await ours(); // warm-up: JIT, keep-alive connection, token
      const url = firstApiUrl(sim);
      const token = await fetchAccessToken(sim.credentials.tokenUrl, sim.credentials);
      const bare = (get: PageGetter) => async (): Promise<number> => {
        const outcome = await bareLoop(url, token, 'Item', get);
        if (outcome.records !== size.items) throw new Error(`bare loop read ${outcome.records} records, expected ${size.items}`);
        return outcome.ms;
      };
      const work: Record<Contender, () => Promise<number>> = { ours, bareHttp: bare(httpGet), bareFetch: bare(fetchGet) };
      await work.bareHttp();
      await work.bareFetch();

      const rounds: Round[] = [];
      for (let round = 0; round < size.runs; round++) {
        // Rotate who goes first, so none always runs right after the same neighbour.
        const order = CONTENDERS.map((_, i) => CONTENDERS[(i + round) % CONTENDERS.length]);
        const times: Partial<Round> = {};
        for (const contender of order) times[contender] = await timed(work[contender]);
        rounds.push(times as Round);
      }
      const rate = (contender: Contender): number => median(rounds.map((round) => size.items / (round[contender].ms / 1000)));
      // Ratios within a round first: a slow patch of a shared machine then cancels out.
      const ratioTo = (baseline: Contender): number => median(rounds.map((round) => round[baseline].ms / round.ours.ms));
      const ratio = ratioTo('bareHttp');
      const fetchRatio = ratioTo('bareFetch');

      const costs: StepCost[] = perRecordCosts(await httpGet(url, token));
      const perRecordUs = (contender: Contender): number => median(rounds.map((round) => (1000 * round[contender].ms) / size.items));
      const profile = size.profile ? summarize((await profiled(async () => { for (let i = 0; i < PROFILED_POLLS; i++) await ours(); })).profile) : undefined;
      const share = (entries: Array<[string, number]>, total: number, count: number): Array<{ where: string; ms: number; percent: number }> =>
        entries.slice(0, count).map(([where, ms]) => ({ where, ms: Math.round(ms), percent: Math.round((1000 * ms) / total) / 10 }));

      const lines = new LineBuilder(TITLE)
        .target(`ours / bare loop (http) records/s (median of ${size.runs} rounds)`, ratio, fixed(ratio), `>= ${fixed(MIN_RATIO)}`, ratio >= MIN_RATIO, 'ratio')
        .info('ours: records/s', rate('ours'), whole(rate('ours')))
        .info('bare loop, node:http + JSON.parse: records/s', rate('bareHttp'), whole(rate('bareHttp')))
        .info('bare loop, fetch + JSON.parse: records/s (ours / it)', rate('bareFetch'), `${whole(rate('bareFetch'))} (${fixed(fetchRatio)})`)
        .lines;
      const notes = ratio >= MIN_RATIO ? [] : [
        `ours takes ${fixed(perRecordUs('ours'), 1)} us per record, the bare loop ${fixed(perRecordUs('bareHttp'), 1)} us; measured per record: `
          + costs.map((cost) => `${cost.where} ${fixed(cost.microsecondsPerRecord, 1)} us (${cost.step})`).join(', '),
        ...(profile ? [`CPU profile of ${PROFILED_POLLS} polls, time by nearest project function: `
          + share(profile.attributed, profile.totalMs, 8).map((entry) => `${entry.where} ${entry.percent}%`).join(', ')] : []),
      ];
      return {
        lines,
        notes,
        details: {
          setup: {
            ...size, pageSize: 100, rateLimit: false, emitBehavior: 'emitIndividually (no-op emit)',
            bareLoop: 'GET (node:http keep-alive, or fetch) + JSON.parse + @attributes.next, nothing else',
            note: 'the simulator runs in this process: its time per page (serverMs) is part of every figure',
          },
          rounds,
          ratioToBareHttp: ratio,
          ratioToBareFetch: fetchRatio,
          recordsPerSecond: { ours: rate('ours'), bareHttp: rate('bareHttp'), bareFetch: rate('bareFetch') },
          microsecondsPerRecord: { ours: perRecordUs('ours'), bareHttp: perRecordUs('bareHttp'), bareFetch: perRecordUs('bareFetch') },
          perRecordCostOfSteps: costs,
          profile: profile && {
            polls: PROFILED_POLLS,
            sampledMs: Math.round(profile.totalMs),
            byNearestProjectFunction: share(profile.attributed, profile.totalMs, 20),
            selfByFunction: share(profile.selfByFunction, profile.totalMs, 20),
          },
        },
      };
    } finally {
      await sim.close();
      restoreDefaults();
    }
  },
};
