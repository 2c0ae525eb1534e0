import { expect } from 'chai';
import * as trigger from '../../lib/triggers/pollingEntity';
import { Simulator } from '../../simulator';
import { apiRequests, nextScheduledTick, run, simulatorWith } from '../helpers/component';

type Cfg = Awaited<ReturnType<typeof simulatorWith>>['cfg'];
const itemIds = (data: unknown[]) => data.map((body) => (body as { itemID: number }).itemID);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('trigger pollingEntity (against the simulator)', () => {
  let sim: Simulator;
  let cfg: Cfg;
  afterEach(async () => { await sim?.close(); delete process.env.ELASTICIO_FLOW_TYPE; });

  describe('1,000 Items, 40 of them sharing one timeStamp across a page boundary', () => {
    beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 1000, tieGroupStart: 81, tieGroupSize: 40, archivedItems: 0 })));

    it('emits each record exactly once across three runs, in (timeStamp, itemID) order, with small snapshots', async () => {
      const step = cfg({ objectType: 'Item' });
      const first = await run(trigger, {}, step);
      expect(first.thrown).to.equal(undefined);
      expect(itemIds(first.data)).to.deep.equal(range(1, 1000));
      expect(first.snapshots).to.have.length(11); // one per page, one at the end
      expect(JSON.stringify(first.snapshots.at(-1)).length).to.be.lessThan(200);

      const second = await run(trigger, {}, step, first.snapshots.at(-1));
      expect(second.data).to.deep.equal([]);

      sim.touch('Item', [7, 500, 999]);
      await nextScheduledTick();
      const third = await run(trigger, {}, step, second.snapshots.at(-1));
      expect(itemIds(third.data)).to.deep.equal([7, 500, 999]);
    });

    it('pages of 30 put the tie group across two pages and still lose or repeat nothing', async () => {
      const result = await run(trigger, {}, cfg({ objectType: 'Item', pageSize: '30' }));
      expect(itemIds(result.data)).to.deep.equal(range(1, 1000));
      expect(apiRequests(sim)[0]).to.match(/limit=30/);
    });

    it('a run killed after page k resumes from the last snapshot, repeating nothing it had emitted before that snapshot', async () => {
      const step = cfg({ objectType: 'Item', pageSize: 50 });
      const full = await run(trigger, {}, step);
      // Simulate the crash: only what was emitted up to the 2nd snapshot (page 2, inside the tie group) was kept.
      const kept = full.snapshots[1];
      expect(kept).to.include({ objectType: 'Item', pollingField: 'timeStamp', lastId: 100 });
      const resumed = await run(trigger, {}, step, kept);
      expect(itemIds(resumed.data)).to.deep.equal(range(101, 1000));
    });

    it('emitPage emits {results} per page and the snapshot after each page', async () => {
      const result = await run(trigger, {}, cfg({ objectType: 'Item', emitBehavior: 'emitPage' }));
      expect(result.data).to.have.length(10);
      expect((result.data[0] as { results: unknown[] }).results).to.have.length(100);
      const events = result.emit.getCalls().map((call) => call.args[0]).filter((event) => event !== 'updateKeys');
      expect(events.slice(0, 4)).to.deep.equal(['data', 'snapshot', 'data', 'snapshot']);
    });

    it('startTime and endTime bound the first run', async () => {
      // Item i is stamped i minutes after 2024-01-01T00:00 (ties aside): take items 201..300.
      const result = await run(trigger, {}, cfg({ objectType: 'Item', startTime: '2024-01-01T03:21:00Z', endTime: '2024-01-01T05:00:00+00:00' }));
      expect(itemIds(result.data)).to.deep.equal(range(201, 300));
    });

    it('a sample run emits a few records and no snapshot', async () => {
      process.env.ELASTICIO_FLOW_TYPE = 'debug';
      const result = await run(trigger, {}, cfg({ objectType: 'Item' }));
      expect(itemIds(result.data)).to.deep.equal(range(1, trigger.SAMPLE_SIZE));
      expect(result.snapshots).to.deep.equal([]);
    });

    it('loads relations and emits typed records', async () => {
      const result = await run(trigger, {}, cfg({ objectType: 'Item', loadRelations: 'ItemShops, Category', startTime: '2024-01-01T16:00:00Z', endTime: '2024-01-01T16:01:00Z' }));
      const [item] = result.data as Array<Record<string, unknown>>;
      expect(item.itemID).to.be.a('number');
      expect((item.ItemShops as { ItemShop: unknown[] }).ItemShop).to.be.an('array').that.is.not.empty;
      expect(apiRequests(sim)[0]).to.contain('load_relations=');
    });
  });

  it('a sample run with no records says so clearly', async () => {
    ({ sim, cfg } = await simulatorWith({ items: 10 }));
    process.env.ELASTICIO_FLOW_TYPE = 'debug';
    const result = await run(trigger, {}, cfg({ objectType: 'Item', startTime: '2030-01-01T00:00:00Z' }));
    expect(result.thrown?.message).to.equal('No Item records found since 2030-01-01T00:00:00+00:00 by timeStamp: '
      + 'create or change one in Lightspeed (or set an earlier Start time), then retrieve the sample again.');
  });

  it('polls an entity whose datetime field cannot be sorted on by time windows in ID order (SalePayment by createTime)', async () => {
    ({ sim, cfg } = await simulatorWith({ sales: 30 }));
    const step = cfg({ objectType: 'SalePayment', pollingField: 'createTime' });
    const first = await run(trigger, {}, step);
    const ids = first.data.map((body) => (body as { salePaymentID: number }).salePaymentID);
    expect(ids.length).to.be.greaterThan(0);
    expect(ids).to.deep.equal([...ids].sort((a, b) => a - b));
    const second = await run(trigger, {}, step, first.snapshots.at(-1));
    expect(second.data).to.deep.equal([]);
  });
});
