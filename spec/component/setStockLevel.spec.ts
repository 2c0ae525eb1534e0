import { expect } from 'chai';
import nock from 'nock';
import * as setStock from '../../lib/actions/setStockLevel';
import { resetConnections } from '../../lib/client/connections';
import { setClientOverrides } from '../../lib/runtime/session';
import { Simulator } from '../../simulator';
import { SECRETS } from '../helpers/capture';
import { apiRequests, run, simulatorWith } from '../helpers/component';
import { ACCOUNT_PATH, API, cfg as nockCfg } from '../helpers/lightspeed';

type Cfg = Awaited<ReturnType<typeof simulatorWith>>['cfg'];
const ACCOUNT = '/API/V3/Account/123456';
const writes = (sim: Simulator): string[] => apiRequests(sim).filter((line) => !line.startsWith('GET'));
const paths = (sim: Simulator): string[] => apiRequests(sim).map((line) => decodeURIComponent(line.replace(/&limit=\d+/, '')));

describe('action Set Stock Level (against the simulator, which follows Lightspeed\'s documentation)', () => {
  let sim: Simulator;
  let cfg: Cfg;
  beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 20, sales: 0 })));
  afterEach(() => sim.close());

  // Item i's stock in shop s is ItemShop (i-1)*3 + s + 1 (shop 0 holds the sum); seeded reorder settings 5 and 10.
  const stockOf = (itemID: number, shopID: number) => sim.store.get('ItemShop', (itemID - 1) * 3 + shopID + 1);

  it('by customSku, twice: the first run sets the quantity through the Item and emits the answer; the second writes nothing', async () => {
    const before = Number(stockOf(7, 2)?.qoh);
    const itemBefore = { ...sim.store.get('Item', 7) };
    const byCustomSku = cfg({ matchField: 'customSku' });
    const first = await run(setStock, { customSku: 'SKU-000007', shopID: 2, qoh: 41 }, byCustomSku);
    expect(first.thrown).to.equal(undefined);
    expect(first.data).to.deep.equal([{ itemID: 7, shopID: 2, itemShopID: 21, qohBefore: before, qoh: 41, reorderPoint: 5, reorderLevel: 10, changed: true }]);
    expect(paths(sim)).to.deep.equal([
      `GET ${ACCOUNT}/Item.json?customSku=SKU-000007&archived=true`,
      `GET ${ACCOUNT}/ItemShop.json?itemID=7&shopID=2`,
      `PUT ${ACCOUNT}/Item/7.json`,
    ]);
    expect(stockOf(7, 2)).to.include({ qoh: '41', sellable: '41' });
    expect(Number(stockOf(7, 0)?.qoh)).to.equal(Number(stockOf(7, 1)?.qoh) + 41);
    // Only the stock entry was sent: the Item itself, its timeStamp included, is as it was.
    expect(sim.store.get('Item', 7)).to.deep.equal(itemBefore);

    sim.resetStats();
    const second = await run(setStock, { customSku: 'SKU-000007', shopID: 2, qoh: 41 }, byCustomSku);
    expect(second.data).to.deep.equal([{ itemID: 7, shopID: 2, itemShopID: 21, qohBefore: 41, qoh: 41, reorderPoint: 5, reorderLevel: 10, changed: false }]);
    expect(writes(sim)).to.deep.equal([]);
  });

  it('by itemID and the shop\'s name; a reorder setting that differs goes to PUT ItemShop, alone', async () => {
    const qoh = Number(stockOf(3, 2)?.qoh);
    const result = await run(setStock, { itemID: 3, shopName: 'harbour mall', qoh, reorderPoint: 5, reorderLevel: 25 }, cfg());
    expect(result.thrown).to.equal(undefined);
    expect(result.data).to.deep.equal([{ itemID: 3, shopID: 2, itemShopID: 9, qohBefore: qoh, qoh, reorderPoint: 5, reorderLevel: 25, changed: true }]);
    expect(stockOf(3, 2)).to.include({ reorderPoint: '5', reorderLevel: '25' });
    expect(writes(sim)).to.deep.equal([`PUT ${ACCOUNT}/ItemShop/9.json`]);
  });

  it('a quantity and a reorder setting: each where Lightspeed sets it, the Item first', async () => {
    const result = await run(setStock, { itemID: 3, shopID: 1, qoh: 0, reorderPoint: 2 }, cfg());
    expect(result.data[0]).to.include({ itemShopID: 8, qoh: 0, reorderPoint: 2, reorderLevel: 10, changed: true });
    expect(writes(sim)).to.deep.equal([`PUT ${ACCOUNT}/Item/3.json`, `PUT ${ACCOUNT}/ItemShop/8.json`]);
    expect(stockOf(3, 1)).to.include({ qoh: '0', reorderPoint: '2' });
  });

  it('a lost answer to the quantity\'s PUT is sent again: it names the ItemShop, so it sets and never adds', async () => {
    sim.setOptions({ dropConnections: { count: 1, match: { method: 'PUT' } } });
    const result = await run(setStock, { itemID: 4, shopID: 1, qoh: 12 }, cfg());
    expect(result.thrown).to.equal(undefined);
    expect(result.data[0]).to.include({ qoh: 12, changed: true });
    expect(writes(sim)).to.deep.equal([`PUT ${ACCOUNT}/Item/4.json`, `PUT ${ACCOUNT}/Item/4.json`]);
    expect(stockOf(4, 1)).to.include({ qoh: '12' });
  });

  const refusals: Array<[string, Record<string, unknown>, Record<string, unknown>, string]> = [
    ['a negative quantity, before any request', {}, { itemID: 2, shopID: 1, qoh: -3 },
      'body.qoh: must be 0 or more, got -3: Lightspeed does not set a negative quantity on hand through the API (only sales, transfers and returns take it below 0)'],
    ['a quantity that is not a whole number, before any request', {}, { itemID: 2, shopID: 1, qoh: 2.5 }, 'body.qoh: must be integer, got 2.5'],
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
      if (error.startsWith('body.')) expect(apiRequests(sim)).to.deep.equal([]);
    });
  }

  it('refuses a upc that two items share, listing their IDs', async () => {
    sim.store.update('Item', sim.store.get('Item', 12)!, { upc: '400000000005' });
    const result = await run(setStock, { upc: '400000000005', shopID: 1, qoh: 3 }, cfg({ matchField: 'upc' }));
    expect(result.thrown?.message).to.equal('Set Stock Level: 2 Item records have upc "400000000005" (itemID 5, 12); keep one of them. Nothing was written.');
    expect(writes(sim)).to.deep.equal([]);
  });
});

