/**
 * Scenario 3: peak RSS of a full poll (emitIndividually, no-op emit) of a small and a 10x larger data set, each in
 * its own process (dist/bench/memoryRun.js). The simulator runs here, in the parent, so its store is not counted.
 * Pages are streamed and never accumulated, so the larger run should peak about where the smaller one does.
 */
import path from 'node:path';
import { startSimulator } from '../simulator';
import { fixed, median, megabytes, whole } from './numbers';
import { MemoryRunReport, SIMULATOR_ENV } from './memoryRunReport';
import { ChildRun, lastJsonLine, runNodeMeasured } from './peakRss';
import { BenchMode, LineBuilder, Scenario } from './scenario';

const TITLE = '3 memory (peak RSS, own process)';
const MAX_GROWTH = 1.25;

interface Size {
  small: number;
  large: number;
  /** Twice the large set: flat from large to huge means nothing accumulates (V8's heap has just settled). */
  huge: number;
  /** Child runs per data set (median). */
  runs: number;
}

const SIZES: Record<'full' | 'quick', Size> = {
  full: { small: 10_000, large: 100_000, huge: 200_000, runs: 3 },
  quick: { small: 2_000, large: 20_000, huge: 40_000, runs: 1 },
};

interface DataSetRuns {
  items: number;
  peakRssKb: number;
  runs: Array<{ peakRssKb: number; report: MemoryRunReport }>;
  source: ChildRun['source'];
}

async function measure(items: number, runs: number): Promise<DataSetRuns> {
  // Every child starts from the credential's refresh token: the simulator must not retire it after the first run.
  const sim = await startSimulator({ items, archivedItems: 0, rateLimit: false, revokeRotatedRefreshTokens: false });
  try {
    const script = path.join(__dirname, 'memoryRun.js');
    const env = { [SIMULATOR_ENV]: JSON.stringify(sim.credentials) };
    const measured: DataSetRuns['runs'] = [];
    let source: ChildRun['source'] | undefined;
    for (let i = 0; i < runs; i++) {
      const child = await runNodeMeasured(script, ['--items', String(items)], env);
      source = child.source;
      measured.push({ peakRssKb: child.peakRssKb, report: lastJsonLine(child.stdout) as unknown as MemoryRunReport });
    }
    return { items, peakRssKb: median(measured.map((run) => run.peakRssKb)), runs: measured, source: source ?? 'GNU time -v (Maximum resident set size)' };
  } finally {
    await sim.close();
  }
}

export const memory: Scenario = {
  key: 'memory',
  title: TITLE,
  async run(mode: BenchMode) {
    const size = mode.quick ? SIZES.quick : SIZES.full;
    const small = await measure(size.small, size.runs);
    const large = await measure(size.large, size.runs);
    const huge = await measure(size.huge, size.runs);
    const growth = large.peakRssKb / small.peakRssKb;
    const plateau = huge.peakRssKb / large.peakRssKb;
    const runsNote = size.runs > 1 ? `, median of ${size.runs}` : '';
    const lines = new LineBuilder(TITLE)
      .info(`peak RSS, ${whole(small.items)} records${runsNote}`, small.peakRssKb, megabytes(small.peakRssKb))
      .info(`peak RSS, ${whole(large.items)} records${runsNote}`, large.peakRssKb, megabytes(large.peakRssKb))
      .info(`peak RSS, ${whole(huge.items)} records${runsNote}`, huge.peakRssKb, megabytes(huge.peakRssKb))
      .target(`${whole(large.items)} / ${whole(small.items)} peak`, growth, `${fixed(growth)}x`, `<= ${fixed(MAX_GROWTH)}x`, growth <= MAX_GROWTH, 'ratio')
      .info(`${whole(huge.items)} / ${whole(large.items)} peak (flat = nothing accumulates)`, plateau, `${fixed(plateau)}x`)
      .lines;
    return {
      lines,
      details: { setup: { ...size, emitBehavior: 'emitIndividually', pageSize: 100, measuredBy: small.source }, small, large, huge, growth, plateau },
    };
  },
};
