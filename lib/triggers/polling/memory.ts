/**
 * The lookback's memory: the (polling value, id) pairs a run emitted inside its window, so that the next run can read
 * the window again and emit only what it has not emitted before (a record that became visible late), never a record
 * twice for the same change. Kept in the snapshot within a fixed budget.
 */

import { epochSeconds, lightspeedTime } from './time';

/** The memory's part of a snapshot; absent when the lookback is 0 (the snapshot is then what it always was). */
export interface MemorySnapshot {
  /** Emitted pairs, compact: see `encode`. */
  seen?: string;
  /**
   * Every record emitted with a polling value at or after this is in `seen`; while a window is unfinished, of those
   * the window emitted, only the ones within the next window's lookback (see `unfinished`).
   */
  seenFrom?: string;
  /** After an overflow: [recheckFrom, seenFrom) was forgotten; the next run emits what it finds there once more. */
  recheckFrom?: string;
}

/**
 * The most `seen` may take in the snapshot. elastic.io keeps snapshots small: 16 KB hold about 3,000 changes inside
 * one window (4 to 6 characters each), far more than a store makes in the default minute.
 */
export const MEMORY_BUDGET_CHARS = 16_384;

type Groups = Map<number, Set<number>>;

/** Lookback memory of one polling field. Times are whole seconds (Lightspeed stamps to the second). */
export class EmittedMemory {
  private readonly groups: Groups;
  private readonly seenFrom: number | undefined;
  private readonly recheckFrom: number | undefined;
  /** Start of what this run reads, once `queryFrom` was asked: what the memory knows after a run without history. */
  private readFrom: number | undefined;
  /** Set after a snapshot had to forget entries, for the log. */
  overflow: { forgotten: number; before: number } | undefined;

  private constructor(private readonly lookbackS: number, previous: MemorySnapshot | undefined) {
    this.groups = previous?.seen ? decode(previous.seen) : new Map();
    this.seenFrom = seconds(previous?.seenFrom);
    this.recheckFrom = seconds(previous?.recheckFrom);
  }

  /** The memory of a previous snapshot; with lookback 0 one that remembers nothing and changes nothing. */
  static restore(previous: MemorySnapshot | undefined, lookbackSeconds: number): EmittedMemory {
    return new EmittedMemory(lookbackSeconds, lookbackSeconds > 0 ? previous : undefined);
  }

  get enabled(): boolean {
    return this.lookbackS > 0;
  }

  /** Where this run reads from, when the keyset resumes at `resume` (seconds): the lookback, but never below what is known. */
  queryFrom(resume: number): number {
    const known = this.recheckFrom ?? this.seenFrom;
    this.readFrom = this.enabled && known !== undefined ? Math.max(resume - this.lookbackS, known) : resume;
    return this.readFrom;
  }

  /** For a record at or behind the resume point: true when this run must emit it (late, or forgotten). */
  wantsBehind(id: number, value: number): boolean {
    if (!this.enabled || this.seenFrom === undefined) return false;
    if (value < this.seenFrom) return true; // only the forgotten stretch is read below seenFrom
    return !this.groups.get(value)?.has(id);
  }

  remember(id: number, value: number): void {
    if (!this.enabled || !Number.isFinite(value)) return;
    let ids = this.groups.get(value);
    if (!ids) this.groups.set(value, (ids = new Set()));
    ids.add(id);
  }

  /** Drops what is older than `value`: nothing of it will be asked again in this run. */
  forgetBefore(value: number): void {
    for (const key of this.groups.keys()) if (key < value) this.groups.delete(key);
  }

