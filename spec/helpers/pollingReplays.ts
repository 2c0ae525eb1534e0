/**
 * Replays of a polling property: the runs of a trigger against a PollingWorld without failures, and forks of them that
 * fail at each point of a run (the next page's request, a record's or a page's message, a snapshot) and go on.
 */
import { expect } from 'chai';
import * as pollingEntity from '../../lib/triggers/pollingEntity';
import { Simulator } from '../../simulator';
import { Prng } from '../../simulator/prng';
import { getContext } from './component';
import { PollingWorld } from './pollingWorld';

type Row = Record<string, unknown>;

/** Where an injected failure stops a run. */
interface Fault {
  /** `request`: the API request after the `index`-th snapshot (0: the run's first); `data`, `snapshot`: that emit. */
  kind: 'request' | 'data' | 'snapshot';
  index: number;
}

/** One run as the platform saw it. */
interface RunOutcome {
  /** States emitted, in order. */
  states: string[];
  /** States emitted after the last snapshot stored: a failed run's only repeatable records. */
  tail: string[];
  emittedRows: Row[];
  snapshot: unknown;
  snapshots: number;
  /** Records emitted before each stored snapshot. */
  pages: number[];
  error?: Error;
}

/** A sequence of runs with its own snapshot: the one without failures, or one forked from it. */
interface Replay {
  name: string;
  snapshot: unknown;
  emitted: string[];
  rows: Row[];
  /** How often a state may come: once, plus once for each failed run that emitted it after its last snapshot. */
  allowed: Map<string, number>;
  chaos?: Prng;
}

/** Runs in a replay: the first, five after bursts of changes, two to end with. */
const RUNS = 8;

/**
 * The runs without failures; for each point of two runs (the first, and one after a burst of changes) a fork that
 * fails there and goes on; and a few runs that fail at random points, several in a row.
 */
export async function playAll(sim: Simulator, world: PollingWorld, step: Row, seed: string, individually: boolean, tick: (ms: number) => void): Promise<Replay[]> {
  const rng = new Prng(`${seed}:schedule`);
  const base = replay('no failure');
  const forks: Replay[] = [];
  const chaotic = [1, 2].map((i) => ({ ...replay(`chaos ${i}`), chaos: new Prng(`${seed}:chaos ${i}`) }));
  const victims = [0, rng.int(1, RUNS - 3)];
  for (let run = 0; run < RUNS; run += 1) {
    if (run > 0 && run < RUNS - 2) world.burst(rng.int(2, 8), tick);
    if (run === RUNS - 2) world.reveal(true);
    tick(run >= RUNS - 2 ? 2000 : rng.int(2, 25) * 1000);
    world.reveal();
    const before = copy(base);
    const outcome = await runOnce(sim, world, step, base.snapshot);
    expect(outcome.error, `run ${run + 1} without failure`).to.equal(undefined);
    record(base, outcome);
    // The last two runs never fail: a resumed window ends that window, the next run walks the rest.
    const chaos = (other: Replay): Fault | undefined => (other.chaos && run < RUNS - 2 ? chaosFault(other.chaos) : undefined);
    for (const other of [...forks, ...chaotic]) record(other, await runOnce(sim, world, step, other.snapshot, chaos(other)));
    for (const fault of victims.includes(run) ? faultsOf(outcome, individually, rng) : []) {
      const fork = { ...copy(before), name: `run ${run + 1} failing at ${fault.kind} ${fault.index}` };
      record(fork, await runOnce(sim, world, step, before.snapshot, fault));
      forks.push(fork);
    }
  }
  return [base, ...forks, ...chaotic];
}

function replay(name: string): Replay {
  return { name, snapshot: undefined, emitted: [], rows: [], allowed: new Map() };
}

function copy(from: Replay): Replay {
  return { ...from, emitted: [...from.emitted], rows: [...from.rows], allowed: new Map(from.allowed) };
}

function record(replay: Replay, outcome: RunOutcome): void {
  if (process.env.POLLING_TRACE === replay.name) {
    const failed = outcome.error ? ` FAILED (${outcome.error.message}), may repeat: ${outcome.tail.join(' ')}` : '';
    console.log(`${new Date().toISOString()} emitted: ${outcome.states.join(' ')}${failed}\n  snapshot: ${JSON.stringify(outcome.snapshot)}`);
  }
  replay.emitted.push(...outcome.states);
  replay.rows.push(...outcome.emittedRows);
  replay.snapshot = outcome.snapshot;
  if (outcome.error) for (const state of outcome.tail) replay.allowed.set(state, (replay.allowed.get(state) ?? 1) + 1);
}

