import { expect } from 'chai';
import nock from 'nock';
import * as setStock from '../../lib/actions/setStockLevel';
import { resetConnections } from '../../lib/client/connections';
import { ValidationError } from '../../lib/client/http';
import { setClientOverrides } from '../../lib/runtime/session';
import { Simulator } from '../../simulator';
import { SECRETS } from '../helpers/capture';
import { apiRequests, run, simulatorWith } from '../helpers/component';
import { ACCOUNT_PATH, API, cfg as nockCfg } from '../helpers/lightspeed';
import { recordWrites } from '../helpers/sentWrites';
import { summaryOf, total } from '../helpers/syncSummary';

type Cfg = Awaited<ReturnType<typeof simulatorWith>>['cfg'];
type Row = Record<string, unknown>;
const ACCOUNT = '/API/V3/Account/123456';
const sku = (id: number): string => `SKU-${String(id).padStart(6, '0')}`;
const writes = (sim: Simulator): string[] => apiRequests(sim).filter((line) => !line.startsWith('GET'));
const reads = (sim: Simulator): string[] => apiRequests(sim).filter((line) => line.startsWith('GET')).map((line) => decodeURIComponent(line.replace(/[?&]limit=\d+$/, '').replace(/&limit=\d+&/, '&')));

describe('action Set Stock Level given a list (against the simulator, which follows Lightspeed\'s documentation)', () => {
  let sim: Simulator;
  let cfg: Cfg;
  beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 250, sales: 0 })));
  afterEach(() => sim.close());

  // Item i's stock in shop s is ItemShop (i-1)*3 + s + 1 (shop 0 holds the sum); seeded reorder settings 5 and 10.
  const stockID = (itemID: number, shopID: number): number => (itemID - 1) * 3 + shopID + 1;
  const stockOf = (itemID: number, shopID: number): Row => sim.store.get('ItemShop', stockID(itemID, shopID)) as Row;
  const qoh = (itemID: number, shopID: number): number => Number(stockOf(itemID, shopID).qoh);
  const bySku = (fields: Row = {}): Row => cfg({ matchField: 'customSku', ...fields });

  it('a mixed list by customSku: one outcome per level, counts adding up, a write only where a level differs, an Item\'s quantities in one PUT', async () => {
    const levels = [
      { customSku: sku(1), shopID: 1, qoh: qoh(1, 1) },
      { customSku: sku(2), shopID: 1, qoh: qoh(2, 1) + 5 },
      { customSku: sku(3), shopName: 'harbour mall', qoh: qoh(3, 2), reorderLevel: 30 },
      { customSku: sku(4), shopID: 1, qoh: 0 },
      { customSku: sku(4), shopID: 2, qoh: 1 },
      { customSku: sku(5), shopID: 1, qoh: -3 },
      { customSku: 'NOPE-1', shopID: 1, qoh: 2 },
      { customSku: sku(6), shopName: 'Airport', qoh: 2 },
      { customSku: sku(7), shopID: 2, qoh: 3 },
      { customSku: sku(7), shopName: 'Harbour Mall', qoh: 4 },
    ];
    const sent = recordWrites();
    const summary = summaryOf(await run(setStock, { levels }, bySku()));

    expect({ ...summary, results: undefined }).to.deep.include({ created: 0, updated: 4, unchanged: 1, skipped: 0, failed: 5 });
    expect(total(summary)).to.equal(levels.length);
    const twice = `stock level "${sku(7)} in shop 2" appears 2 times in the input (records 8, 9): nothing was written for it`;
    expect(summary.results).to.deep.equal([
      { index: 1, key: `${sku(2)} in shop 1`, outcome: 'updated', id: stockID(2, 1), changed: ['qoh'] },
      { index: 2, key: `${sku(3)} in shop 2`, outcome: 'updated', id: stockID(3, 2), changed: ['reorderLevel'] },
      { index: 3, key: `${sku(4)} in shop 1`, outcome: 'updated', id: stockID(4, 1), changed: ['qoh'] },
      { index: 4, key: `${sku(4)} in shop 2`, outcome: 'updated', id: stockID(4, 2), changed: ['qoh'] },
      { index: 5, key: `${sku(5)} in shop 1`, outcome: 'failed',
        error: 'levels[5].qoh: must be 0 or more, got -3: Lightspeed does not set a negative quantity on hand through the API (only sales, transfers and returns take it below 0)' },
      { index: 6, key: 'NOPE-1 in shop 1', outcome: 'failed', error: 'no Item has customSku "NOPE-1" (archived included)' },
      { index: 7, key: `${sku(6)} in shop "Airport"`, outcome: 'failed', error: 'no shop is named "Airport" (the account has 1 "Main Street", 2 "Harbour Mall")' },
      { index: 8, key: `${sku(7)} in shop 2`, outcome: 'failed', error: twice },
      { index: 9, key: `${sku(7)} in shop 2`, outcome: 'failed', error: twice },
    ]);
    expect(sent).to.deep.equal([
      { method: 'PUT', path: 'Item/2.json', body: { ItemShops: { ItemShop: [{ itemShopID: stockID(2, 1), qoh: qoh(2, 1) }] } } },
      { method: 'PUT', path: `ItemShop/${stockID(3, 2)}.json`, body: { reorderLevel: 30 } },
      { method: 'PUT', path: 'Item/4.json', body: { ItemShops: { ItemShop: [{ itemShopID: stockID(4, 1), qoh: 0 }, { itemShopID: stockID(4, 2), qoh: 1 }] } } },
    ]);
    expect([qoh(4, 1), qoh(4, 2), qoh(4, 0)]).to.deep.equal([0, 1, 1]);
    expect(stockOf(3, 2)).to.include({ reorderLevel: '30' });
    expect(reads(sim)).to.deep.equal([
      `GET ${ACCOUNT}/Shop.json`,
      `GET ${ACCOUNT}/Item.json?customSku=IN,["${sku(1)}","${sku(2)}","${sku(3)}","${sku(4)}","NOPE-1"]&archived=true`,
      `GET ${ACCOUNT}/ItemShop.json?itemID=IN,[1,2,3,4]&shopID=IN,[1,2]`,
    ]);
  });

  it('the same list again writes nothing: every level unchanged, one lookup of each kind per 100 levels', async () => {
    // 75 items in both shops: a window of 100 levels is 50 items x 2 shops, one page of ItemShops.
    const levels = Array.from({ length: 150 }, (_, index) => ({ customSku: sku(Math.floor(index / 2) + 1), shopID: 1 + (index % 2), qoh: 7 }));
    const first = summaryOf(await run(setStock, { levels }, bySku()));
    expect(first.updated + first.unchanged).to.equal(150);
    sim.resetStats();

    const second = summaryOf(await run(setStock, { levels }, bySku()));
    expect({ ...second, results: undefined }).to.deep.include({ created: 0, updated: 0, unchanged: 150, skipped: 0, failed: 0 });
    expect(second.results, 'unchanged levels are counted, not listed').to.deep.equal([]);
    expect(writes(sim)).to.deep.equal([]);
    expect(reads(sim).map((line) => line.replace(/\?.*/, ''))).to.deep.equal([
      `GET ${ACCOUNT}/Shop.json`, `GET ${ACCOUNT}/Item.json`, `GET ${ACCOUNT}/ItemShop.json`, `GET ${ACCOUNT}/Item.json`, `GET ${ACCOUNT}/ItemShop.json`,
    ]);
  });

  it('drips: what Lightspeed\'s X-LS-API-Request-Cost answers add up to, which is what the bucket took', async () => {
    await sim.close();
    const frozen = Date.now();
    ({ sim, cfg } = await simulatorWith({ items: 20, sales: 0, rateLimit: true, bucketSize: 10_000, now: () => frozen }));
    const levels = [{ itemID: 1, shopID: 1, qoh: qoh(1, 1) + 1 }, { itemID: 1, shopID: 2, qoh: qoh(1, 2) + 1 }, { itemID: 2, shopID: 1, qoh: qoh(2, 1), reorderPoint: 9 }];
    const summary = summaryOf(await run(setStock, { levels }, cfg()));
    // Shop.json (1), one ItemShop query (1), Item 1's two quantities in one PUT (1 + 2 x 0.5), one reorder PUT (1).
    expect(summary.drips).to.equal(5);
    expect(summary.drips).to.equal(Number(sim.stats.bucketSamples.at(-1)?.level));
  });

  it('by itemID: an unknown item and an unknown shop fail, each named; 100 levels to a query; progress in the log', async () => {
    const levels = [
      ...Array.from({ length: 230 }, (_, index) => ({ itemID: index + 1, shopID: 1, qoh: qoh(index + 1, 1) })),
      { itemID: 9999, shopID: 1, qoh: 1 }, { itemID: 3, shopID: 7, qoh: 1 },
    ];
    const result = await run(setStock, { levels }, cfg());
    const summary = summaryOf(result);
    expect({ ...summary, results: undefined }).to.deep.include({ unchanged: 230, failed: 2 });
    expect(summary.results).to.deep.equal([
      { index: 230, key: '9999 in shop 1', outcome: 'failed', error: 'no Item has itemID 9999' },
      { index: 231, key: '3 in shop 7', outcome: 'failed', error: 'no shop has shopID 7 (the account has 1 "Main Street", 2 "Harbour Mall")' },
    ]);
    expect(reads(sim).filter((line) => line.includes('/ItemShop.json'))).to.have.length(3);
    expect(reads(sim).filter((line) => line.includes('/Item.json'))).to.deep.equal([`GET ${ACCOUNT}/Item.json?itemID=9999&archived=true`]);
    const progress = result.logs.filter((line) => line.startsWith('Set Stock Level:'));
    expect(progress[0]).to.match(/^Set Stock Level: 100 of 232 done \(unchanged 99, failed 1\); 2 drips spent; about \d+ s left at 1 drip\/s$/);
    expect(progress.at(-1)).to.match(/^Set Stock Level: 232 of 232 done \(unchanged 230, failed 2\); 5 drips spent, in \d+ s$/);
  });

  it('emit individually: one message per level, with the ItemShop as Lightspeed answered it', async () => {
    const result = await run(setStock, { levels: [{ itemID: 5, shopID: 1, qoh: qoh(5, 1) }, { itemID: 6, shopID: 2, qoh: 11 }] }, cfg({ emitBehavior: 'emitIndividually' }));
    expect(result.data).to.have.length(2);
    const [unchanged, updated] = result.data as Row[];
    expect(unchanged).to.deep.include({ index: 0, key: '5 in shop 1', outcome: 'unchanged', id: stockID(5, 1) });
    expect(unchanged.record).to.include({ itemShopID: stockID(5, 1), itemID: 5, shopID: 1 });
    expect(updated).to.deep.include({ index: 1, key: '6 in shop 2', outcome: 'updated', id: stockID(6, 2), changed: ['qoh'] });
    expect(updated.record).to.include({ itemShopID: stockID(6, 2), qoh: 11, sellable: 11 });
  });

  it('one level as always emits its result, not a summary', async () => {
    const before = qoh(5, 1);
    const result = await run(setStock, { itemID: 5, shopID: 1, qoh: before + 3 }, cfg({ emitBehavior: 'emitSummary' }));
    expect(result.data).to.deep.equal([{ itemID: 5, shopID: 1, itemShopID: stockID(5, 1), qohBefore: before, qoh: before + 3, reorderPoint: 5, reorderLevel: 10, changed: true }]);
  });

  describe('input refused before any request', () => {
    const tooMany = Array.from({ length: 10_001 }, (_, index) => ({ itemID: index + 1, shopID: 1, qoh: 1 }));
    const cases: Array<[string, Row, Row, string]> = [
      ['levels not an array', { levels: { itemID: 1 } }, {}, 'body.levels: must be an array of records, got object'],
      ['an empty list', { levels: [] }, {}, 'body.levels: is empty: there is nothing to sync'],
      ['more than 10,000 levels', { levels: tooMany }, {}, 'body.levels: holds 10001 records; the limit is 10,000 a message: split the input'],
      ['a level\'s fields beside the list', { levels: [{ itemID: 1, shopID: 1, qoh: 1 }], qoh: 2 }, {}, 'body.qoh: must be left out when body.levels is given: each level names its item, shop and quantities'],
      ['an unknown emit behavior', { levels: [{ itemID: 1, shopID: 1, qoh: 1 }] }, { emitBehavior: 'emitPage' }, 'emitBehavior: must be one of emitSummary, emitIndividually, got "emitPage"'],
    ];
    for (const [name, body, fields, message] of cases) {
      it(`${name}: ${message.split(':')[0]}`, async () => {
        const result = await run(setStock, body, cfg(fields));
        expect(result.thrown).to.be.instanceOf(ValidationError);
        expect(result.thrown?.message).to.equal(message);
        expect(apiRequests(sim)).to.deep.equal([]);
      });
    }

    it('levels that fail their checks are failures naming the field; the others go on', async () => {
      const summary = summaryOf(await run(setStock, { levels: [
        { itemID: 1, qoh: 1 }, { itemID: 2, shopID: 1, qoh: 'many' }, { itemID: 3, shopID: 1, shopName: 'Main Street', qoh: 1 }, 'text', { customSku: sku(4), shopID: 1, qoh: 1 },
        { itemID: 5, shopID: 1, qoh: qoh(5, 1) },
      ] }, cfg()));
      expect(summary.results.map((result) => [result.key, result.error])).to.deep.equal([
        ['1', 'levels[0].shopID: is required (or levels[0].shopName): the shop whose stock to set'],
        ['2 in shop 1', 'levels[1].qoh: must be integer, got "many"'],
        ['3 in shop 1', 'levels[2].shopName: must be left out when shopID is given: give one of them'],
        [undefined, 'levels[3]: must be a stock level (a JSON object), got string'],
        [undefined, 'levels[4].itemID: is required; levels[4].customSku: not a field of the stock level'],
      ]);
      expect(summary.unchanged).to.equal(1);
      expect(writes(sim)).to.deep.equal([]);
    });
  });

  describe('design time', () => {
    it('in: one level\'s fields or levels, none marked required; out: one level\'s result, or the list\'s once Emit behavior is chosen', async () => {
      const meta = await setStock.getMetaModel({ matchField: 'customSku' });
      expect(Object.keys(meta.in.properties ?? {})).to.deep.equal(['customSku', 'shopID', 'shopName', 'qoh', 'reorderPoint', 'reorderLevel', 'levels']);
      expect(meta.in.properties?.customSku).not.to.have.property('required');
      const level = meta.in.properties?.levels?.items;
      expect(level?.properties?.customSku).to.include({ required: true });
      expect(level?.properties?.qoh).to.include({ required: true });
      expect(Object.keys(meta.out.properties ?? {})).to.include('qohBefore');
      const summary = await setStock.getMetaModel({ emitBehavior: 'emitSummary' });
      expect(Object.keys(summary.out.properties ?? {})).to.deep.equal(['created', 'updated', 'unchanged', 'skipped', 'failed', 'drips', 'results']);
      const each = await setStock.getMetaModel({ emitBehavior: 'emitIndividually' });
      expect(Object.keys(each.out.properties ?? {})).to.deep.equal(['index', 'key', 'outcome', 'id', 'changed', 'error', 'record']);
      expect(each.out.properties?.record?.properties).to.include.keys('itemShopID', 'qoh', 'reorderPoint');
    });
  });
});

