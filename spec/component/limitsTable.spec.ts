import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import * as create from '../../lib/actions/createObject';
import * as lookup from '../../lib/actions/lookupObjectById';
import * as raw from '../../lib/actions/rawRequest';
import * as setStockLevel from '../../lib/actions/setStockLevel';
import * as syncRecords from '../../lib/actions/syncRecords';
import * as upsert from '../../lib/actions/upsertObject';
import * as trigger from '../../lib/triggers/pollingEntity';
import { Simulator, SimulatorOptions } from '../../simulator';
import { run, simulatorWith } from '../helpers/component';

const root = path.resolve(__dirname, '../../..');
type Step = (cfg: (fields?: Record<string, unknown>) => Record<string, unknown>) => Promise<{ requests: number }>;

/** The work of each row of the README's throughput table, done by the component against the simulator. */
const WORK: Record<string, Step> = {
  'Poll an entity, 100 records per page': async (cfg) => {
    const result = await run(trigger, {}, cfg({ objectType: 'Item', pageSize: 100, lookbackSeconds: 0 }));
    expect(result.thrown).to.equal(undefined);
    return { requests: 3 };
  },
  'Lookup by ID': async (cfg) => {
    expect((await run(lookup, { id: 42 }, cfg({ objectType: 'Item' }))).thrown).to.equal(undefined);
    return { requests: 1 };
  },
  'Upsert an Item by `customSku` with one price': async (cfg) => {
    const body = JSON.parse(fs.readFileSync(path.join(root, 'examples/upsertObject/item-by-custom-sku.msg.json'), 'utf8')) as unknown;
    expect((await run(upsert, body, cfg({ objectType: 'Item', matchField: 'customSku' }))).thrown).to.equal(undefined);
    return { requests: 1 };
  },
  // 200 of the input's records: 188 as Lightspeed has them, 5 with a new description, 5 with a new price, 2 new ones.
  'Sync 10,000 Items by `customSku`, 5% changed, 1% new': async (cfg) => {
    const sku = (id: number): string => `SKU-${String(id).padStart(6, '0')}`;
    const price = (amount: number): unknown => ({ ItemPrice: [{ amount, useType: 'Default' }] });
    const records = Array.from({ length: 198 }, (_, index): Record<string, unknown> => {
      const id = index + 1;
      if (id % 40 === 20) return { customSku: sku(id), description: `Renamed ${id}` };
      if (id % 40 === 10) return { customSku: sku(id), Prices: price(1.23) };
      return { customSku: sku(id) };
    });
    records.push(...[1, 2].map((n) => ({ customSku: `NEW-${n}`, description: `New ${n}`, Prices: price(9.5) })));
    const result = await run(syncRecords, { records }, cfg({ objectType: 'Item', matchField: 'customSku' }));
    expect(result.data[0]).to.deep.include({ created: 2, updated: 10, unchanged: 188, failed: 0 });
    return { requests: 200 };
  },
  // Both shops of 5,000 Items, one message: every 20th level one more than Lightspeed holds.
  'Set 10,000 stock levels by `customSku`, 5% changed': async (cfg) => {
    const levels = Array.from({ length: 10_000 }, (_, index) => {
      const itemID = Math.floor(index / 2) + 1;
      const shopID = (index % 2) + 1;
      const stored = Number(current.store.get('ItemShop', (itemID - 1) * 3 + shopID + 1)?.qoh);
      return { customSku: `SKU-${String(itemID).padStart(6, '0')}`, shopID, qoh: stored + (index % 20 === 7 ? 1 : 0) };
    });
    const result = await run(setStockLevel, { levels }, cfg({ matchField: 'customSku' }));
    expect(result.data[0]).to.deep.include({ updated: 500, unchanged: 9500, failed: 0 });
    return { requests: 10_000 };
  },
  'Create a completed Sale with three lines and a payment': async (cfg) => {
    const body = {
      shopID: 1, registerID: 1, employeeID: 1, completed: true,
      SaleLines: { SaleLine: [1, 2, 3].map((itemID) => ({ itemID, unitQuantity: 1 })) },
      SalePayments: { SalePayment: [{ paymentTypeID: 1, amount: 30 }] },
    };
    expect((await run(create, body, cfg({ objectType: 'Sale' }))).thrown).to.equal(undefined);
    return { requests: 1 };
  },
};

/** Rows whose work needs another simulator than the others' 250 Items. */
const SIMULATORS: Record<string, Partial<SimulatorOptions>> = {
  'Set 10,000 stock levels by `customSku`, 5% changed': { items: 5000, bucketSize: 2000 },
};

/** The simulator of the row being checked (its stock, for the stock levels' row). */
let current: Simulator;

/** Rows of the README's table under "Limits and throughput": [work, cost, per hour]. */
function throughputRows(): Array<[string, string, string]> {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Limits and throughput'), readme.indexOf('## Troubleshooting'));
  return [...table.matchAll(/^\| (.+?) \| (.+?) \| ([\d,]+) [a-z]+ \|$/gm)].map(([, work, cost, perHour]) => [work, cost, perHour]);
}

describe('README limits table: each cost is what the simulator\'s Lightspeed cost model charges the component for it', () => {
  let sim: Simulator;
  let cfg: Awaited<ReturnType<typeof simulatorWith>>['cfg'];
  const frozen = Date.now();
  beforeEach(async function () {
    ({ sim, cfg } = await simulatorWith({ rateLimit: true, items: 250, now: () => frozen, ...SIMULATORS[this.currentTest?.title.split(':')[0] ?? ''] }));
    current = sim;
  });
  afterEach(() => sim.close());

  /** The drips spent so far: the bucket never drains on a frozen clock; the raw GET that asks costs 1. */
  async function dripsSpent(): Promise<number> {
    const result = await run(raw, { method: 'GET', path: 'Item/1.json' }, cfg());
    const level = (result.data[0] as { headers: Record<string, string> }).headers['x-ls-api-bucket-level'];
    return Number(level.split('/')[0]) - 1;
  }

  it('lists the rows this spec checks', () => {
    expect(throughputRows().map(([work]) => work)).to.deep.equal(Object.keys(WORK));
  });

  for (const [work, cost, perHour] of throughputRows()) {
    it(`${work}: ${cost}, ${perHour} an hour`, async () => {
      const step = WORK[work];
      const { requests } = await step(cfg);
      const drips = await dripsSpent();
      const each = Number(cost.split(' ')[0]);
      expect(drips / requests, 'drips per request').to.equal(each);
      const perRequest = work.includes('100 records per page') ? 100 : 1;
      expect(perHour.replace(/,/g, ''), 'at 3,600 drips an hour').to.equal(String(Math.floor(3600 / each) * perRequest));
    });
  }
});
