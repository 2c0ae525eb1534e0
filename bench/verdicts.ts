/** Which targets a run judges, and the one sentence that says what fails it (docs/benchmarks.md quotes it). */
import { BenchLine } from './scenario';

/** How a run is judged: quick runs (small data sets) judge only counts, unless `strict`. */
export interface Judging {
  quick: boolean;
  strict: boolean;
}

/** What fails a run, as the footer prints it; docs/benchmarks.md carries the same sentences (a spec checks). */
export function failsTheRun(judging: Judging): string {
  if (judging.quick && !judging.strict) {
    return 'Fails the run: a MISS on a count (429s in scenarios 1 and 5, token refreshes, calls that succeeded, records '
      + 'lost or repeated, a scenario that failed). Ratio targets are not judged on quick data sets and print "info"; '
      + '--strict judges them.';
  }
  return 'Fails the run: any MISS, on a count or on a ratio.';
}

/** The lines as the run judges them: a target it does not judge is shown as "info", never as PASS or MISS. */
export function judged(lines: BenchLine[], judging: Judging): BenchLine[] {
  const judgesRatios = !judging.quick || judging.strict;
  return lines.map((line) => (line.verdict !== 'info' && line.kind === 'ratio' && !judgesRatios ? { ...line, verdict: 'info' } : line));
}

/** The judged lines that fail the run. */
export function misses(lines: BenchLine[]): BenchLine[] {
  return lines.filter((line) => line.verdict === 'MISS');
}
