import { expect } from 'chai';
import * as setStock from '../../lib/actions/setStockLevel';
import * as completedSales from '../../lib/triggers/completedSales';
import * as newCustomers from '../../lib/triggers/newCustomers';
import * as stockChanges from '../../lib/triggers/stockChanges';
import { Simulator } from '../../simulator';
import { apiRequests, getContext, nextScheduledTick, run, simulatorWith } from '../helpers/component';

type Cfg = Awaited<ReturnType<typeof simulatorWith>>['cfg'];
type Row = Record<string, unknown>;
const ACCOUNT = '/API/V3/Account/123456';
const ids = (data: unknown[], key: string): number[] => data.map((body) => Number((body as Row)[key]));
const decoded = (line: string): string => decodeURIComponent(line);

describe('ready-made triggers (against the simulator)', () => {
  let sim: Simulator;
  let cfg: Cfg;
  afterEach(async () => { await sim?.close(); delete process.env.ELASTICIO_FLOW_TYPE; });

  describe('Completed sales', () => {
    // 40 sales, odd IDs in shop 1 and even in shop 2; sale 2 is open; completed sales 7, 14, 21, 28, 35 were voided.
    beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 30, customers: 10 })));
    const shop2 = [4, 6, 8, 10, 12, 16, 18, 20, 22, 24, 26, 30, 32, 34, 36, 38, 40];

    it('emits the completed sales of shop 2 only, voided left out, with lines, payments and customer, in one filtered query', async () => {
      const step = cfg({ shopID: '2' });
      const first = await run(completedSales, {}, step);
      expect(first.thrown).to.equal(undefined);
      expect(ids(first.data, 'saleID')).to.deep.equal(shop2);
      const sale = first.data[0] as Row;
      expect(sale).to.include({ completed: true, voided: false, shopID: 2 });
      const lines = (sale.SaleLines as { SaleLine: Row[] }).SaleLine;
      expect(lines[0].Item).to.be.an('object').that.has.property('itemID', lines[0].itemID);
      const payments = (sale.SalePayments as { SalePayment: Row[] }).SalePayment;
      expect(payments[0].PaymentType).to.be.an('object').that.has.property('name');
      expect((first.data[1] as Row).Customer).to.be.an('object').that.has.property('Contact');
      const requests = apiRequests(sim).map(decoded);
      expect(requests).to.have.length(1);
      expect(requests[0]).to.contain(`GET ${ACCOUNT}/Sale.json?completeTime=<=,`);
      expect(requests[0]).to.contain('&sort=completeTime&completed==,true&voided==,false&shopID==,2');

      const second = await run(completedSales, {}, step, first.snapshots.at(-1));
      expect(second.data).to.deep.equal([]);
      // The open sale 2 (shop 2) is completed: the next run emits it, and nothing else.
      sim.store.update('Sale', sim.store.get('Sale', 2)!, { completed: 'true' });
      await nextScheduledTick();
      const third = await run(completedSales, {}, step, second.snapshots.at(-1));
      expect(ids(third.data, 'saleID')).to.deep.equal([2]);
    });

    it('with Include voided, the voided sales come too, marked voided: true', async () => {
      const result = await run(completedSales, {}, cfg({ shopID: 2, includeVoided: true }));
      expect(ids(result.data, 'saleID')).to.deep.equal([...shop2, 14, 28].sort((a, b) => a - b));
      expect(result.data.filter((sale) => (sale as Row).voided === true).map((sale) => (sale as Row).saleID)).to.deep.equal([14, 28]);
      expect(decoded(apiRequests(sim)[0])).not.to.contain('voided');
    });

    it('all shops by default; a Retrieve sample shows 10 sales and stores no snapshot', async () => {
      process.env.ELASTICIO_FLOW_TYPE = 'debug';
      const sample = await run(completedSales, {}, cfg());
      expect(ids(sample.data, 'saleID')).to.deep.equal([1, 3, 4, 5, 6, 8, 9, 10, 11, 12]);
      expect(sample.snapshots).to.deep.equal([]);
    });

    it('the shop select lists the account\'s shops from Shop.json, {shopID: name}', async () => {
      const context = getContext();
      const shops = await completedSales.getShops.call(context, cfg());
      expect(shops).to.deep.equal({ 1: 'Main Street', 2: 'Harbour Mall' });
      expect(apiRequests(sim).map((line) => line.replace(/\?.*/, ''))).to.deep.equal([`GET ${ACCOUNT}/Shop.json`]);
    });
  });

  describe('Stock changes', () => {
    beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 150, sales: 0, archivedItems: 0 })));

    it('emits the stock of shop 2, then only what Set Stock Level changed, with SKUs from one Item lookup per page', async () => {
      const step = cfg({ shopID: 2, addSkus: true });
      const first = await run(stockChanges, {}, step);
      expect(first.thrown).to.equal(undefined);
      expect(first.data).to.have.length(150);
      const record = first.data[0] as Row;
      expect(record).to.include({ itemID: 1, shopID: 2, customSku: 'SKU-000001', systemSku: 210000000001, upc: '400000000001', ean: '2000000000001' });
      expect(record).to.have.property('qoh').that.is.a('number');
      expect(record).to.have.property('reorderPoint', 5);
      const itemLookups = apiRequests(sim).map(decoded).filter((line) => line.includes('/Item.json'));
      expect(itemLookups).to.have.length(2); // pages of 100 and 50 ItemShops
      expect(itemLookups[0]).to.contain(`itemID=IN,[${Array.from({ length: 100 }, (_, i) => i + 1).join(',')}]`);

      await nextScheduledTick();
      const stock = await run(setStock, { customSku: 'SKU-000007', shopID: 2, qoh: 33 }, cfg({ matchField: 'customSku' }));
      expect(stock.thrown).to.equal(undefined);
      await nextScheduledTick();
      sim.resetStats();
      const second = await run(stockChanges, {}, step, first.snapshots.at(-1));
      expect(second.data).to.have.length(1);
      expect(second.data[0]).to.include({ itemID: 7, shopID: 2, qoh: 33, customSku: 'SKU-000007' });
      expect(apiRequests(sim).filter((line) => line.includes('/Item.json'))).to.have.length(1);
    });

    it('without a shop, every shop and the shop 0 sum; without Add SKUs, no Item request', async () => {
      const result = await run(stockChanges, {}, cfg({ startTime: '2024-01-01T00:05:00Z' }));
      expect(result.data.slice(0, 3).map((row) => [(row as Row).itemID, (row as Row).shopID])).to.deep.equal([[5, 0], [5, 1], [5, 2]]);
      expect(result.data[0]).not.to.have.property('customSku');
      expect(apiRequests(sim).every((line) => line.includes('/ItemShop.json'))).to.equal(true);
    });
  });

  describe('New customers', () => {
    beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 5, customers: 8, archivedCustomers: 0, sales: 0 })));

    it('emits new customers only, with their Contact; with New and updated, changed ones too', async () => {
      const onlyNew = cfg();
      const both = cfg({ newAndUpdated: true });
      const firstNew = await run(newCustomers, {}, onlyNew);
      const firstBoth = await run(newCustomers, {}, both);
      expect(ids(firstNew.data, 'customerID').sort((a, b) => a - b)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(ids(firstBoth.data, 'customerID')).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(firstNew.data[0]).to.have.property('Contact').that.is.an('object');
      expect(decoded(apiRequests(sim)[0])).to.contain('Customer.json?createTime=<=,');

      await nextScheduledTick();
      const created = sim.store.create('Customer', { firstName: 'Nora', lastName: 'Lee' });
      sim.touch('Customer', [3]);
      await nextScheduledTick();
      const secondNew = await run(newCustomers, {}, onlyNew, firstNew.snapshots.at(-1));
      const secondBoth = await run(newCustomers, {}, both, firstBoth.snapshots.at(-1));
      expect(ids(secondNew.data, 'customerID')).to.deep.equal([Number(created.customerID)]);
      expect(ids(secondBoth.data, 'customerID').sort((a, b) => a - b)).to.deep.equal([3, Number(created.customerID)]);
    });

    it('a Customer type narrows the customers on Lightspeed\'s side; the select lists the account\'s types', async () => {
      const result = await run(newCustomers, {}, cfg({ customerTypeID: '2' }));
      expect(ids(result.data, 'customerID').sort((a, b) => a - b)).to.deep.equal([4, 8]);
      expect(decoded(apiRequests(sim)[0])).to.contain('customerTypeID==,2');
      const types = await newCustomers.getCustomerTypes.call(getContext(), cfg());
      expect(types).to.deep.equal({ 1: 'Retail', 2: 'Wholesale' });
    });
  });
});
