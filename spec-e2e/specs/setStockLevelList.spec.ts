/**
 * A warehouse's nightly stock feed on the real runtime: one setStockLevel step matching Items by customSku, one
 * message of 1,000 stock levels (every shop of 500 Items, 5% different, one negative), as a warehouse sends them; then
 * the same message again, as the next night sends it unchanged.
 */
import { expect } from 'chai';
import type { SyncSummary } from '../../lib/runtime/sync/outcomes';
import { Simulator, startSimulator } from '../../simulator';
import { FlowFixture } from '../harness/flowFixture';
import { closeOwned, own } from '../harness/ownedResources';
import { PlatformStandIn } from '../harness/platformStandIn';
import { SailorProcess } from '../harness/sailorProcess';
import { sharedBroker } from '../harness/sharedBroker';

type Row = Record<string, unknown>;
const ITEMS = 500;
const LEVELS = ITEMS * 2;
/** Level i differs from Lightspeed's when i % 20 = 7 (a shop 2 level each: 50 Items, one PUT each); the last is negative. */
const differs = (index: number): boolean => index % 20 === 7;

describe('Set Stock Level given a list on sailor + RabbitMQ: 1,000 levels in one message', function () {
  let sim: Simulator;
  let flow: FlowFixture;
  let stock: SailorProcess;
  let levels: Row[];
  let wanted: Map<string, number>;
  let negativeBefore: number;

  before(async function () {
    this.timeout(120_000);
    const broker = await sharedBroker();
    sim = own('stock list simulator', await startSimulator({ items: ITEMS, archivedItems: 0, sales: 0, seed: 'e2e-stock-list' }), (s) => s.close());
    const platform = own('stock list platform', await PlatformStandIn.start(), (p) => p.close());
    platform.saveAccount('account-stock-list', { ...sim.credentials });
    flow = own('stock list flow', await FlowFixture.open({
      flowId: 'flow-stock-list',
      amqpUri: broker.amqpUri,
      platform,
      accountId: 'account-stock-list',
      steps: [{ stepId: 'stock', functionName: 'setStockLevel', fields: { matchField: 'customSku' } }],
    }), (f) => f.close());
    stock = await flow.startSailor('stock');
    negativeBefore = Number(sim.store.list('ItemShop').find((row) => row.itemID === String(ITEMS) && row.shopID === '2')?.qoh);
    const stored = new Map(sim.store.list('ItemShop').map((row) => [`${String(row.itemID)}/${String(row.shopID)}`, Number(row.qoh)]));
    wanted = new Map();
    levels = Array.from({ length: LEVELS }, (_, index): Row => {
      const itemID = Math.floor(index / 2) + 1;
      const shopID = (index % 2) + 1;
      const qoh = index === LEVELS - 1 ? -1 : (stored.get(`${itemID}/${shopID}`) ?? 0) + (differs(index) ? 3 : 0);
      if (differs(index)) wanted.set(`${itemID}/${shopID}`, qoh);
      return { customSku: `SKU-${String(itemID).padStart(6, '0')}`, shopID, qoh };
    });
  });

  after(async function () {
    this.timeout(60_000);
    await closeOwned('stock list flow');
    await closeOwned('stock list platform');
    await closeOwned('stock list simulator');
  });

  const apiWrites = (): string[] => sim.stats.log.filter((entry) => entry.path.startsWith('/API/') && entry.method !== 'GET').map((entry) => `${entry.method} ${entry.path}`);
  const reads = (): string[] => sim.stats.log.filter((entry) => entry.path.startsWith('/API/') && entry.method === 'GET').map((entry) => entry.path.replace(/\?.*/, ''));
  const qohOf = (itemID: number, shopID: number): number =>
    Number(sim.store.list('ItemShop').find((row) => row.itemID === String(itemID) && row.shopID === String(shopID))?.qoh);

  it('one summary: 50 updated through their Item, the negative one failed with nothing sent, 949 unchanged; 10 lookups of each kind', async function () {
    this.timeout(120_000);
    await flow.send('stock', { levels });
    const [output] = await flow.outputs.stock.waitForData(1, 90_000);
    const summary = output.message.body as unknown as SyncSummary;

    expect({ ...summary, results: undefined, drips: undefined }).to.deep.include({ created: 0, updated: 50, unchanged: 949, skipped: 0, failed: 1 });
    expect(summary.results.filter((result) => result.outcome === 'updated').every((result) => JSON.stringify(result.changed) === '["qoh"]')).to.equal(true);
    expect(summary.results.find((result) => result.outcome === 'failed')).to.deep.include({ index: LEVELS - 1, key: `SKU-${String(ITEMS).padStart(6, '0')} in shop 2` })
      .and.to.have.property('error').that.match(/^levels\[999\]\.qoh: must be 0 or more, got -1/);
    // Shop.json (1), 10 Item IN queries and 10 ItemShop queries (1 each), 50 PUTs of one stock entry (1.5).
    expect(summary.drips).to.equal(96);
    expect(apiWrites()).to.have.length(50);
    expect(apiWrites().every((line) => /^PUT \/API\/V3\/Account\/\d+\/Item\/\d+\.json$/.test(line)), apiWrites().join(', ')).to.equal(true);
    expect(reads().filter((path) => path.endsWith('/Item.json'))).to.have.length(10);
    expect(reads().filter((path) => path.endsWith('/ItemShop.json'))).to.have.length(10);
    for (const [pair, qoh] of wanted) {
      const [itemID, shopID] = pair.split('/').map(Number);
      expect(qohOf(itemID, shopID), pair).to.equal(qoh);
    }
    expect(qohOf(ITEMS, 2), 'the negative level was not written').to.equal(negativeBefore);
    await stock.waitForSettled(1);
    expect(stock.acks).to.equal(1);
  });

  it('the same message the next night: 999 unchanged, the negative one failed again, nothing written', async function () {
    this.timeout(120_000);
    const writesBefore = apiWrites().length;
    await flow.send('stock', { levels });
    const outputs = await flow.outputs.stock.waitForData(2, 90_000);
    const summary = outputs[1].message.body as unknown as SyncSummary;

    expect({ ...summary, results: undefined }).to.deep.include({ created: 0, updated: 0, unchanged: 999, skipped: 0, failed: 1, drips: 21 });
    expect(summary.results).to.have.length(1);
    expect(apiWrites(), 'writes').to.have.length(writesBefore);
    await stock.waitForSettled(2);
    expect(stock.acks).to.equal(2);
  });
});
