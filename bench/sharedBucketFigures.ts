/** Scenario 6's figures of one round (one K, one kind of 429) and the table rows that print them. */
import { ForeignConsumer } from './foreignConsumer';
import { fixed, whole } from './numbers';
import { LineBuilder } from './scenario';
import { ChildReport } from './sharedBucketMessages';

export const BUCKET = { bucketSize: 90, dripRate: 1 };
export const TARGETS = {
  alone: { efficiency: 0.95, rateLimitedShare: 0 },
  shared: { efficiency: 0.9, rateLimitedShare: 0.02, fairness: 0.6 },
  /**
   * Eight flows started in the same second on a full bucket, told nothing but the level: each collides at least once
   * before its first answer spreads it out, which is 8 of about 330 requests (2.4%) before any pacing can act.
   */
  crowdedStartWithoutRetryAfter: { processes: 8, rateLimitedShare: 0.05 },
};

/** How the simulator answers its 429s in a round. */
export interface Variant {
  /** Printed in every row of the round. */
  label: string;
  retryAfterHeader: boolean;
}

/** With Retry-After, as Lightspeed's V3 docs describe blocked requests; without, as every recorded 429 came. */
export const VARIANTS = {
  retryAfter: { label: 'Retry-After', retryAfterHeader: true },
  noRetryAfter: { label: 'no Retry-After', retryAfterHeader: false },
} satisfies Record<string, Variant>;

/** The share of 429s a round may meet: none alone, under 5% for eight processes told no Retry-After, else under 2%. */
export function rateLimitedTarget(processes: number, variant: string): number {
  if (processes === 1) return TARGETS.alone.rateLimitedShare;
  const crowded = TARGETS.crowdedStartWithoutRetryAfter;
  const blind = variant === VARIANTS.noRetryAfter.label && processes >= crowded.processes;
  return blind ? crowded.rateLimitedShare : TARGETS.shared.rateLimitedShare;
}

/** Figures of one K under one variant. */
export interface Round {
  variant: string;
  processes: number;
  /** Pages the K processes needed together. */
  pages: number;
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

/** What one round ran: its K, variant and size, and when the processes were told to go. */
export interface RoundRun {
  processes: number;
  variant: Variant;
  pages: number;
  items: number;
  goAt: number;
}

export function measure(run: RoundRun, reports: ChildReport[], foreign: ForeignConsumer): Round {
  const { goAt, items } = run;
  const end = Math.max(...reports.map((report) => report.finishedAt));
  const seconds = (end - goAt) / 1000;
  const count = (report: ChildReport, status: string): number => report.statuses[status] ?? 0;
  const sum = (of: (report: ChildReport) => number): number => reports.reduce((total, report) => total + of(report), 0);
  const foreignAnswers = foreign.answersBetween(goAt, end);
  const dripLeft = BUCKET.dripRate - foreignAnswers.accepted / seconds;
  const perProcess = reports.map((report) => count(report, '200') / ((report.finishedAt - goAt) / 1000));
  const emitted = reports.flatMap((report) => report.ids);
  const distinct = new Set(emitted);
  const accepted = sum((report) => count(report, '200'));
  return {
    variant: run.variant.label, processes: run.processes, pages: run.pages, seconds, accepted,
    requests: sum((report) => Object.values(report.statuses).reduce((a, b) => a + b, 0)),
    rateLimited: sum((report) => count(report, '429')),
    rateLimitedAtStart: sum((report) => report.rateLimitedAtStart),
    efficiency: accepted / seconds / dripLeft,
    dripLeft, perProcess,
    fairness: Math.min(...perProcess) / Math.max(...perProcess),
    lost: Array.from({ length: items }, (_, i) => i + 1).filter((id) => !distinct.has(id)).length,
    duplicated: emitted.length - distinct.size,
    failedRuns: reports.flatMap((report) => (report.error ? [report.error] : [])),
    foreign: foreignAnswers,
  };
}

function percent(part: number, of: number): string {
  return `${fixed((100 * part) / Math.max(1, of), 1)}%`;
}

/** The round's rows, each labelled with its K and variant (`K=8, no Retry-After: ...`). */
export function addLines(lines: LineBuilder, round: Round): void {
  const k = `K=${round.processes}, ${round.variant}`;
  const alone = round.processes === 1;
  const target = alone ? TARGETS.alone : TARGETS.shared;
  const share = round.rateLimited / Math.max(1, round.requests);
  const allowedShare = rateLimitedTarget(round.processes, round.variant);
  lines.target(`${k}: efficiency (accepted req/s / drip left)`, round.efficiency,
    `${fixed(round.efficiency)} (${whole(round.accepted)} in ${whole(round.seconds)} s, ${fixed(round.dripLeft)}/s left)`,
    `>= ${fixed(target.efficiency)}`, round.efficiency >= target.efficiency, 'ratio');
  lines.target(`${k}: 429s / requests`, share,
    `${percent(round.rateLimited, round.requests)} (${round.rateLimited} of ${whole(round.requests)}, ${round.rateLimitedAtStart} before a first success)`,
    alone ? '0' : `< ${percent(allowedShare, 1)}`, alone ? round.rateLimited === 0 : share < allowedShare, 'ratio');
  if (!alone) {
    lines.target(`${k}: fairness (slowest / fastest process)`, round.fairness,
      `${fixed(round.fairness)} (${fixed(Math.min(...round.perProcess), 3)} to ${fixed(Math.max(...round.perProcess), 3)} req/s)`,
      `>= ${fixed(TARGETS.shared.fairness)}`, round.fairness >= TARGETS.shared.fairness, 'ratio');
  }
  lines.target(`${k}: records lost / duplicated (failed runs)`, round.lost + round.duplicated,
    `${round.lost} / ${round.duplicated} (${round.failedRuns.length})`, '0 / 0', round.lost === 0 && round.duplicated === 0, 'exact');
  lines.info(`${k}: foreign consumer accepted, 429s`, round.foreign.rateLimited, `${round.foreign.accepted}, ${round.foreign.rateLimited} x 429`);
}
