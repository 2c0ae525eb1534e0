/**
 * Scenario 5: many action calls at once on one credential (same cfg), as sailor runs parallel messages in one
 * container. Expected: one token refresh for all of them, no 429, every call succeeds. A second round sends more
 * calls than the bucket holds, so the pacer (counting requests in flight) has to spread them.
 */
import * as lookupObjectById from '../lib/actions/lookupObjectById';
import { IncomingMessage, StepConfig } from '../lib/runtime/context';
import { Simulator, SimulatorOptions } from '../simulator';
import { noopContext } from './noopContext';
import { elapsedSince, seconds } from './numbers';
import { BenchMode, LineBuilder, Scenario } from './scenario';
import { freshSimulator, restoreDefaults } from './simulatorSession';
import { OURS } from './strategies';

const TITLE = '5 concurrency (one credential)';

interface Round {
  label: string;
  calls: number;
  simulator: Partial<SimulatorOptions>;
}

const ROUNDS: Record<'full' | 'quick', Round[]> = {
  full: [
    { label: '50 lookups, default bucket (90, 1/s)', calls: 50, simulator: {} },
    { label: '200 lookups, bucket 60 at 20/s', calls: 200, simulator: { bucketSize: 60, dripRate: 20 } },
  ],
  quick: [
    { label: '50 lookups, default bucket (90, 1/s)', calls: 50, simulator: {} },
    { label: '80 lookups, bucket 30 at 50/s', calls: 80, simulator: { bucketSize: 30, dripRate: 50 } },
  ],
};

interface RoundOutcome {
  label: string;
  calls: number;
  succeeded: number;
  failures: string[];
  refreshes: number;
  rateLimited: number;
  ms: number;
  /** The pacing floor: max(0, calls - bucket) / drip. */
  idealMs: number;
}

async function lookUp(step: StepConfig, itemId: number): Promise<string | undefined> {
  const context = noopContext();
  const message: IncomingMessage = { id: `lookup-${itemId}`, body: { id: itemId }, headers: {} };
  try {
    await lookupObjectById.process.call(context, message, step);
    return context.counts.data === 1 ? undefined : `Item ${itemId}: emitted ${context.counts.data} messages`;
  } catch (error) {
    return `Item ${itemId}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function runRound(round: Round): Promise<RoundOutcome> {
  const sim: Simulator = await freshSimulator({ items: Math.max(250, round.calls), archivedItems: 0, rateLimit: true, ...round.simulator }, OURS);
  try {
    // One cfg object for every call, as the platform hands one step's cfg to each message.
    const step: StepConfig = { ...sim.credentials, objectType: 'Item' };
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: round.calls }, (_, i) => lookUp(step, i + 1)));
    const ms = elapsedSince(started);
    const failures = results.filter((result): result is string => result !== undefined);
    const { bucketSize, dripRate } = sim.options;
    return {
      label: round.label, calls: round.calls, succeeded: round.calls - failures.length, failures: failures.slice(0, 5),
      refreshes: sim.stats.tokens.refreshes, rateLimited: sim.stats.rateLimited, ms,
      idealMs: (Math.max(0, round.calls - bucketSize) / dripRate) * 1000,
    };
  } finally {
    await sim.close();
  }
}

export const concurrency: Scenario = {
  key: 'concurrency',
  title: TITLE,
  async run(mode: BenchMode) {
    const outcomes: RoundOutcome[] = [];
    try {
      for (const round of mode.quick ? ROUNDS.quick : ROUNDS.full) outcomes.push(await runRound(round));
    } finally {
      restoreDefaults();
    }
    const lines = new LineBuilder(TITLE);
    for (const outcome of outcomes) {
      lines
        .target(`${outcome.label}: succeeded`, outcome.succeeded, `${outcome.succeeded}/${outcome.calls} in ${seconds(outcome.ms)}${outcome.idealMs > 0 ? ` (floor ${seconds(outcome.idealMs)})` : ''}`,
          `${outcome.calls}/${outcome.calls}`, outcome.succeeded === outcome.calls, 'exact')
        .target(`${outcome.label}: token refreshes`, outcome.refreshes, String(outcome.refreshes), '1', outcome.refreshes === 1, 'exact')
        .target(`${outcome.label}: 429s`, outcome.rateLimited, String(outcome.rateLimited), '0', outcome.rateLimited === 0, 'exact');
    }
    return { lines: lines.lines, details: { rounds: outcomes } };
  },
};