  /**
   * The memory's snapshot while a window is unfinished. `seen` holds every pair known, those the window emitted so
   * far included: the next window must not take them for late. `seenFrom` and `recheckFrom` stay as the window
   * found them, so that a resumed walk reads the same range and takes the same records for late; but beyond the
   * budget the oldest pairs go, `seenFrom` moves past them and `recheckFrom` keeps the range: the resumed walk emits
   * what it finds there once more, and the window's end lets the stretch go, as after any overflow.
   */
  unfinished(): MemorySnapshot {
    if (!this.enabled) return {};
    const values = [...this.groups.keys()].sort((a, b) => a - b);
    const fitting = newestThatFit(values, this.groups);
    const forgotten = values.length - fitting.length;
    const snapshot: MemorySnapshot = {};
    if (values.length > 0 || this.seenFrom !== undefined) snapshot.seen = encode(fitting, this.groups);
    const seenFrom = forgotten > 0 ? Math.max(fitting[0] ?? values[values.length - 1] + 1, this.seenFrom ?? -Infinity) : this.seenFrom;
    // Without history the walk reads from where it started: that is the range to keep.
    const recheckFrom = forgotten > 0 ? this.recheckFrom ?? this.seenFrom ?? this.readFrom : this.recheckFrom;
    this.overflow = forgotten > 0 ? { forgotten, before: seenFrom as number } : undefined;
    if (seenFrom !== undefined) snapshot.seenFrom = iso(seenFrom);
    if (recheckFrom !== undefined && recheckFrom !== seenFrom) snapshot.recheckFrom = iso(recheckFrom);
    return snapshot;
  }

  /**
   * The memory's snapshot when the keyset stands at `highWater` (seconds): the window behind it, within the budget.
   * A forgotten stretch was emitted again by this run and leaves the window; one this run knew from the start holds.
   */
  snapshot(highWater: number | undefined): MemorySnapshot {
    if (!this.enabled || highWater === undefined) return {};
    // Without history the run knew nothing at its start value: ties there were emitted by an earlier run, unrecorded.
    const known = this.seenFrom ?? (this.readFrom === undefined ? -Infinity : this.readFrom + 1);
    const floor = Math.max(known, highWater - this.lookbackS);
    const kept = [...this.groups.keys()].filter((value) => value >= floor).sort((a, b) => a - b);
    const fitting = newestThatFit(kept, this.groups);
    const seenFrom = fitting.length < kept.length ? fitting[0] ?? highWater + 1 : floor;
    this.overflow = fitting.length < kept.length ? { forgotten: kept.length - fitting.length, before: seenFrom } : undefined;
    const snapshot: MemorySnapshot = { seen: encode(fitting, this.groups), seenFrom: iso(seenFrom) };
    if (seenFrom > floor) snapshot.recheckFrom = iso(floor);
    return snapshot;
  }
}

/** The newest values whose groups fit the budget, oldest first. */
function newestThatFit(values: number[], groups: Groups): number[] {
  let size = 0;
  let first = values.length;
  while (first > 0) {
    const ids = groups.get(values[first - 1]) as Set<number>;
    size += 12 + ids.size * 6; // a generous estimate per group and per id; `encode` is checked below
    if (size > MEMORY_BUDGET_CHARS) break;
    first -= 1;
  }
  let fitting = values.slice(first);
  while (fitting.length > 0 && encode(fitting, groups).length > MEMORY_BUDGET_CHARS) fitting = fitting.slice(1);
  return fitting;
}

/**
 * `time:ids;time:ids`, base 36: the first time in epoch seconds, later ones as the seconds since the one before;
 * ids sorted, each as its distance from the one before.
 */
function encode(values: number[], groups: Groups): string {
  let previousValue = 0;
  return values.map((value) => {
    const ids = [...(groups.get(value) as Set<number>)].sort((a, b) => a - b);
    let previousId = 0;
    const idText = ids.map((id) => { const delta = id - previousId; previousId = id; return delta.toString(36); }).join(',');
    const text = `${(value - previousValue).toString(36)}:${idText}`;
    previousValue = value;
    return text;
  }).join(';');
}

function decode(text: string): Groups {
  const groups: Groups = new Map();
  let value = 0;
  for (const group of text.split(';')) {
    const [time, idText] = group.split(':');
    value += parseInt(time, 36);
    let id = 0;
    groups.set(value, new Set((idText ?? '').split(',').filter(Boolean).map((delta) => (id += parseInt(delta, 36)))));
  }
  return groups;
}

/** Whole seconds of an ISO time, or undefined. */
function seconds(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const result = epochSeconds(value);
  return Number.isNaN(result) ? undefined : result;
}

function iso(value: number): string {
  return lightspeedTime(value * 1000);
}
