/**
 * Scenario 1: a full poll against a leaky bucket. Ideal time = max(0, requests - bucket) / drip: the burst is free,
 * every further request waits for one drip. Efficiency = ideal / actual.
 */
import { DEFAULT_CLIENT_SETTINGS } from '../lib/client/settings';
import { Simulator } from '../simulator';
import { fixed, median, seconds, whole } from './numbers';
import { assertEmittedAll, pollEverything } from './pollRun';
import { BenchMode, LineBuilder, Scenario } from './scenario';
import { apiAnswers, freshSimulator, itemPollingStep, restoreDefaults } from './simulatorSession';
import { HALVE_ON_429_NEVER_GROW, OURS, RETRY_ON_429_ONLY, Strategy } from './strategies';

const TITLE = '1 rate-limit efficiency';
const PAGE_SIZE = 100;

interface Size {
  items: number;
  bucketSize: number;
  dripRate: number;
  /** Runs of ours (median); the comparison strategies run once. */
  oursRuns: number;
}

/**
 * The drip rate is scaled up so a run takes seconds, but the bucket stays at least one second of drips: Retry-After
 * comes in whole seconds, and a smaller bucket would punish the strategies that wait on 429s more than Lightspeed
 * (60 drips, 1 per second) does.
 */
const SIZES: Record<'full' | 'quick', Size> = {
  full: { items: 10_000, bucketSize: 60, dripRate: 20, oursRuns: 3 },
  quick: { items: 2_000, bucketSize: 10, dripRate: 10, oursRuns: 1 },
};

interface StrategyRun {
  ms: number;
  /** API requests answered 200: the pages (and nothing else) the sync needed. */
  pages: number;
  apiRequests: number;
  rateLimited: number;
}

async function runOnce(strategy: Strategy, size: Size): Promise<StrategyRun> {
  const sim: Simulator = await freshSimulator({
    items: size.items, archivedItems: 0, rateLimit: true, bucketSize: size.bucketSize, dripRate: size.dripRate,
    costModel: 'current', burstLimit: null, logLimit: 100_000,
  }, strategy);
  try {
    const outcome = await pollEverything(itemPollingStep(sim, strategy, { pageSize: PAGE_SIZE }));
    assertEmittedAll(outcome, size.items, strategy.name);
    return {
      ms: outcome.ms, pages: apiAnswers(sim, 200), apiRequests: sim.stats.apiRequests, rateLimited: sim.stats.rateLimited,
    };
  } finally {
    await sim.close();
  }
}

function idealMs(requests: number, size: Size): number {
  return (Math.max(0, requests - size.bucketSize) / size.dripRate) * 1000;
}

/** Ours keeps `marginDrips` free: its burst is bucket - margin requests, then one per drip. */
function oursFloorMs(requests: number, size: Size): number {
  return (Math.max(0, requests - (size.bucketSize - DEFAULT_CLIENT_SETTINGS.pacer.marginDrips)) / size.dripRate) * 1000;
}

export const rateLimitEfficiency: Scenario = {
  key: 'rate',
  title: TITLE,
  async run(mode: BenchMode) {
    const size = mode.quick ? SIZES.quick : SIZES.full;
    try {
      const oursRuns: StrategyRun[] = [];
      for (let i = 0; i < size.oursRuns; i++) oursRuns.push(await runOnce(OURS, size));
      const retryOnly = await runOnce(RETRY_ON_429_ONLY, size);
      const halving = await runOnce(HALVE_ON_429_NEVER_GROW, size);

      // The fewest requests the sync can make (every page full): the same ideal for every strategy.
      const requests = Math.ceil(size.items / PAGE_SIZE);
      const ideal = idealMs(requests, size);
      const floor = oursFloorMs(requests, size);
      const oursMs = median(oursRuns.map((run) => run.ms));
      const ours429 = Math.max(...oursRuns.map((run) => run.rateLimited));
      const efficiency = (ms: number): number => ideal / ms;

      const lines = new LineBuilder(TITLE)
        .target(`ours: efficiency${size.oursRuns > 1 ? ` (median of ${size.oursRuns})` : ''}`, efficiency(oursMs),
          `${fixed(efficiency(oursMs))} (${seconds(oursMs)} vs ideal ${seconds(ideal)})`, '>= 0.95', efficiency(oursMs) >= 0.95, 'ratio')
        .target(`ours: 429s${size.oursRuns > 1 ? ' (worst run)' : ''}`, ours429, String(ours429), '0', ours429 === 0, 'exact')
        .info(`ours: floor with marginDrips ${DEFAULT_CLIENT_SETTINGS.pacer.marginDrips} (efficiency ceiling)`, ideal / floor,
          `${seconds(floor)} (${fixed(ideal / floor)})`)
        .info(`${RETRY_ON_429_ONLY.name}: efficiency, 429s`, efficiency(retryOnly.ms),
          `${fixed(efficiency(retryOnly.ms))} (${seconds(retryOnly.ms)}), ${retryOnly.rateLimited} x 429`)
        .info(`${HALVE_ON_429_NEVER_GROW.name}: efficiency, 429s`, efficiency(halving.ms),
          `${fixed(efficiency(halving.ms))} (${seconds(halving.ms)}), ${halving.rateLimited} x 429, ${whole(halving.pages)} requests`)
        .lines;
      return {
        lines,
        details: {
          setup: {
            ...size, pageSize: PAGE_SIZE, costModel: 'current (GET costs 1)',
            idealFormula: 'max(0, requests - bucketSize) / dripRate', requests, idealMs: ideal,
            oursFloorFormula: 'max(0, requests - (bucketSize - marginDrips)) / dripRate', oursFloorMs: floor,
          },
          ours: { description: OURS.description, runs: oursRuns, medianMs: oursMs, efficiency: efficiency(oursMs) },
          retryOn429Only: { description: RETRY_ON_429_ONLY.description, ...retryOnly, efficiency: efficiency(retryOnly.ms) },
          halveOn429NeverGrow: { description: HALVE_ON_429_NEVER_GROW.description, ...halving, efficiency: efficiency(halving.ms) },
        },
      };
    } finally {
      restoreDefaults();
    }
  },
};
