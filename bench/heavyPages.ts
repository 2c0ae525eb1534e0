/**
 * Scenario 2: every page over 25 records is too heavy. Each request costs a fixed latency, so requests (good or
 * failed), not CPU, decide the time. Compared: ours (halve, grow back after successes, wait longer after a failed
 * growth), halve and never grow back, and the ideal (pageSize 25 from the start). Flavours: Lightspeed's 504 at the
 * cost of one round trip; Cloudflare's 524 (an HTML page, after its origin timeout), as slow as 20 good pages, which
 * also stands for a slow 504; and a stall, no answer until the client's timeout (20 good pages).
 */
import { SimulatorOptions } from '../simulator';
import { HeavyPageFault } from '../simulator/options';
import { fixed, median, whole } from './numbers';
import { assertEmittedAll, pollEverything } from './pollRun';
import { BenchMode, LineBuilder, Scenario } from './scenario';
import { apiAnswers, freshSimulator, itemPollingStep, restoreDefaults } from './simulatorSession';
import { HALVE_ON_504_NEVER_GROW, IDEAL_PAGE_SIZE_25, OURS, Strategy } from './strategies';

const TITLE = '2 heavy pages (over 25 records)';
const HEAVY_THRESHOLD = 25;
/**
 * Latency of every request, failures included. Assumption: a fast 504 costs one round trip, like a good page.
 * Lightspeed's real 504s and Cloudflare's 524s come after a gateway gives up, so they cost more: the slow flavours.
 */
const LATENCY_MS = 20;
/** A slow failure takes as long as this many good pages (a gateway that waits before giving up, a timeout). */
const SLOW_FAILURE_PAGES = 20;
const SLOW_FAILURE_MS = SLOW_FAILURE_PAGES * LATENCY_MS;

interface Flavour {
  key: string;
  label: string;
  fault: Omit<HeavyPageFault, 'threshold' | 'weightPerRecord'>;
  /** Client timeout for every strategy (the stall flavour), else the default. */
  timeoutMs?: number;
  /** Target of ours / ideal records/s. */
  target: number;
}

const FLAVOURS: Flavour[] = [
  { key: 'fast504', label: '504 (one round trip)', fault: { answer: 504 }, target: 0.9 },
  { key: 'cloudflare524', label: `524 from Cloudflare (HTML), as slow as ${SLOW_FAILURE_PAGES} good pages`, fault: { answer: 524, delayMs: SLOW_FAILURE_MS - LATENCY_MS }, target: 0.85 },
  { key: 'stall', label: `no answer until the client's timeout (${SLOW_FAILURE_MS} ms = ${SLOW_FAILURE_PAGES} good pages)`, fault: { answer: 'stall', delayMs: 10 * SLOW_FAILURE_MS }, timeoutMs: SLOW_FAILURE_MS, target: 0.85 },
];

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
  failures: number;
  pages: number;
}

async function runOnce(strategy: Strategy, size: Size, flavour: Flavour): Promise<StrategyRun> {
  const options: Partial<SimulatorOptions> = {
    items: size.items, archivedItems: 0, rateLimit: false, latencyMs: LATENCY_MS, logLimit: 100_000,
    heavyPage: { threshold: HEAVY_THRESHOLD, weightPerRecord: 1, ...flavour.fault },
  };
  const timed: Strategy = flavour.timeoutMs === undefined ? strategy : { ...strategy, settings: { ...strategy.settings, timeoutMs: flavour.timeoutMs } };
  const sim = await freshSimulator(options, timed);
  try {
    const outcome = await pollEverything(itemPollingStep(sim, timed));
    assertEmittedAll(outcome, size.items, `${strategy.name} (${flavour.key})`);
    return {
      ms: outcome.ms, recordsPerSecond: size.items / (outcome.ms / 1000), failures: sim.stats.faults.heavyPage, pages: apiAnswers(sim, 200),
    };
  } finally {
    await sim.close();
  }
}

interface Summary {
  runs: StrategyRun[];
  recordsPerSecond: number;
  failures: number;
  pages: number;
}