/** Every page boundary (the next request fails), every page's snapshot, and for single records k of a page's n. */
function faultsOf(outcome: RunOutcome, individually: boolean, rng: Prng): Fault[] {
  const faults: Fault[] = [];
  for (let index = 0; index < outcome.snapshots; index += 1) faults.push({ kind: 'request', index });
  for (let index = 1; index <= outcome.snapshots; index += 1) faults.push({ kind: 'snapshot', index });
  if (!individually) return faults;
  let before = 0;
  for (const records of outcome.pages) {
    if (records >= 2) faults.push({ kind: 'data', index: before + rng.int(1, records - 1) + 1 });
    before += records;
  }
  return faults;
}

function chaosFault(rng: Prng): Fault | undefined {
  if (rng.next() < 0.5) return undefined;
  const kind = rng.pick(['request', 'data', 'snapshot'] as const);
  return { kind, index: rng.int(kind === 'request' ? 0 : 1, 6) };
}

/** One run of the Polling entity trigger from `previous`; `fault` stops it with an error where it says. */
async function runOnce(sim: Simulator, world: PollingWorld, step: Row, previous: unknown, fault?: Fault): Promise<RunOutcome> {
  const context = getContext();
  const deliver = context.emit;
  const outcome: RunOutcome = { states: [], tail: [], emittedRows: [], snapshot: previous, snapshots: 0, pages: [] };
  const failNextRequest = (): void => sim.setOptions({ failures: [{ status: 400, count: 1 }] });
  if (fault?.kind === 'request' && fault.index === 0) failNextRequest();
  let data = 0;
  let snapshots = 0;
  let page = 0;
  context.emit = async (event: string, payload?: unknown) => {
    if (event === 'data' && fault?.kind === 'data' && fault.index === ++data) throw new Error('injected: the process stopped before this message');
    if (event === 'snapshot' && fault?.kind === 'snapshot' && fault.index === ++snapshots) throw new Error('injected: the process stopped before this snapshot');
    await deliver(event, payload);
    if (event === 'data') {
      const body = (payload as { body: Row }).body;
      const rows = Array.isArray(body.results) ? body.results as Row[] : [body];
      outcome.emittedRows.push(...rows);
      outcome.states.push(...rows.map((row) => world.state(row)));
      outcome.tail.push(...rows.map((row) => world.state(row)));
      page += rows.length;
    }
    if (event === 'snapshot') {
      outcome.snapshot = payload;
      outcome.snapshots += 1;
      outcome.pages.push(page);
      outcome.tail = [];
      page = 0;
      if (fault?.kind === 'request' && fault.index === outcome.snapshots) failNextRequest();
    }
  };
  try {
    await pollingEntity.process.call(context, { id: 'msg-1', body: {}, headers: {} }, step, previous as never);
  } catch (error) {
    outcome.error = error as Error;
    // Only the injected failures: any other is a finding of its own.
    if (!/injected|Injected failure 400/.test(outcome.error.message)) throw error;
  }
  sim.setOptions({ failures: [] });
  return outcome;
}

/** Each record's last state emitted, nothing the Filters leave out, and no state twice beyond a failed run's tail. */
export function check(replay: Replay, world: PollingWorld, filtered: boolean, where: string): void {
  const last = new Map<number, string>();
  for (const row of replay.rows) last.set(Number(row[world.path.key]), world.state(row));
  const missed = [...world.expected(filtered)].filter(([id, state]) => last.get(id) !== state)
    .map(([id, state]) => `${state} (last emitted: ${last.get(id) ?? 'never'})`);
  expect(missed, `${where}: records whose last state was not emitted`).to.deep.equal([]);
  if (filtered) {
    const { field, value } = world.path.filter;
    const outside = replay.rows.filter((row) => String(row[field]) !== value).map((row) => world.state(row));
    expect(outside, `${where}: records the Filters leave out`).to.deep.equal([]);
  }
  const counts = new Map<string, number>();
  for (const state of replay.emitted) counts.set(state, (counts.get(state) ?? 0) + 1);
  const repeated = [...counts].filter(([state, count]) => count > (replay.allowed.get(state) ?? 1)).map(([state, count]) => `${state} x${count}`);
  expect(repeated, `${where}: states emitted more often than a failed run may repeat them`).to.deep.equal([]);
}