describe('action Set Stock Level given a list: each answer is checked (a scripted Lightspeed)', () => {
  const step = nockCfg({ oauth: { access_token: SECRETS.accessToken, refresh_token: SECRETS.refreshToken, expires_at: '2027-01-01T00:00:00Z' } });
  const stock = (itemShopID: string, shopID: string, qoh: string): Row => ({ itemShopID, itemID: '42', shopID, qoh, sellable: qoh, reorderPoint: '0', reorderLevel: '0' });
  beforeEach(() => {
    resetConnections();
    setClientOverrides({ settings: { backoff: { baseDelayMs: 5, maxDelayMs: 20 } } });
  });
  afterEach(() => {
    setClientOverrides({});
    nock.cleanAll();
  });

  it('an Item PUT whose answer holds one quantity but not the other: that level fails naming both numbers, the other is updated', async () => {
    const sent: unknown[] = [];
    nock(API).get(`${ACCOUNT_PATH}/Shop.json`).query(true).reply(200, { '@attributes': { next: '', previous: '' }, Shop: [{ shopID: '1', name: 'One' }, { shopID: '2', name: 'Two' }] })
      .get(`${ACCOUNT_PATH}/ItemShop.json`).query(true).reply(200, { '@attributes': { next: '', previous: '' }, ItemShop: [stock('91', '1', '14'), stock('92', '2', '6')] })
      .put(`${ACCOUNT_PATH}/Item/42.json`, (body) => { sent.push(body); return true; })
      .reply(200, { '@attributes': { count: '1' }, Item: { itemID: '42', ItemShops: { ItemShop: [stock('90', '0', '20'), stock('91', '1', '12'), stock('92', '2', '6')] } } });
    const result = await run(setStock, { levels: [{ itemID: 42, shopID: 1, qoh: 12 }, { itemID: 42, shopID: 2, qoh: 8 }] }, step);

    expect(sent).to.deep.equal([{ ItemShops: { ItemShop: [{ itemShopID: 91, qoh: 12 }, { itemShopID: 92, qoh: 8 }] } }]);
    expect(summaryOf(result).results).to.deep.equal([
      { index: 0, key: '42 in shop 1', outcome: 'updated', id: 91, changed: ['qoh'] },
      { index: 1, key: '42 in shop 2', outcome: 'failed', id: 92, error: 'Lightspeed answered qoh 6 for Item 42 in shop 2 (itemShopID 92), not the 8 sent: it did not take it' },
    ]);
    expect(nock.isDone()).to.equal(true);
  });

  it('a query answered with a record of another shop (a filter not applied): the window\'s levels fail, nothing is written', async () => {
    nock(API).get(`${ACCOUNT_PATH}/Shop.json`).query(true).reply(200, { '@attributes': { next: '', previous: '' }, Shop: [{ shopID: '1', name: 'One' }, { shopID: '2', name: 'Two' }] })
      .get(`${ACCOUNT_PATH}/ItemShop.json`).query(true).reply(200, { '@attributes': { next: '', previous: '' }, ItemShop: [stock('90', '0', '20'), stock('91', '1', '14')] });
    const summary = summaryOf(await run(setStock, { levels: [{ itemID: 42, shopID: 1, qoh: 12 }] }, step));
    expect(summary.results).to.deep.equal([
      { index: 0, key: '42 in shop 1', outcome: 'failed', error: 'Lightspeed returned ItemShop 90 (Item 42, shop 0) for itemID 42 and shopID 1' },
    ]);
    expect(nock.isDone()).to.equal(true);
  });
});