function summarize(runs: StrategyRun[]): Summary {
  return {
    runs,
    recordsPerSecond: median(runs.map((run) => run.recordsPerSecond)),
    failures: median(runs.map((run) => run.failures)),
    pages: median(runs.map((run) => run.pages)),
  };
}

/** Median over rounds of `runs[i]` records/s over `reference[i]` records/s. */
function medianRatio(runs: StrategyRun[], reference: StrategyRun[]): number {
  return median(runs.map((run, round) => run.recordsPerSecond / reference[round].recordsPerSecond));
}

function describe(summary: Summary): string {
  return `${whole(summary.recordsPerSecond)} rec/s, ${whole(summary.pages + summary.failures)} requests, ${summary.failures} failed`;
}

const STRATEGIES = [OURS, HALVE_ON_504_NEVER_GROW, IDEAL_PAGE_SIZE_25];

/** runs[flavour][strategy]: alternating rounds, so a slow patch of the machine hits every strategy alike. */
async function measure(size: Size): Promise<Map<Flavour, Map<Strategy, StrategyRun[]>>> {
  const runs = new Map(FLAVOURS.map((flavour) => [flavour, new Map(STRATEGIES.map((strategy) => [strategy, [] as StrategyRun[]]))]));
  try {
    for (let round = 0; round < size.runs; round++) {
      for (const flavour of FLAVOURS) {
        for (const strategy of STRATEGIES) runs.get(flavour)?.get(strategy)?.push(await runOnce(strategy, size, flavour));
      }
    }
  } finally {
    restoreDefaults();
  }
  return runs;
}

export const heavyPages: Scenario = {
  key: 'heavy',
  title: TITLE,
  async run(mode: BenchMode) {
    const size = mode.quick ? SIZES.quick : SIZES.full;
    const measured = await measure(size);
    const lines = new LineBuilder(TITLE);
    const details: Record<string, unknown> = {
      setup: {
        ...size, threshold: HEAVY_THRESHOLD, rateLimit: false, latencyMs: LATENCY_MS, flavours: FLAVOURS,
        assumption: `every request takes ${LATENCY_MS} ms of server latency: requests, not CPU, decide the time. A fast 504 `
          + `costs what a good page costs; the slow flavours cost ${SLOW_FAILURE_PAGES} good pages per failure, as a gateway `
          + 'that gives up after its own timeout does.',
      },
    };
    const runsNote = size.runs > 1 ? `, median of ${size.runs} rounds` : '';
    for (const flavour of FLAVOURS) {
      const byStrategy = measured.get(flavour) as Map<Strategy, StrategyRun[]>;
      const summaries = new Map([...byStrategy].map(([strategy, runs]) => [strategy, summarize(runs)]));
      const ideal = byStrategy.get(IDEAL_PAGE_SIZE_25) as StrategyRun[];
      const ratio = medianRatio(byStrategy.get(OURS) as StrategyRun[], ideal);
      const ours = summaries.get(OURS) as Summary;
      const metric = `${flavour.label}: ours / ideal records/s${runsNote}`;
      lines.target(metric, ratio, `${fixed(ratio)} (${describe(ours)})`, `>= ${fixed(flavour.target)}`, ratio >= flavour.target, 'ratio');
      const neverGrowRatio = medianRatio(byStrategy.get(HALVE_ON_504_NEVER_GROW) as StrategyRun[], ideal);
      lines.info(`  ${HALVE_ON_504_NEVER_GROW.name} / ideal`, neverGrowRatio, `${fixed(neverGrowRatio)} (${describe(summaries.get(HALVE_ON_504_NEVER_GROW) as Summary)})`);
      lines.info(`  ${IDEAL_PAGE_SIZE_25.name}`, (summaries.get(IDEAL_PAGE_SIZE_25) as Summary).recordsPerSecond, describe(summaries.get(IDEAL_PAGE_SIZE_25) as Summary));
      details[flavour.key] = Object.fromEntries([...summaries].map(([strategy, summary]) => [strategy.name, { description: strategy.description, ...summary }]));
    }
    return { lines: lines.lines, details };
  },
};
