/**
 * Scenario 3: peak RSS of a full poll (emitIndividually, no-op emit) of 10k, 100k, 200k and 400k records, each in its
 * own process (dist/bench/memoryRun.js). The simulator runs here, in the parent, so its store is not counted. Pages are
 * streamed and never accumulated, so doubling a long sync should leave the peak where it was.
 */
import path from 'node:path';
import { startSimulator } from '../simulator';
import { fixed, median, megabytes, whole } from './numbers';
import { MemoryRunReport, SIMULATOR_ENV } from './memoryRunReport';
import { ChildRun, lastJsonLine, runNodeMeasured } from './peakRss';
import { BenchMode, LineBuilder, Scenario } from './scenario';

const TITLE = '3 memory (peak RSS, own process)';
/** Nothing accumulates with the size of a sync: doubling a long sync leaves the peak (nearly) where it was. */
const MAX_DOUBLING_GROWTH = 1.15;

interface Size {
  /** Data sets, smallest first: the first two are information, each further one is twice the one before. */
  items: number[];
  /** Child runs per data set (median). */
  runs: number;
}

const SIZES: Record<'full' | 'quick', Size> = {
  full: { items: [10_000, 100_000, 200_000, 400_000], runs: 3 },
  quick: { items: [2_000, 10_000, 20_000, 40_000], runs: 1 },
};

/**
 * V8 lets its heap grow lazily while memory is plentiful, so a longer run may peak higher with nothing accumulating.
 * A run with the old generation capped proves the point: it finishes, and peaks where the shorter ones do.
 */
const CAPPED_HEAP = ['--max-old-space-size=64'];

interface DataSetRuns {
  items: number;
  peakRssKb: number;
  runs: Array<{ peakRssKb: number; report: MemoryRunReport }>;
  /** One run with CAPPED_HEAP (the data sets after the first). */
  cappedPeakRssKb?: number;
  source: ChildRun['source'];
}

async function measure(items: number, runs: number, capped: boolean): Promise<DataSetRuns> {
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
    const cappedPeakRssKb = capped ? (await runNodeMeasured(script, ['--items', String(items)], env, CAPPED_HEAP)).peakRssKb : undefined;
    return {
      items, peakRssKb: median(measured.map((run) => run.peakRssKb)), runs: measured, cappedPeakRssKb,
      source: source ?? 'GNU time -v (Maximum resident set size)',
    };
  } finally {
    await sim.close();
  }
}

export const memory: Scenario = {
  key: 'memory',
  title: TITLE,
  async run(mode: BenchMode) {
    const size = mode.quick ? SIZES.quick : SIZES.full;
    const sets: DataSetRuns[] = [];
    for (const [index, items] of size.items.entries()) sets.push(await measure(items, size.runs, index > 0));
    const runsNote = size.runs > 1 ? `, median of ${size.runs}` : '';
    const lines = new LineBuilder(TITLE);
    for (const set of sets) lines.info(`peak RSS, ${whole(set.items)} records${runsNote}`, set.peakRssKb, megabytes(set.peakRssKb));
    const [small, large, ...doublings] = sets;
    // V8 sizes its young generation up during a long run: the first step measures that, not our code.
    lines.info(`${whole(large.items)} / ${whole(small.items)} peak (V8 settling its heap)`, large.peakRssKb / small.peakRssKb,
      `${fixed(large.peakRssKb / small.peakRssKb)}x`);
    const growths = doublings.map((set, index) => {
      const before = sets[index + 1];
      const growth = set.peakRssKb / before.peakRssKb;
      lines.target(`${whole(set.items)} / ${whole(before.items)} peak`, growth, `${fixed(growth)}x`, `<= ${fixed(MAX_DOUBLING_GROWTH)}x`,
        growth <= MAX_DOUBLING_GROWTH, 'ratio');
      return { from: before.items, to: set.items, growth };
    });
    const capped = sets.slice(1).map((set) => megabytes(set.cappedPeakRssKb ?? Number.NaN)).join(', ');
    const cappedGrowth = (sets[sets.length - 1].cappedPeakRssKb ?? Number.NaN) / (large.cappedPeakRssKb ?? Number.NaN);
    lines.info(`peak RSS with ${CAPPED_HEAP.join(' ')}: ${sets.slice(1).map((set) => whole(set.items)).join(', ')} records`, cappedGrowth,
      `${capped} (${fixed(cappedGrowth)}x)`);
    return {
      lines: lines.lines,
      notes: growths.some((step) => step.growth > MAX_DOUBLING_GROWTH)
        ? [`a peak grew more than ${fixed(MAX_DOUBLING_GROWTH)}x on a doubling; with the old generation capped (${CAPPED_HEAP.join(' ')}) `
          + `every run finishes and the peaks stay within ${fixed(cappedGrowth)}x: V8 growing its heap lazily, not records piling up`]
        : undefined,
      details: { setup: { ...size, emitBehavior: 'emitIndividually', pageSize: 100, measuredBy: small.source, cappedHeap: CAPPED_HEAP }, sets, growths },
    };
  },
};
