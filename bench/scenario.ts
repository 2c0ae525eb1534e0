/** What every scenario reports: lines for the table, details for the JSON results. */

/**
 * How a line is judged. `exact`: a count that must hold on any machine (429s, token refreshes, successes);
 * `ratio`: a ratio of measured times or sizes, which small data sets and busy machines make noisy.
 */
export type TargetKind = 'exact' | 'ratio';

export type Verdict = 'PASS' | 'MISS' | 'info';

/** One row of the table: a measured figure next to its target. */
export interface BenchLine {
  /** Scenario title, e.g. "1 rate-limit efficiency". */
  scenario: string;
  /** What was measured, e.g. "ours: efficiency (ideal / actual)". */
  metric: string;
  /** The figure as printed. */
  measured: string;
  /** The target as printed, or "-" for a comparison line without one. */
  target: string;
  verdict: Verdict;
  kind: TargetKind;
  /** The raw number behind `measured`, for the JSON results. */
  value: number;
}

/** A scenario's lines plus whatever raw numbers explain them. */
export interface ScenarioReport {
  key: ScenarioKey;
  title: string;
  lines: BenchLine[];
  /** Raw measurements (per run, per strategy) and the assumptions they rest on. */
  details: Record<string, unknown>;
  /** Short remarks printed under the table (what a miss is due to). */
  notes?: string[];
  durationMs: number;
}

export type ScenarioKey = 'rate' | 'heavy' | 'memory' | 'overhead' | 'concurrency' | 'shared-bucket' | 'image-upload' | 'catalog-sync';

export interface BenchMode {
  /** Small data sets and few repeats: a smoke test for CI. */
  quick: boolean;
}

export interface Scenario {
  key: ScenarioKey;
  title: string;
  run(mode: BenchMode): Promise<Omit<ScenarioReport, 'key' | 'title' | 'durationMs'>>;
}

/** Builds lines of one scenario. */
export class LineBuilder {
  readonly lines: BenchLine[] = [];

  constructor(private readonly scenario: string) {}

  /** A line with a target: PASS when `passes`. */
  target(metric: string, value: number, measured: string, target: string, passes: boolean, kind: TargetKind): this {
    this.lines.push({ scenario: this.scenario, metric, measured, target, verdict: passes ? 'PASS' : 'MISS', kind, value });
    return this;
  }

  /** A comparison line: measured, no target. */
  info(metric: string, value: number, measured: string): this {
    this.lines.push({ scenario: this.scenario, metric, measured, target: '-', verdict: 'info', kind: 'ratio', value });
    return this;
  }
}
