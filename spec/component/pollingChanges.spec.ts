import { expect } from 'chai';
import * as remove from '../../lib/actions/deleteObjectById';
import * as update from '../../lib/actions/updateObject';
import * as trigger from '../../lib/triggers/pollingEntity';
import { MEMORY_BUDGET_CHARS } from '../../lib/triggers/polling/memory';
import { Simulator } from '../../simulator';
import { Emitted, apiRequests, nextScheduledTick, run, simulatorWith } from '../helpers/component';

type Cfg = Awaited<ReturnType<typeof simulatorWith>>['cfg'];
type Row = Record<string, unknown>;
const ids = (output: Emitted, key = 'itemID') => output.data.map((body) => (body as Row)[key] as number);

describe('trigger pollingEntity: every change a sync needs', () => {
  let sim: Simulator;
  let cfg: Cfg;
  afterEach(() => sim?.close());

  /** Runs the trigger from the last snapshot of `previous` (or none); the run's output. */
  async function poll(step: Row, previous?: Emitted): Promise<Emitted & { thrown?: Error }> {
    const output = await run(trigger, {}, cfg(step), previous?.snapshots.at(-1));
    expect(output.thrown, output.thrown?.message).to.equal(undefined);
    return output;
  }

  describe('archived records (includeArchived)', () => {
    beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 120, archivedItems: 0 })));

    it('an Item archived between two runs is emitted once more, with archived: true, when the field is on', async () => {
      const step = { objectType: 'Item', includeArchived: true };
      const first = await poll(step);
      expect(ids(first)).to.have.length(120);
      expect(apiRequests(sim)[0]).to.contain('archived=true');
      expect((await run(remove, { id: 7 }, cfg({ objectType: 'Item' }))).thrown).to.equal(undefined);
      await nextScheduledTick();
      const second = await poll(step, first);
      expect(second.data).to.have.length(1);
      expect(second.data[0]).to.include({ itemID: 7, archived: true });
      expect((await poll(step, second)).data).to.deep.equal([]);
    });

    it('...and not at all when it is off (Lightspeed lists active records only)', async () => {
      const step = { objectType: 'Item' };
      const first = await poll(step);
      await run(remove, { id: 7 }, cfg({ objectType: 'Item' }));
      await nextScheduledTick();
      expect((await poll(step, first)).data).to.deep.equal([]);
      expect(apiRequests(sim).some((line) => line.includes('archived='))).to.equal(false);
    });
  });

  describe('late-visible changes (lookbackSeconds)', () => {
    beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 50, archivedItems: 0 })));

    /** Polls everything, then one fresh change so that the keyset stands at "now". */
    async function caughtUp(step: Row): Promise<Emitted> {
      const first = await poll(step);
      sim.touch('Item', [3]);
      await nextScheduledTick();
      const second = await poll(step, first);
      expect(ids(second)).to.deep.equal([3]);
      return second;
    }

    it('a record made visible late, 5 s behind the last emitted value, is emitted exactly once with a 60 s lookback', async () => {
      const step = { objectType: 'Item', lookbackSeconds: 60 };
      const second = await caughtUp(step);
      sim.touchLate('Item', [9], 5000);
      const third = await poll(step, second);
      expect(ids(third)).to.deep.equal([9]);
      expect(third.data[0]).to.include({ timeStamp: String(sim.store.get('Item', 9)?.timeStamp) });
      const fourth = await poll(step, third);
      expect(fourth.data).to.deep.equal([]);
      sim.touch('Item', [9]); // a later change of the same record is a change: emitted again
      await nextScheduledTick();
      expect(ids(await poll(step, fourth))).to.deep.equal([9]);
    });

    it('with lookback 0 the late record is never emitted, and the snapshot is what it always was', async () => {
      const step = { objectType: 'Item', lookbackSeconds: 0 };
      const second = await caughtUp(step);
      expect(Object.keys(second.snapshots.at(-1) ?? {}).sort()).to.deep.equal(['lastId', 'lastValue', 'objectType', 'pollingField']);
      sim.touchLate('Item', [9], 5000);
      expect((await poll(step, second)).data).to.deep.equal([]);
    });

    it('a snapshot made without a lookback is resumed without emitting anything again', async () => {
      const second = await caughtUp({ objectType: 'Item', lookbackSeconds: 0 });
      const resumed = await poll({ objectType: 'Item', lookbackSeconds: 60 }, second);
      expect(resumed.data).to.deep.equal([]);
      expect(resumed.snapshots.at(-1)).to.have.property('seenFrom');
    });
  });

  it('10,000 changes inside one window: the snapshot stays within its bound, nothing is lost, nothing comes more than twice', async function () {
    this.timeout(120_000);
    // The simulator's clock ten minutes back: 10 batches of 1,000 changes, 5 s apart, all inside one 60 s window.
    let clock = Date.now() - 600_000;
    ({ sim, cfg } = await simulatorWith({ items: 10_000, archivedItems: 0, now: () => clock }));
    const step = { objectType: 'Item', lookbackSeconds: 60, emitBehavior: 'emitPage' };
    const seeded = await poll(step);
    const all = Array.from({ length: 10_000 }, (_, i) => i + 1);
    for (let batch = 0; batch < 10; batch += 1) {
      clock += 5000;
      sim.touch('Item', all.slice(batch * 1000, (batch + 1) * 1000));
    }
    const runs = [await poll(step, seeded)];
    for (let i = 0; i < 2; i += 1) runs.push(await poll(step, runs.at(-1)));

    const emitted = runs.flatMap((output) => output.data.flatMap((body) => (body as { results: Row[] }).results.map((record) => record.itemID as number)));
    const counts = new Map<number, number>();
    for (const id of emitted) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).to.deep.equal(all);
    expect(Math.max(...counts.values())).to.equal(2);
    expect(runs[2].data, 'the third run finds nothing').to.deep.equal([]);
    for (const output of runs) {
      for (const snapshot of output.snapshots) expect((snapshot.seen as string).length).to.be.at.most(MEMORY_BUDGET_CHARS);
    }
    expect(JSON.stringify(runs[0].snapshots.at(-1)).length).to.be.below(MEMORY_BUDGET_CHARS + 300);
    expect(runs[0].logs.join('\n')).to.match(/More Item records changed inside the 60 s lookback than its memory keeps/);
  });

  describe('Sale: any change by default', () => {
    beforeEach(async () => ({ sim, cfg } = await simulatorWith({ sales: 30 })));

    it('polls timeStamp and updatetime together: every sale once, those without updatetime included', async () => {
      const first = await poll({ objectType: 'Sale' });
      expect(ids(first, 'saleID')).to.have.members(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(ids(first, 'saleID')).to.have.length(30);
      expect(first.snapshots.at(-1)).to.include({ pollingField: 'timeStamp|updatetime' });
      const requests = apiRequests(sim).map((line) => decodeURIComponent(line));
      expect(requests.some((line) => line.includes('sort=timeStamp'))).to.equal(true);
      expect(requests.some((line) => line.includes('sort=updatetime'))).to.equal(true);
    });

    it('a Sale edited after completion is emitted with the default field, and missed by timeStamp alone', async () => {
      const byDefault = await poll({ objectType: 'Sale' });
      const byTimeStamp = await poll({ objectType: 'Sale', pollingField: 'timeStamp' });
      const edited = await run(update, { saleID: 7, referenceNumber: 'edited after completion' }, cfg({ objectType: 'Sale' }));
      expect(edited.data[0]).to.include({ saleID: 7, completed: true });
      await nextScheduledTick();
      const next = await poll({ objectType: 'Sale' }, byDefault);
      expect(ids(next, 'saleID')).to.deep.equal([7]);
      expect(next.data[0]).to.include({ referenceNumber: 'edited after completion' });
      expect((await poll({ objectType: 'Sale', pollingField: 'timeStamp' }, byTimeStamp)).data).to.deep.equal([]);
      expect((await poll({ objectType: 'Sale' }, next)).data, 'and only once').to.deep.equal([]);
    });

    it('an existing snapshot keeps the field it was made with', async () => {
      const byTimeStamp = await poll({ objectType: 'Sale', pollingField: 'timeStamp' });
      const resumed = await poll({ objectType: 'Sale' }, byTimeStamp);
      expect(resumed.data).to.deep.equal([]);
      expect(resumed.snapshots.at(-1)).to.include({ pollingField: 'timeStamp' });
    });
  });
});