describe('action Set Stock Level: the answer is checked (a scripted Lightspeed)', () => {
  const step = nockCfg({ oauth: { access_token: SECRETS.accessToken, refresh_token: SECRETS.refreshToken, expires_at: '2027-01-01T00:00:00Z' } });
  const stock = { itemShopID: '9219', qoh: '14', sellable: '14', reorderPoint: '0', reorderLevel: '0', itemID: '42', shopID: '2' };
  const item = (shops: Record<string, string>[]) => ({ '@attributes': { count: '1' }, Item: { itemID: '42', description: 'Trekking Pole', ItemShops: { ItemShop: shops } } });
  const current = () => nock(API).get(`${ACCOUNT_PATH}/ItemShop.json`).query(true).reply(200, { '@attributes': { next: '', previous: '' }, ItemShop: stock });
  beforeEach(() => {
    resetConnections();
    setClientOverrides({ settings: { backoff: { baseDelayMs: 5, maxDelayMs: 20 } } });
  });
  afterEach(() => {
    setClientOverrides({});
    nock.cleanAll();
  });

  it('an Item PUT answered with the quantity unchanged (a server that ignores it) fails, naming both numbers', async () => {
    const sent: unknown[] = [];
    current();
    const put = nock(API).put(`${ACCOUNT_PATH}/Item/42.json`, (body) => { sent.push(body); return true; })
      .reply(200, item([{ ...stock, shopID: '0', itemShopID: '9217', qoh: '20' }, stock]));
    const result = await run(setStock, { itemID: 42, shopID: 2, qoh: 12 }, step);
    put.done();
    expect(sent).to.deep.equal([{ ItemShops: { ItemShop: [{ itemShopID: 9219, qoh: 12 }] } }]);
    expect(result.thrown?.message).to.equal('Set Stock Level: Lightspeed answered qoh 14 for Item 42 in shop 2 (itemShopID 9219), not the 12 sent: it did not take it.');
    expect(result.data).to.deep.equal([]);
  });

  it('an Item PUT answered without its ItemShops: the quantity is read back, and that answer emitted', async () => {
    current();
    const put = nock(API).put(`${ACCOUNT_PATH}/Item/42.json`).reply(200, { '@attributes': { count: '1' }, Item: { itemID: '42', description: 'Trekking Pole' } })
      .get(`${ACCOUNT_PATH}/ItemShop/9219.json`).reply(200, { '@attributes': { count: '1' }, ItemShop: { ...stock, qoh: '12', sellable: '12' } });
    const result = await run(setStock, { itemID: 42, shopID: 2, qoh: 12 }, step);
    put.done();
    expect(result.thrown).to.equal(undefined);
    expect(result.data).to.deep.equal([{ itemID: 42, shopID: 2, itemShopID: 9219, qohBefore: 14, qoh: 12, reorderPoint: 0, reorderLevel: 0, changed: true }]);
  });

  it('an ItemShop PUT answered with the reorder point unchanged fails, naming both numbers', async () => {
    current();
    const put = nock(API).put(`${ACCOUNT_PATH}/ItemShop/9219.json`, { reorderPoint: 4 }).reply(200, { '@attributes': { count: '1' }, ItemShop: stock });
    const result = await run(setStock, { itemID: 42, shopID: 2, qoh: 14, reorderPoint: 4 }, step);
    put.done();
    expect(result.thrown?.message).to.equal('Set Stock Level: Lightspeed answered reorderPoint 0 for Item 42 in shop 2 (itemShopID 9219), not the 4 sent: it did not take it.');
  });
});
