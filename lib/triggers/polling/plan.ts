import { JsonRecord } from '../../catalog/records';
import { PollingConfig } from './config';
import { EmittedMemory, MemorySnapshot } from './memory';
import { epochSeconds, lightspeedTime } from './time';

/** Where one polling field stands: a few short strings, plus the lookback's memory when there is one. */
export interface FieldState extends MemorySnapshot {
  /** sorted: polling-field value of the last record emitted (the keyset's high-water mark). */
  lastValue?: string;
  /** Primary key of the last record emitted (sorted: among those with lastValue; window: in this window). */
  lastId?: number;
  /** window: start of the next window (inclusive). */
  since?: string;
  /** window: end of the window being walked, while a run is unfinished. */
  windowEnd?: string;
}

/** What the platform stores between runs. One field's state inline; a pair of fields (`timeStamp|updatetime`) in `fields`. */
export interface PollingSnapshot extends FieldState {
  objectType: string;
  pollingField: string;
  fields?: Record<string, FieldState>;
  /** Digest of the step's filters the position was reached with; absent without filters. */
  filters?: string;
}

/** A page's records this pass emits, and whether the pass is past its upper bound (no later page can hold more). */
export interface Selection {
  records: JsonRecord[];
  done: boolean;
}

/** One query of a run: a polling field's lower bound and sort, and the bookkeeping of what it emitted. */
export interface PollingPass {
  field: string;
  /** Query parameters: the lower bound and the sort. The upper bound is the pass's own (see `select`). */
  params: Record<string, string>;
  /** The records of a page this pass emits: new to it, and inside its time bounds. */
  select(records: JsonRecord[]): Selection;
  /** Notes that a page's selected records were emitted, in the order `select` gave them. */
  advance(records: JsonRecord[]): void;
}

/** One run: its passes (one per polling field), the snapshot after each page, and what to warn about. */
export interface PollingPlan {
  passes: PollingPass[];
  /** Snapshot to store after a page. */
  snapshot(): PollingSnapshot;
  /** Snapshot to store when the run walked every page. */
  finished(): PollingSnapshot;
  /** Set when the lookback's memory had to forget records to stay within its budget. */
  overflowNote(): string | undefined;
  /** Set when the step's filters are not the ones the stored position was reached with. */
  filtersNote?: string;
}

/** A field's pass plus the state it leaves for the next run. */
interface FieldPlan {
  pass: PollingPass;
  state(): FieldState;
  finished(): FieldState;
  memory: EmittedMemory;
}

/** The plan for this run, resuming from `previous` when it belongs to the same entity and polling field. */
export function planRun(config: PollingConfig, previous: PollingSnapshot | undefined, nowMs: number): PollingPlan {
  const base: PollingSnapshot = { objectType: config.entity.name, pollingField: config.polling.field };
  if (config.filtersDigest) base.filters = config.filtersDigest;
  const sameStream = previous !== undefined && previous.objectType === base.objectType && previous.pollingField === base.pollingField;
  const filtersChanged = sameStream && previous.filters !== base.filters;
  // New filters go on from the stored position; with a Start time the user asks for their history too.
  const kept = sameStream && !(filtersChanged && config.startTime) ? previous : undefined;
  // The lookback's memory knows what the old filters emitted: records behind the position that only the new ones
  // match would look late to it. They are history, not late: the memory starts again empty.
  const resumable = kept && filtersChanged ? forgetEmitted(kept) : kept;
  // The upper bound is fixed when the run starts, one second back: records changed during the run (stamped now,
  // at second precision) all come in the next run, never half in this one.
  const upper = lightspeedTime(Math.min(nowMs - 1000, config.endTime ? Date.parse(config.endTime) : Infinity));
  const fields = config.polling.fields;
  const single = fields.length === 1;
  const plans = fields.map((field) => fieldPlan(config, field, upper, single ? resumable : resumable?.fields?.[field]));
  if (!single) oneChangeOnePass(config, plans);
  const snapshot = (state: (plan: FieldPlan) => FieldState): PollingSnapshot => (single
    ? { ...base, ...state(plans[0]) }
    : { ...base, fields: Object.fromEntries(plans.map((plan) => [plan.pass.field, state(plan)])) });
  return {
    passes: plans.map((plan) => plan.pass),
    snapshot: () => snapshot((plan) => plan.state()),
    finished: () => snapshot((plan) => plan.finished()),
    overflowNote: () => overflowNote(config, plans),
    filtersNote: filtersChanged ? filtersNote(config) : undefined,
  };
}

/** The snapshot's position without the lookback's memory, for each field. */
function forgetEmitted(snapshot: PollingSnapshot): PollingSnapshot {
  const result = positionOnly(snapshot);
  if (snapshot.fields) result.fields = Object.fromEntries(Object.entries(snapshot.fields).map(([name, state]) => [name, positionOnly(state)]));
  return result;
}

