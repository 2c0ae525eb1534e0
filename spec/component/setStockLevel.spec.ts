import { expect } from 'chai';
import * as setStock from '../../lib/actions/setStockLevel';
import { Simulator } from '../../simulator';
import { apiRequests, run, simulatorWith } from '../helpers/component';

type Cfg = Awaited<ReturnType<typeof simulatorWith>>['cfg'];
const ACCOUNT = '/API/V3/Account/123456';
const writes = (sim: Simulator): string[] => apiRequests(sim).filter((line) => !line.startsWith('GET'));
const paths = (sim: Simulator): string[] => apiRequests(sim).map((line) => decodeURIComponent(line.replace(/&limit=\d+/, '')));

describe('action Set Stock Level (against the simulator)', () => {
  let sim: Simulator;
  let cfg: Cfg;
  beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 20, sales: 0 })));
  afterEach(() => sim.close());

  // Item i's stock in shop s is ItemShop (i-1)*3 + s + 1 (shop 0 holds the sum).
  const stockOf = (itemID: number, shopID: number) => sim.store.get('ItemShop', (itemID - 1) * 3 + shopID + 1);

  it('by customSku, twice: the first run writes the quantity, the second finds it right and writes nothing', async () => {
    const before = Number(stockOf(7, 2)?.qoh);
    const byCustomSku = cfg({ matchField: 'customSku' });
    const first = await run(setStock, { customSku: 'SKU-000007', shopID: 2, qoh: 41 }, byCustomSku);
    expect(first.thrown).to.equal(undefined);
    expect(first.data).to.deep.equal([{ itemID: 7, shopID: 2, itemShopID: 21, qohBefore: before, qoh: 41, changed: true }]);
    expect(paths(sim)).to.deep.equal([
      `GET ${ACCOUNT}/Item.json?customSku=SKU-000007&archived=true`,
      `GET ${ACCOUNT}/ItemShop.json?itemID=7&shopID=2`,
      `PUT ${ACCOUNT}/ItemShop/21.json`,
    ]);
    expect(stockOf(7, 2)).to.include({ qoh: '41' });
    expect(Number(stockOf(7, 0)?.qoh)).to.equal(Number(stockOf(7, 1)?.qoh) + 41);

    sim.resetStats();
    const second = await run(setStock, { customSku: 'SKU-000007', shopID: 2, qoh: 41 }, byCustomSku);
    expect(second.data).to.deep.equal([{ itemID: 7, shopID: 2, itemShopID: 21, qohBefore: 41, qoh: 41, changed: false }]);
    expect(writes(sim)).to.deep.equal([]);
  });

  it('by itemID and the shop\'s name; writes only the reorder settings that changed', async () => {
    const result = await run(setStock, { itemID: 3, shopName: 'harbour mall', qoh: Number(stockOf(3, 2)?.qoh), reorderPoint: 5, reorderLevel: 25 }, cfg());
    expect(result.thrown).to.equal(undefined);
    expect(result.data[0]).to.include({ itemID: 3, shopID: 2, itemShopID: 9, changed: true });
    expect(stockOf(3, 2)).to.include({ reorderPoint: '5', reorderLevel: '25' });
    expect(sim.stats.log.find((entry) => entry.method === 'PUT')?.path).to.equal(`${ACCOUNT}/ItemShop/9.json`);
  });

  const refusals: Array<[string, Record<string, unknown>, Record<string, unknown>, string]> = [
    ['an itemID that does not exist', {}, { itemID: 999, shopID: 1, qoh: 1 }, 'Set Stock Level: no Item has itemID 999. Nothing was written.'],
    ['a shop that does not exist', {}, { itemID: 2, shopID: 9, qoh: 1 }, 'Set Stock Level: Item 2 has no stock record in shop 9: no shop has shopID 9. Nothing was written.'],
    ['a customSku no item has', { matchField: 'customSku' }, { customSku: 'NOPE-1', shopID: 1, qoh: 1 }, 'Set Stock Level: no Item has customSku "NOPE-1" (archived included). Nothing was written.'],
    ['a shop name the account does not have', {}, { itemID: 2, shopName: 'Airport', qoh: 1 }, 'Set Stock Level: no shop is named "Airport" (the account has 1 "Main Street", 2 "Harbour Mall"). Nothing was written.'],
  ];
  for (const [name, fields, body, error] of refusals) {
    it(`refuses ${name}, and writes nothing`, async () => {
      const result = await run(setStock, body, cfg(fields));
      expect(result.thrown?.message).to.equal(error);
      expect(result.data).to.deep.equal([]);
      expect(writes(sim)).to.deep.equal([]);
    });
  }

  it('refuses a upc that two items share, listing their IDs', async () => {
    sim.store.update('Item', sim.store.get('Item', 12)!, { upc: '400000000005' });
    const result = await run(setStock, { upc: '400000000005', shopID: 1, qoh: 3 }, cfg({ matchField: 'upc' }));
    expect(result.thrown?.message).to.equal('Set Stock Level: 2 Item records have upc "400000000005" (itemID 5, 12); keep one of them. Nothing was written.');
    expect(writes(sim)).to.deep.equal([]);
  });
});
