import { expect } from 'chai';
import * as create from '../../lib/actions/createObject';
import * as remove from '../../lib/actions/deleteObjectById';
import * as update from '../../lib/actions/updateObject';
import { Simulator } from '../../simulator';
import { apiRequests, run, simulatorWith } from '../helpers/component';

type Cfg = Awaited<ReturnType<typeof simulatorWith>>['cfg'];
type Row = Record<string, unknown>;
const ACCOUNT = '/API/V3/Account/123456';

/**
 * The entity actions against the simulator, which takes, ignores and refuses writes as Lightspeed documents (the
 * refusals made before any request are in spec/reliability/badInput.spec.ts).
 */
describe('entity actions: writes as Lightspeed documents them', () => {
  let sim: Simulator;
  let cfg: Cfg;
  beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 20, customers: 5, sales: 10 })));
  afterEach(() => sim.close());

  it('Update Object of an ItemShop takes the reorder settings (the designer shows only them) and emits the answer', async () => {
    const result = await run(update, { itemShopID: 5, reorderPoint: 3 }, cfg({ objectType: 'ItemShop' }));
    expect(result.thrown).to.equal(undefined);
    expect(result.data[0]).to.include({ itemShopID: 5, reorderPoint: 3, reorderLevel: 10 });
    expect(apiRequests(sim)).to.deep.equal([`PUT ${ACCOUNT}/ItemShop/5.json`]);
  });

  it('Update Object of an Item\'s stock by shopID sets it, and is sent again after a lost answer: it sets, never adds', async () => {
    sim.setOptions({ dropConnections: { count: 1, match: { method: 'PUT' } } });
    const result = await run(update, { itemID: 2, ItemShops: { ItemShop: [{ shopID: 1, qoh: 9 }] } }, cfg({ objectType: 'Item' }));
    expect(result.thrown).to.equal(undefined);
    const stock = ((result.data[0] as Row).ItemShops as { ItemShop: Row[] }).ItemShop;
    expect(stock.find((shop) => shop.shopID === 1)).to.include({ qoh: 9 });
    expect(apiRequests(sim)).to.deep.equal([`PUT ${ACCOUNT}/Item/2.json`, `PUT ${ACCOUNT}/Item/2.json`]);
  });

  it('Delete Object By ID of an Item archives it, and Lightspeed zeroes its stock in every shop', async () => {
    const result = await run(remove, { id: 4 }, cfg({ objectType: 'Item' }));
    expect(result.data[0]).to.deep.include({ id: 4, result: 'archived' });
    expect(sim.store.list('ItemShop').filter((row) => row.itemID === '4').map((row) => row.qoh)).to.deep.equal(['0', '0', '0']);
  });

  it('Delete Object By ID of a completed Sale: Lightspeed refuses, and its message reaches the user', async () => {
    const result = await run(remove, { id: 1 }, cfg({ objectType: 'Sale' }));
    expect(result.thrown?.message).to.equal('Lightspeed answered 400 to DELETE Sale 1: Sale not archived. Sale 1 is completed, and a completed sale cannot be archived.');
    expect(result.data).to.deep.equal([]);
  });

  it('Create Object of a Sale EmailReceipt emits Lightspeed\'s answer, a message (the receipt is sent once, and said so)', async () => {
    const result = await run(create, { saleID: 3, emailAddress: 'ann@example.com' }, cfg({ objectType: 'SaleEmailReceipt' }));
    expect(result.thrown).to.equal(undefined);
    expect(result.data).to.deep.equal([{ message: 'Receipt emailed to: ann@example.com' }]);
    expect(apiRequests(sim)).to.deep.equal([`POST ${ACCOUNT}/Sale/3/EmailReceipt.json`]);
  });
});