function positionOnly<T extends FieldState>(state: T): T {
  const position = { ...state };
  for (const key of ['seen', 'seenFrom', 'recheckFrom'] as const) delete position[key];
  return position;
}

function filtersNote(config: PollingConfig): string {
  const what = `${config.entity.name}: the filters changed since the last run`;
  return config.startTime
    ? `${what}: reading again from Start time ${config.startTime} with the new filters`
    : `${what}: going on from the stored position with the new filters (set Start time to read earlier records with them)`;
}

function fieldPlan(config: PollingConfig, field: string, upper: string, previous: FieldState | undefined): FieldPlan {
  const memory = EmittedMemory.restore(previous, config.lookbackSeconds);
  const plan = config.polling.strategy === 'sorted'
    ? sortedPlan(config, field, upper, previous, memory)
    : windowPlan(config, field, upper, previous, memory);
  Object.assign(plan.pass.params, config.filters);
  if (config.includeArchived) plan.pass.params.archived = 'true';
  return plan;
}

function sortedPlan(config: PollingConfig, field: string, upper: string, previous: FieldState | undefined, memory: EmittedMemory): FieldPlan {
  const pk = config.entity.primaryKey as string;
  let lastValue = previous?.lastValue ?? config.startTime;
  let lastId = previous?.lastValue ? previous.lastId ?? 0 : 0;
  const resumeMs = lastValue === undefined ? Number.NaN : Date.parse(lastValue);
  const resumeId = lastId;
  const upperMs = Date.parse(upper);
  const from = lastValue === undefined ? undefined : lightspeedTime(memory.queryFrom(epochSeconds(lastValue)) * 1000);
  // Records come in (field, id) order: once one is past the resume point, so is every later one. Before it, the
  // lookback's window: a record there is emitted only when the memory has not seen it (it became visible late).
  let pastResumePoint = lastValue === undefined;
  const late = new WeakSet<JsonRecord>();
  const isNew = (record: JsonRecord): boolean => {
    if (pastResumePoint) return true;
    const valueMs = Date.parse(String(record[field]));
    const order = Math.sign(valueMs - resumeMs);
    pastResumePoint = order > 0 || (order === 0 && Number(record[pk]) > resumeId);
    if (pastResumePoint) return true;
    const wanted = memory.wantsBehind(Number(record[pk]), Math.floor(valueMs / 1000));
    if (wanted) late.add(record);
    return wanted;
  };
  const state = (): FieldState => ({ lastValue, lastId, ...memory.snapshot(lastValue === undefined ? undefined : epochSeconds(lastValue)) });
  return {
    pass: {
      field,
      params: { [field]: boundFilter(from, upper), sort: field },
      select: (records) => {
        // Sorted ascending: when the page's last record is inside the bound, all are (one date parse per page).
        const last = records.at(-1);
        const done = last !== undefined && Date.parse(String(last[field])) > upperMs;
        const inside = done ? records.filter((record) => !(Date.parse(String(record[field])) > upperMs)) : records;
        return { records: inside.filter(isNew), done };
      },
      // Late records come first (they sort before the resume point); the rest, ascending, move the high-water mark.
      advance: (records) => {
        const ahead = records.filter((record) => !late.has(record));
        for (const record of records) if (late.has(record)) memory.remember(Number(record[pk]), epochSeconds(record[field]));
        const newest = ahead.at(-1);
        if (!newest) return;
        lastValue = String(newest[field]);
        lastId = Number(newest[pk]);
        const windowStart = epochSeconds(lastValue) - config.lookbackSeconds;
        rememberWindow(memory, ahead, field, pk, windowStart);
        // Past the resume point no record is checked against the memory any more: what left the window can go.
        memory.forgetBefore(windowStart);
      },
    },
    state,
    finished: state,
    memory,
  };
}

/**
 * Remembers the records of an ascending run that fall inside the window ending at the last one: found by binary
 * search, so a backfill of old records parses a handful of dates per page, not one per record.
 */
function rememberWindow(memory: EmittedMemory, ascending: JsonRecord[], field: string, pk: string, windowStart: number): void {
  if (!memory.enabled) return;
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (epochSeconds(ascending[middle][field]) < windowStart) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < ascending.length; i += 1) memory.remember(Number(ascending[i][pk]), epochSeconds(ascending[i][field]));
}

