/**
 * What became of each record of a sync, and the one message that reports a batch. Every input record gets exactly one
 * outcome, so the counts add up to the input's length; a record's failure is data here, never the end of the batch.
 */
import { JsonRecord } from '../../catalog/records';

export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';
export const OUTCOMES: readonly Outcome[] = ['created', 'updated', 'unchanged', 'skipped', 'failed'];

/** One input record's outcome. */
export interface RecordResult {
  /** Position in the input, from 0. */
  index: number;
  /** The record's key as given (its match value, or its ID), when it has one. */
  key?: string;
  outcome: Outcome;
  /** Lightspeed's ID of the record, when there is one. */
  id?: unknown;
  /** Fields and nested entries that differed (written, or to be written). */
  changed?: string[];
  /** Why it failed (Lightspeed's message for a 4xx), or why it was skipped. */
  error?: string;
  /** The record as Lightspeed answered or holds it; emitted only one record per message. */
  record?: JsonRecord;
}

/** The message of a batch (`emitSummary`). */
export interface SyncSummary {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  /** Drips Lightspeed charged for this message's requests (its `X-LS-API-Request-Cost` answers added up). */
  drips: number;
  /** Every record but the unchanged ones (counted only, so that 10,000 records fit one platform message), in input order. */
  results: RecordResult[];
}

/** Keys and errors are cut to this many characters in a summary. */
const MAX_TEXT = 300;
/**
 * Bytes of details a summary lists at most. Past them (thousands of long errors or change lists), an entry keeps its
 * index, key, outcome and id, and a failure says its error was cut: 10,000 records stay under 6 MB of JSON, below the
 * 10 MB sailor allows a message once it has encrypted it (base64 adds a third).
 */
const DETAILS_BUDGET = 4 * 1024 * 1024;
const CUT = 'cut: the summary already lists 4 MB of details; emit individually to see every error';

/** Counts outcomes and keeps the results a summary lists. */
export class Tally {
  readonly counts: Record<Outcome, number> = { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
  private readonly listed: RecordResult[] = [];
  private listedBytes = 0;

  add(result: RecordResult): void {
    this.counts[result.outcome] += 1;
    if (result.outcome === 'unchanged') return;
    const entry = summaryEntry(result);
    this.listedBytes += JSON.stringify(entry).length;
    this.listed.push(this.listedBytes > DETAILS_BUDGET ? briefEntry(entry) : entry);
  }

  get done(): number {
    return OUTCOMES.reduce((sum, outcome) => sum + this.counts[outcome], 0);
  }

  summary(drips: number): SyncSummary {
    return { ...this.counts, drips, results: [...this.listed].sort((a, b) => a.index - b.index) };
  }

  /** `created 2, updated 15, unchanged 283` (outcomes with none left out). */
  describe(): string {
    return OUTCOMES.filter((outcome) => this.counts[outcome] > 0).map((outcome) => `${outcome} ${this.counts[outcome]}`).join(', ') || 'nothing yet';
  }
}

/** A result as a summary lists it: without the record, long texts cut. */
function summaryEntry(result: RecordResult): RecordResult {
  const entry = { ...result };
  delete entry.record;
  if (entry.key !== undefined) entry.key = cut(entry.key);
  if (entry.error !== undefined) entry.error = cut(entry.error);
  return entry;
}

/** An entry past the budget: what names the record and its outcome. */
function briefEntry(entry: RecordResult): RecordResult {
  const { index, key, outcome, id } = entry;
  return { index, ...(key === undefined ? {} : { key: key.slice(0, 100) }), outcome, ...(id === undefined ? {} : { id }), ...(outcome === 'failed' ? { error: CUT } : {}) };
}

function cut(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 3)}...` : text;
}
