import { JsonRecord } from '../../client/normalize';
import { PollingConfig, lightspeedTime } from './config';

/** What the platform stores between runs: a few short strings, far under its size limit. */
export interface PollingSnapshot {
  objectType: string;
  pollingField: string;
  /** sorted: polling-field value of the last record emitted. */
  lastValue?: string;
  /** Primary key of the last record emitted (sorted: among those with lastValue; window: in this window). */
  lastId?: number;
  /** window: start of the next window (inclusive). */
  since?: string;
  /** window: end of the window being walked, while a run is unfinished. */
  windowEnd?: string;
}

/** A page's records this run emits, and whether the run is past its upper bound (no later page can hold more). */
export interface Selection {
  records: JsonRecord[];
  done: boolean;
}

/** One run's query and its bookkeeping: which records are new, and the snapshot after each page. */
export interface PollingPlan {
  /** Query parameters: the lower bound and the sort. The upper bound is the plan's own (see `select`). */
  params: Record<string, string>;
  /** The records of a page this run emits: new to it, and inside its time bounds. */
  select(records: JsonRecord[]): Selection;
  /** Notes that `record` was emitted. */
  advance(record: JsonRecord): void;
  /** Snapshot to store after a page. */
  snapshot(): PollingSnapshot;
  /** Snapshot to store when the run walked every page. */
  finished(): PollingSnapshot;
}

/** The plan for this run, resuming from `previous` when it belongs to the same entity and field. */
export function planRun(config: PollingConfig, previous: PollingSnapshot | undefined, nowMs: number): PollingPlan {
  const base = { objectType: config.entity.name, pollingField: config.polling.field };
  const resumable = previous && previous.objectType === base.objectType && previous.pollingField === base.pollingField ? previous : undefined;
  // The upper bound is fixed when the run starts, one second back: records changed during the run (stamped now,
  // at second precision) all come in the next run, never half in this one.
  const upper = lightspeedTime(Math.min(nowMs - 1000, config.endTime ? Date.parse(config.endTime) : Infinity));
  const pk = config.entity.primaryKey as string;
  return config.polling.strategy === 'sorted'
    ? sortedPlan(base, config, pk, upper, resumable)
    : windowPlan(base, config, pk, upper, resumable);
}

function sortedPlan(
  base: PollingSnapshot, config: PollingConfig, pk: string, upper: string, previous: PollingSnapshot | undefined,
): PollingPlan {
  const field = config.polling.field;
  let lastValue = previous?.lastValue ?? config.startTime;
  let lastId = previous?.lastValue ? previous.lastId ?? 0 : 0;
  const resumeMs = lastValue === undefined ? Number.NaN : Date.parse(lastValue);
  const resumeId = lastId;
  const upperMs = Date.parse(upper);
  // Records come in (field, id) order: once one is past the resume point, so is every later one.
  let pastResumePoint = lastValue === undefined;
  const isNew = (record: JsonRecord): boolean => {
    if (pastResumePoint) return true;
    const order = Math.sign(Date.parse(String(record[field])) - resumeMs);
    pastResumePoint = order > 0 || (order === 0 && Number(record[pk]) > resumeId);
    return pastResumePoint;
  };
  const snapshot = () => ({ ...base, lastValue, lastId });
  return {
    params: { [field]: boundFilter(lastValue, upper), sort: field },
    select: (records) => {
      // Sorted ascending: when the page's last record is inside the bound, all are (one date parse per page).
      const last = records.at(-1);
      const done = last !== undefined && Date.parse(String(last[field])) > upperMs;
      const inside = done ? records.filter((record) => !(Date.parse(String(record[field])) > upperMs)) : records;
      return { records: inside.filter(isNew), done };
    },
    advance: (record) => {
      lastValue = String(record[field]);
      lastId = Number(record[pk]);
    },
    snapshot,
    finished: snapshot,
  };
}

function windowPlan(
  base: PollingSnapshot, config: PollingConfig, pk: string, upper: string, previous: PollingSnapshot | undefined,
): PollingPlan {
  const field = config.polling.field;
  // An unfinished window is walked again from where it stopped; a finished one moves on.
  const since = previous?.since ?? config.startTime;
  const windowEnd = previous?.windowEnd ?? upper;
  const windowEndMs = Date.parse(windowEnd);
  let lastId = previous?.windowEnd ? previous.lastId ?? 0 : 0;
  const params: Record<string, string> = { [field]: boundFilter(since, windowEnd) };
  if (config.entity.sortable.includes(pk)) params.sort = pk;
  return {
    params,
    // In ID order a later page may still hold records of the window: the end is filtered here, page by page.
    select: (records) => ({
      records: records.filter((record) => Number(record[pk]) > lastId && !(Date.parse(String(record[field])) > windowEndMs)),
      done: false,
    }),
    advance: (record) => { lastId = Number(record[pk]); },
    snapshot: () => ({ ...base, since, windowEnd, lastId }),
    // Lightspeed's times have second precision: the next window starts one second after this one ends.
    finished: () => ({ ...base, since: lightspeedTime(windowEndMs + 1000) }),
  };
}

/**
 * The filter Lightspeed is asked for: `>=,from`, or `<=,to` on a first run without a start. Lightspeed documents
 * `><` (between) only for numbers, so a range on a datetime is never sent: the upper bound is applied here.
 */
function boundFilter(from: string | undefined, to: string): string {
  return from === undefined ? `<=,${to}` : `>=,${from}`;
}
