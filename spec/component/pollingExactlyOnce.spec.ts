import { expect } from 'chai';
import sinon from 'sinon';
import * as newCustomers from '../../lib/triggers/newCustomers';
import * as pollingEntity from '../../lib/triggers/pollingEntity';
import { Simulator } from '../../simulator';
import { MEMORY_BUDGET_CHARS } from '../../lib/triggers/polling/memory';
import { Emitted, getContext, run, simulatorWith } from '../helpers/component';
import { check, playAll } from '../helpers/pollingReplays';
import { PATHS, PollingWorld } from '../helpers/pollingWorld';

type Cfg = Awaited<ReturnType<typeof simulatorWith>>['cfg'];
type Row = Record<string, unknown>;
type Trigger = Parameters<typeof run>[0];

describe('polling: exactly once through a run that fails part-way', () => {
  let sim: Simulator;
  let cfg: Cfg;
  let clock: sinon.SinonFakeTimers;
  // Date only: the runs' upper bound and the simulator's stamps follow this clock; timers stay real.
  beforeEach(() => { clock = sinon.useFakeTimers({ now: Date.parse('2026-03-02T10:00:00Z'), toFake: ['Date'] }); });
  afterEach(async () => { clock.restore(); await sim?.close(); });

  /**
   * Issue 31: 5 old customers, then 150 new ones. Run 1 emits the 5; run 2 emits page 1 (100 customers) and its
   * snapshot, then fails on page 2 (a refreshed access token refused too); run 3 resumes the window and emits the
   * other 50; run 4, the next window, must emit nothing.
   */
  for (const [name, trigger, step] of [
    ['New customers', newCustomers, {}],
    ['Polling entity, Customer by createTime', pollingEntity, { objectType: 'Customer', pollingField: 'createTime', loadRelations: ['Contact'] }],
  ] as Array<[string, Trigger, Row]>) {
    it(`${name}: each of 155 customers once, although run 2 failed on page 2`, async () => {
      ({ sim, cfg } = await simulatorWith({ items: 5, customers: 5, archivedCustomers: 0, sales: 0 }));
      const poll = (previous?: Emitted) => run(trigger, {}, cfg(step), previous?.snapshots.at(-1));
      const first = await poll();
      expect(first.thrown).to.equal(undefined);
      clock.tick(5000);
      for (let i = 0; i < 150; i += 1) sim.store.create('Customer', { firstName: `New ${i}`, lastName: 'Customer' });
      clock.tick(2000);
      sim.setOptions({ failures: [{ status: 401, count: 2, match: { path: /Customer\.json\?.*after=/ } }] });
      const second = await poll(first);
      expect(second.thrown, 'run 2 fails on page 2').to.be.an('error');
      expect(second.data).to.have.length(100);
      clock.tick(30_000);
      const third = await poll(second);
      expect(third.thrown).to.equal(undefined);
      clock.tick(30_000);
      const fourth = await poll(third);
      expect(fourth.thrown).to.equal(undefined);

      const emitted = [first, second, third, fourth].map((output) => output.data.map((body) => Number((body as Row).customerID)));
      expect(emitted.map((ids) => ids.length)).to.deep.equal([5, 100, 50, 0]);
      expect(emitted.flat().sort((a, b) => a - b)).to.deep.equal(Array.from({ length: 155 }, (_, i) => i + 1));
    });
  }

  it('a window with more customers than the lookback\'s memory keeps, failing part-way: each once, those of the failed page twice, none three times', async function () {
    this.timeout(60_000);
    ({ sim, cfg } = await simulatorWith({ items: 5, customers: 5, archivedCustomers: 0, sales: 0 }));
    const step = cfg({ objectType: 'Customer', pollingField: 'createTime' });
    const runs = [await run(pollingEntity, {}, step)];
    clock.tick(5000);
    for (let i = 0; i < 3000; i += 1) sim.store.create('Customer', { firstName: `New ${i}`, lastName: 'Customer' });
    clock.tick(2000);
    // The process stops before customer 2,851 of the window: page 29's first 50 were emitted, its snapshot was not.
    const context = getContext();
    const deliver = context.emit;
    context.emit = async (event: string, payload?: unknown) => {
      if (event === 'data' && context.emitted.data.length === 2850) throw new Error('the process stopped');
      await deliver(event, payload);
    };
    await pollingEntity.process.call(context, { id: 'msg-1', body: {}, headers: {} }, step, runs[0].snapshots.at(-1) as never).catch(() => undefined);
    runs.push(context.emitted);
    expect(context.emitted.data).to.have.length(2850);
    for (let i = 0; i < 3; i += 1) {
      clock.tick(10_000);
      runs.push(await run(pollingEntity, {}, step, runs.at(-1)?.snapshots.at(-1)));
    }

    const counts = new Map<number, number>();
    for (const body of runs.flatMap((output) => output.data)) counts.set(Number((body as Row).customerID), (counts.get(Number((body as Row).customerID)) ?? 0) + 1);
    expect(counts.size).to.equal(3005);
    const twice = [...counts].filter(([, count]) => count === 2).map(([id]) => id);
    expect(twice).to.deep.equal(Array.from({ length: 50 }, (_, i) => 2806 + i));
    expect(Math.max(...counts.values())).to.equal(2);
    for (const snapshot of runs.flatMap((output) => output.snapshots)) expect(String(snapshot.seen ?? '').length).to.be.at.most(MEMORY_BUDGET_CHARS);
  });

  /**
   * The property, seeded (POLLING_SEED=... runs another seed; POLLING_TRACE="<replay name>" prints that replay's
   * runs): on every path, records arrive between runs, several in one second, some visible late; each run of two is
   * made to fail at each of its points in turn, and some replays fail at random, several runs in a row. In the end
   * every record's last state was emitted, and no state more often than once plus once for each failed run that
   * emitted it after its last snapshot (docs/polling.md, "A run that fails").
   */
  describe('property: a failure at every page boundary, every record once with its last state', () => {
    const seed = process.env.POLLING_SEED ?? 'issue-31';
    // Each path with and without the lookback, one record or one page per message, with and without Filters.
    const variants: Array<[number, string, boolean]> = [[60, 'emitIndividually', false], [60, 'emitPage', true], [0, 'emitIndividually', true], [0, 'emitPage', false]];
    for (const path of PATHS) {
      for (const [lookbackSeconds, emitBehavior, filtered] of variants) {
        const name = `${path.name}, lookback ${lookbackSeconds} s, ${emitBehavior}${filtered ? ', Filters' : ''}`;
        it(name, async () => {
          const caseSeed = `${seed}:${name}`;
          ({ sim, cfg } = await simulatorWith({ items: 10, customers: 10, sales: 10, archivedItems: 0, archivedCustomers: 0 }));
          const step = cfg({
            ...path.step, lookbackSeconds, emitBehavior, pageSize: 4,
            ...(filtered ? { filters: { [path.filter.field]: `=,${path.filter.value}` } } : {}),
          });
          const world = new PollingWorld(sim, path, caseSeed, lookbackSeconds, () => Date.now());
          const replays = await playAll(sim, world, step, caseSeed, emitBehavior === 'emitIndividually', (ms) => clock.tick(ms));
          for (const replay of replays) check(replay, world, filtered, `seed "${seed}", ${name}, ${replay.name} (POLLING_SEED=${seed} replays it)`);
        });
      }
    }
  });
});

