/**
 * The retailer's flow on the real runtime: completedSales (shop 2) -> setStockLevel, each step its own sailor process,
 * chained through RabbitMQ with a mapping that sets the stock of each sale's first item, by its customSku, in the
 * sale's shop. Tick 1: the completed, not voided sales of shop 2, each setting a stock level (an item already set
 * writes nothing); tick 2 after an open sale of shop 2 is completed: exactly that sale, and its stock.
 */
import { expect } from 'chai';
import { Simulator, startSimulator } from '../../simulator';
import { FlowFixture } from '../harness/flowFixture';
import { closeOwned, own } from '../harness/ownedResources';
import { PlatformStandIn } from '../harness/platformStandIn';
import { SailorProcess } from '../harness/sailorProcess';
import { sharedBroker } from '../harness/sharedBroker';
import { waitFor } from '../harness/waitFor';

type Row = Record<string, unknown>;
const STOCK = 7;

/** The platform's mapping: the sale's first line's Item, by customSku, in the sale's shop, set to STOCK. */
function stockOfFirstLine(sale: Row): Row {
  const lines = (sale.SaleLines as { SaleLine: Row[] }).SaleLine;
  const item = lines[0].Item as Row;
  return { customSku: item.customSku, shopID: sale.shopID, qoh: STOCK };
}

describe('Completed sales -> Set Stock Level on sailor + RabbitMQ', function () {
  let sim: Simulator;
  let flow: FlowFixture;
  let trigger: SailorProcess;
  let stock: SailorProcess;
  /** Sales 1..16: even IDs in shop 2, sale 2 open, sale 14 voided. */
  const shop2Completed = [4, 6, 8, 10, 12, 16];

  before(async function () {
    this.timeout(120_000);
    const broker = await sharedBroker();
    sim = own('sales simulator', await startSimulator({ items: 30, customers: 10, sales: 16, seed: 'e2e-sales' }), (s) => s.close());
    const platform = own('sales platform', await PlatformStandIn.start(), (p) => p.close());
    platform.saveAccount('account-sales', { ...sim.credentials });
    flow = own('sales flow', await FlowFixture.open({
      flowId: 'flow-sales',
      amqpUri: broker.amqpUri,
      platform,
      accountId: 'account-sales',
      steps: [
        { stepId: 'sales', functionName: 'completedSales', fields: { shopID: '2' } },
        { stepId: 'stock', functionName: 'setStockLevel', fields: { matchField: 'customSku' } },
      ],
      links: [{ from: 'sales', to: 'stock', mapping: (body) => stockOfFirstLine(body as Row) }],
    }), (f) => f.close());
    [trigger, stock] = await Promise.all([flow.startSailor('sales'), flow.startSailor('stock')]);
  });

  after(async function () {
    this.timeout(60_000);
    await closeOwned('sales flow');
    await closeOwned('sales platform');
    await closeOwned('sales simulator');
  });

  const firstItemOf = (saleID: number): number => Number(sim.store.list('SaleLine').find((line) => line.saleID === String(saleID))?.itemID);
  const qohOf = (itemID: number, shopID: number): string | undefined =>
    sim.store.list('ItemShop').find((row) => row.itemID === String(itemID) && row.shopID === String(shopID))?.qoh as string | undefined;
  /** The stock writes: each quantity goes through its Item (`PUT Item/{itemID}.json`). */
  const puts = (): string[] => sim.stats.log.filter((entry) => entry.method === 'PUT').map((entry) => entry.path);

  it('tick 1: the completed, not voided sales of shop 2 once each; each sets its item\'s stock, writing only what changed', async function () {
    await flow.send('sales');
    await trigger.waitForSettled(1, 60_000);
    const salesOut = await flow.collectAll('sales');
    expect(salesOut.errors, salesOut.errorTexts()).to.be.empty;
    expect(salesOut.bodies().map((sale) => Number(sale.saleID))).to.deep.equal(shop2Completed);

    const stockOut = flow.outputs.stock;
    await stockOut.waitForData(shop2Completed.length, 60_000);
    await stock.waitForSettled(shop2Completed.length);
    await flow.collectAll('stock');
    expect(stockOut.errors, stockOut.errorTexts()).to.be.empty;
    const results = stockOut.bodies();
    const items = shop2Completed.map(firstItemOf);
    expect(results.map((result) => result.itemID).sort()).to.deep.equal([...items].sort());
    for (const result of results) expect(result).to.include({ shopID: 2, qoh: STOCK });
    for (const itemID of items) expect(qohOf(itemID, 2), `Item ${itemID} in shop 2`).to.equal(String(STOCK));
    // An item sold twice is set once: the second setting finds it right and writes nothing.
    const distinctChanged = new Set(results.filter((result) => result.changed === true).map((result) => result.itemID));
    expect(results.filter((result) => result.changed === true)).to.have.length(distinctChanged.size);
    expect(puts()).to.have.length(distinctChanged.size);
    expect(puts().every((path) => /\/Item\/\d+\.json$/.test(path)), puts().join(', ')).to.equal(true);
  });

  it('tick 2, after the open sale 2 of shop 2 is completed: exactly that sale, and its item\'s stock', async function () {
    const salesOut = flow.outputs.sales;
    const before = salesOut.data.length;
    const stockBefore = flow.outputs.stock.data.length;
    const qohBefore = Number(qohOf(5, 2));
    sim.store.create('SaleLine', { saleID: '2', itemID: '5', unitQuantity: '1', shopID: '2' });
    const completed = sim.store.update('Sale', sim.store.get('Sale', 2)!, { completed: 'true' });
    const settledAt = Date.parse(String(completed.completeTime)) + 1_100;
    await waitFor('the completion\'s second to be settled', () => Date.now() >= settledAt, { timeoutMs: 5_000 });

    await flow.send('sales');
    await trigger.waitForSettled(2);
    await flow.collectAll('sales');
    expect(salesOut.errors, salesOut.errorTexts()).to.be.empty;
    expect(salesOut.bodies().slice(before).map((sale) => Number(sale.saleID))).to.deep.equal([2]);

    await flow.outputs.stock.waitForData(stockBefore + 1);
    await stock.waitForSettled(shop2Completed.length + 1);
    await flow.collectAll('stock');
    // Lightspeed's answer: the seeded reorder settings of a shop are 5 and 10.
    expect(flow.outputs.stock.bodies().slice(stockBefore)).to.deep.equal([
      { itemID: 5, shopID: 2, itemShopID: 15, qohBefore, qoh: STOCK, reorderPoint: 5, reorderLevel: 10, changed: qohBefore !== STOCK },
    ]);
    expect(qohOf(5, 2)).to.equal(String(STOCK));
  });
});
