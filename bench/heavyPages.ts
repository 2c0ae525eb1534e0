/**
 * Scenario 2: every page over 25 records is too heavy and answers 504. Each request costs a fixed latency, so
 * requests (good or 504), not CPU, decide the time. Compared: ours (halve, grow back after successes, wait longer
 * after a failed growth), halve and never grow back, and the ideal (pageSize 25 from the start).
 */
import { SimulatorOptions } from '../simulator';
import { fixed, median, whole } from './numbers';
import { assertEmittedAll, pollEverything } from './pollRun';
import { BenchMode, LineBuilder, Scenario } from './scenario';
import { apiAnswers, freshSimulator, itemPollingStep, restoreDefaults } from './simulatorSession';
import { HALVE_ON_504_NEVER_GROW, IDEAL_PAGE_SIZE_25, OURS, Strategy } from './strategies';

const TITLE = '2 heavy pages (504 over 25 records)';
const HEAVY_THRESHOLD = 25;
/**
 * Latency of every request, 504s included. Assumption: a 504 costs one round trip, like a good page. Lightspeed's
 * real 504s come after the gateway gives up, so they cost more; the details give the 504 counts to weigh that.
 */
const LATENCY_MS = 20;
/** The harsher variant: a 504 takes as long as this many good pages (a gateway that waits before giving up). */
const SLOW_504_PAGES = 20;

interface Size {
  items: number;
  /** Alternating runs per strategy (median). */
  runs: number;
}

const SIZES: Record<'full' | 'quick', Size> = {
  full: { items: 10_000, runs: 3 },
  quick: { items: 1_000, runs: 1 },
};

interface StrategyRun {
  ms: number;
  recordsPerSecond: number;
  gatewayTimeouts: number;
  pages: number;
}

async function runOnce(strategy: Strategy, size: Size, slow504 = false): Promise<StrategyRun> {
  const delayMs = slow504 ? (SLOW_504_PAGES - 1) * LATENCY_MS : 0;
  const options: Partial<SimulatorOptions> = {
    items: size.items, archivedItems: 0, rateLimit: false, latencyMs: LATENCY_MS, logLimit: 100_000,
    heavyPage: { threshold: HEAVY_THRESHOLD, weightPerRecord: 1, delayMs },
  };
  const sim = await freshSimulator(options, strategy);
  try {
    const outcome = await pollEverything(itemPollingStep(sim, strategy));
    assertEmittedAll(outcome, size.items, strategy.name);
    return {
      ms: outcome.ms, recordsPerSecond: size.items / (outcome.ms / 1000), gatewayTimeouts: sim.stats.gatewayTimeouts, pages: apiAnswers(sim, 200),
    };
  } finally {
    await sim.close();
  }
}

interface Summary {
  runs: StrategyRun[];
  recordsPerSecond: number;
  gatewayTimeouts: number;
  pages: number;
}

function summarize(runs: StrategyRun[]): Summary {
  return {
    runs,
    recordsPerSecond: median(runs.map((run) => run.recordsPerSecond)),
    gatewayTimeouts: median(runs.map((run) => run.gatewayTimeouts)),
    pages: median(runs.map((run) => run.pages)),
  };
}

/** Median over rounds of `runs[i]` records/s over `reference[i]` records/s. */
function medianRatio(runs: StrategyRun[], reference: StrategyRun[]): number {
  return median(runs.map((run, round) => run.recordsPerSecond / reference[round].recordsPerSecond));
}

function describe(summary: Summary): string {
  return `${whole(summary.recordsPerSecond)} rec/s, ${whole(summary.pages + summary.gatewayTimeouts)} requests, ${summary.gatewayTimeouts} x 504`;
}

export const heavyPages: Scenario = {
  key: 'heavy',
  title: TITLE,
  async run(mode: BenchMode) {
    const size = mode.quick ? SIZES.quick : SIZES.full;
    const strategies = [OURS, HALVE_ON_504_NEVER_GROW, IDEAL_PAGE_SIZE_25];
    const runs = new Map<Strategy, StrategyRun[]>(strategies.map((strategy) => [strategy, []]));
    const slowRuns: { ours: StrategyRun[]; ideal: StrategyRun[] } = { ours: [], ideal: [] };
    try {
      // Alternating, so a slow patch of the machine hits every strategy alike.
      for (let round = 0; round < size.runs; round++) {
        for (const strategy of strategies) runs.get(strategy)?.push(await runOnce(strategy, size));
        slowRuns.ours.push(await runOnce(OURS, size, true));
        slowRuns.ideal.push(await runOnce(IDEAL_PAGE_SIZE_25, size, true));
      }
    } finally {
      restoreDefaults();
    }
    const [ours, neverGrow, ideal] = strategies.map((strategy) => summarize(runs.get(strategy) ?? []));
    // Ratios within a round first: a slow patch of a shared machine then cancels out.
    const ratio = medianRatio(ours.runs, ideal.runs);
    const neverGrowRatio = medianRatio(neverGrow.runs, ideal.runs);
    const slowRatio = medianRatio(slowRuns.ours, slowRuns.ideal);
    const slowOurs = summarize(slowRuns.ours);
    const runsNote = size.runs > 1 ? ` (median of ${size.runs} rounds)` : '';
    const lines = new LineBuilder(TITLE)
      .target(`ours / ideal records/s${runsNote}`, ratio, `${fixed(ratio)} (${describe(ours)})`, '>= 0.90', ratio >= 0.9, 'ratio')
      .info(`${HALVE_ON_504_NEVER_GROW.name} / ideal`, neverGrowRatio, `${fixed(neverGrowRatio)} (${describe(neverGrow)})`)
      .info(IDEAL_PAGE_SIZE_25.name, ideal.recordsPerSecond, describe(ideal))
      .info(`ours / ideal when a 504 takes as long as ${SLOW_504_PAGES} good pages`, slowRatio, `${fixed(slowRatio)} (${describe(slowOurs)})`)
      .lines;
    return {
      lines,
      details: {
        setup: {
          ...size, heavyPage: { threshold: HEAVY_THRESHOLD, weightPerRecord: 1 }, rateLimit: false, latencyMs: LATENCY_MS,
          assumption: `every request, a 504 included, takes ${LATENCY_MS} ms of server latency: requests, not CPU, decide the time, `
            + 'and a 504 costs what a good page costs. Real 504s (a gateway giving up) cost more: weigh the 504 counts.',
        },
        slow504: { goodPagesPerFailure: SLOW_504_PAGES, ours: slowOurs, ideal: summarize(slowRuns.ideal), ratioToIdeal: slowRatio },
        ours: { description: OURS.description, ...ours, ratioToIdeal: ratio },
        halveNeverGrow: { description: HALVE_ON_504_NEVER_GROW.description, ...neverGrow, ratioToIdeal: neverGrowRatio },
        ideal: { description: IDEAL_PAGE_SIZE_25.description, ...ideal },
      },
    };
  },
};