function windowPlan(config: PollingConfig, field: string, upper: string, previous: FieldState | undefined, memory: EmittedMemory): FieldPlan {
  const pk = config.entity.primaryKey as string;
  // An unfinished window is walked again from where it stopped; a finished one moves on.
  const since = previous?.since ?? config.startTime;
  const windowEnd = previous?.windowEnd ?? upper;
  const windowEndMs = Date.parse(windowEnd);
  const sinceS = since === undefined ? undefined : epochSeconds(since);
  // The lookback reaches back before the window; in ID order its records are mixed with the window's.
  const from = sinceS === undefined ? undefined : lightspeedTime(memory.queryFrom(sinceS) * 1000);
  let lastId = previous?.windowEnd ? previous.lastId ?? 0 : 0;
  const params: Record<string, string> = { [field]: boundFilter(from, windowEnd) };
  if (config.entity.sortable.includes(pk)) params.sort = pk;
  const isNew = (record: JsonRecord): boolean => {
    if (Number(record[pk]) <= lastId) return false;
    const value = epochSeconds(record[field]);
    if (value * 1000 > windowEndMs) return false; // the next window's
    return sinceS === undefined || value >= sinceS || memory.wantsBehind(Number(record[pk]), value);
  };
  // What the next window's lookback reads again: the records emitted there must be in the memory it gets.
  const nextReach = epochSeconds(windowEnd) - config.lookbackSeconds;
  // While a window is unfinished, `lastId` says what a resumed walk already emitted; the memory keeps the range the
  // window started with, and adds what the window emitted within the next one's reach (see `unfinished`).
  const state = (): FieldState => ({ since, windowEnd, lastId, ...memory.unfinished() });
  return {
    pass: {
      field,
      params,
      // In ID order a later page may still hold records of the window: its end is filtered here, page by page.
      select: (records) => ({ records: records.filter(isNew), done: false }),
      advance: (records) => {
        for (const record of records) {
          const value = epochSeconds(record[field]);
          if (value >= nextReach) memory.remember(Number(record[pk]), value);
        }
        if (records.length > 0) lastId = Number(records[records.length - 1][pk]);
      },
    },
    state,
    // Lightspeed's times have second precision: the next window starts one second after this one ends.
    finished: () => ({ since: lightspeedTime(windowEndMs + 1000), ...memory.snapshot(epochSeconds(windowEnd)) }),
    memory,
  };
}

/**
 * Sale's timeStamp and updatetime: one change often moves both, and a run reads both. Each change is emitted by one
 * pass only, told by the record itself: the updatetime pass's when updatetime is set, not behind timeStamp (it moved
 * with the last change) and not past End time (that pass never reads beyond it); else the timeStamp pass's (older
 * sales leave updatetime empty). The passes share nothing that lives only in one run, so a run that fails between
 * them leaves the next nothing to emit twice.
 */
function oneChangeOnePass(config: PollingConfig, plans: FieldPlan[]): void {
  const [first, second] = config.polling.fields;
  const endS = config.endTime ? epochSeconds(config.endTime) : Infinity;
  const secondEmits = (record: JsonRecord): boolean => {
    const secondS = epochSeconds(record[second]); // NaN when empty: never true
    return secondS <= endS && !(epochSeconds(record[first]) > secondS);
  };
  plans.forEach(({ pass }, index) => leaveOut(pass, index === 0 ? secondEmits : (record) => !secondEmits(record)));
}

/** Makes `pass` leave out the records `others` says another pass emits; it steps over them all the same, in page order. */
function leaveOut(pass: PollingPass, others: (record: JsonRecord) => boolean): void {
  const { select, advance } = pass;
  let selected: JsonRecord[] = [];
  pass.select = (records) => {
    const selection = select(records);
    selected = selection.records;
    return { ...selection, records: selected.filter((record) => !others(record)) };
  };
  pass.advance = (records) => {
    const emitted = new Set(records);
    advance(selected.filter((record) => emitted.has(record) || others(record)));
  };
}

function overflowNote(config: PollingConfig, plans: FieldPlan[]): string | undefined {
  const notes = plans.flatMap(({ pass, memory }) => (memory.overflow
    ? [`${pass.field}: ${memory.overflow.forgotten} changed seconds older than ${lightspeedTime(memory.overflow.before * 1000)}`]
    : []));
  if (notes.length === 0) return undefined;
  return `More ${config.entity.name} records changed inside the ${config.lookbackSeconds} s lookback than its memory keeps `
    + `(${notes.join('; ')}): the next run emits the records it finds there once more, then looks back only from there.`;
}

/**
 * The filter Lightspeed is asked for: `>=,from`, or `<=,to` on a first run without a start. Lightspeed documents
 * `><` (between) only for numbers, so a range on a datetime is never sent: the upper bound is applied here.
 */
function boundFilter(from: string | undefined, to: string): string {
  return from === undefined ? `<=,${to}` : `>=,${from}`;
}
