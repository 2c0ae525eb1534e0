import { expect } from 'chai';
import { Simulator, WireObject, startSimulator } from '../../simulator';
import { FakeClock, accessToken, api, records } from './helpers';

/** Writes the simulator answers as Lightspeed's docs and changelog say Lightspeed does (simulator/writeRules.ts). */
describe('simulator writes as Lightspeed documents them', () => {
  let sim: Simulator;
  let token: string;
  const clock = new FakeClock(Date.UTC(2030, 0, 1, 12, 0, 0));
  const now = '2030-01-01T12:00:00+00:00';
  beforeEach(async () => {
    sim = await startSimulator({ rateLimit: false, items: 20, sales: 10, now: clock.now });
    token = await accessToken(sim);
  });
  afterEach(() => sim.close());

  // Item i's stock in shop s is ItemShop (i-1)*3 + s + 1; shop 0 holds the sum.
  const stockOf = (itemID: number, shopID: number): WireObject => sim.store.get('ItemShop', (itemID - 1) * 3 + shopID + 1) as WireObject;
  const snapshot = (itemID: number) => [0, 1, 2].map((shopID) => ({ ...stockOf(itemID, shopID) }));

  describe('stock', () => {
    it('PUT ItemShop changes the reorder settings only: a qoh in its body is answered 200 with the record unchanged', async () => {
      const before = snapshot(4);
      const ignored = await api(sim, token, `ItemShop/${before[2].itemShopID}.json`, { method: 'PUT', body: { qoh: 99, sellable: 99 } });
      expect(ignored.status).to.equal(200);
      expect(ignored.body.ItemShop).to.deep.equal(before[2]);
      expect(snapshot(4)).to.deep.equal(before);

      const reorder = await api(sim, token, `ItemShop/${before[2].itemShopID}.json`, { method: 'PUT', body: { qoh: 99, reorderPoint: 3, reorderLevel: 12 } });
      expect(reorder.body.ItemShop).to.include({ qoh: before[2].qoh, reorderPoint: '3', reorderLevel: '12', timeStamp: now });
      expect(snapshot(4)[0]).to.deep.equal(before[0]);
    });

    it('PUT Item with ItemShops sets the quantity, by itemShopID or by shopID; shop 0 keeps the sum; the answer carries them', async () => {
      const byId = await api(sim, token, 'Item/4.json', { method: 'PUT', body: { ItemShops: { ItemShop: [{ itemShopID: stockOf(4, 1).itemShopID, qoh: 7 }] } } });
      expect(byId.status).to.equal(200);
      const answered = records((byId.body.Item as Record<string, unknown>).ItemShops as Record<string, unknown>, 'ItemShop');
      expect(answered.find((shop) => shop.shopID === '1')).to.include({ qoh: '7', sellable: '7', timeStamp: now });
      const byShop = await api(sim, token, 'Item/4.json', { method: 'PUT', body: { ItemShops: { ItemShop: { shopID: 2, qoh: 0 } } } });
      expect(byShop.status).to.equal(200);
      expect(snapshot(4).map((row) => [row.shopID, row.qoh, row.sellable])).to.deep.equal([['0', '7', '7'], ['1', '7', '7'], ['2', '0', '0']]);
    });

    const refusals: Array<[string, unknown[], string]> = [
      ['a negative quantity', [{ shopID: 1, qoh: 5 }, { shopID: 2, qoh: -3 }], 'Item not updated. ItemShop qoh cannot be set to a negative value (-3).'],
      ['an entry naming neither itemShopID nor shopID', [{ qoh: 5 }], 'Item not updated. An ItemShop must name its itemShopID or its shopID.'],
      ['two entries for one shop (by shopID, then by its itemShopID)', [{ shopID: 1, qoh: 5 }, { itemShopID: 11, qoh: 6 }], 'Item not updated. Two ItemShops name shop 1.'],
      ['a shop the account does not have', [{ shopID: 9, qoh: 5 }], 'Item not updated. Item 4 has no ItemShop for shop 9.'],
      ['the shop 0 summary', [{ shopID: 0, qoh: 5 }], 'Item not updated. Item 4 has no ItemShop for shop 0.'],
    ];
    for (const [name, entries, message] of refusals) {
      it(`PUT Item with ItemShops refuses ${name} with a 400, and applies nothing of the body`, async () => {
        const before = snapshot(4);
        const item = { ...sim.store.get('Item', 4) };
        const answer = await api(sim, token, 'Item/4.json', { method: 'PUT', body: { description: 'Not applied', ItemShops: { ItemShop: entries } } });
        expect(answer.status).to.equal(400);
        expect(answer.body).to.deep.equal({ httpCode: '400', httpMessage: 'Bad Request', message, errorClass: 'ValidationException' });
        expect(snapshot(4)).to.deep.equal(before);
        expect(sim.store.get('Item', 4)).to.deep.equal(item);
      });
    }

    it('a POST of an Item takes its stock by shopID; a negative one is refused and no Item is created', async () => {
      const refused = await api(sim, token, 'Item.json', { method: 'POST', body: { description: 'Minus', ItemShops: { ItemShop: [{ shopID: 1, qoh: -1 }] } } });
      expect(refused.status).to.equal(400);
      expect(refused.body.message).to.equal('Item not created. ItemShop qoh cannot be set to a negative value (-1).');
      expect(sim.store.list('Item').map((row) => row.description)).not.to.include('Minus');
    });

    it('DELETE of an Item archives it and zeroes its stock in every shop, the summary included (the Item page)', async () => {
      expect(Number(stockOf(6, 0).qoh)).to.be.greaterThan(0);
      const deleted = await api(sim, token, 'Item/6.json', { method: 'DELETE' });
      expect(deleted.body.Item).to.include({ archived: 'true' });
      expect(snapshot(6).map((row) => [row.qoh, row.sellable])).to.deep.equal([['0', '0'], ['0', '0'], ['0', '0']]);
    });
  });

  describe('fields and values a write carries that Lightspeed ignores', () => {
    it('a read-only field (systemSku) and archived: true in an Item PUT are ignored; archived: false restores', async () => {
      const before = { ...sim.store.get('Item', 3) };
      const answer = await api(sim, token, 'Item/3.json', { method: 'PUT', body: { systemSku: 1, archived: true, description: 'Kept' } });
      expect(answer.body.Item).to.include({ systemSku: before.systemSku, archived: 'false', description: 'Kept' });
      await api(sim, token, 'Item/3.json', { method: 'DELETE' });
      const restored = await api(sim, token, 'Item/3.json', { method: 'PUT', body: { archived: false } });
      expect(restored.body.Item).to.include({ archived: 'false' });
    });
  });

  describe('deletes Lightspeed refuses', () => {
    const refused = async (path: string, message: string) => {
      const answer = await api(sim, token, path, { method: 'DELETE' });
      expect(answer.status, path).to.equal(400);
      expect(answer.body.message).to.equal(message);
    };

    it('a completed Sale cannot be archived; an open one can', async () => {
      await refused('Sale/1.json', 'Sale not archived. Sale 1 is completed, and a completed sale cannot be archived.');
      expect(sim.store.get('Sale', 1)).to.include({ archived: 'false' });
      expect((await api(sim, token, 'Sale/2.json', { method: 'DELETE' })).body.Sale).to.include({ saleID: '2', archived: 'true' });
    });

    it('a line of a completed or voided Sale cannot be deleted; a line of an open one can', async () => {
      const lineOf = (saleID: string) => sim.store.list('SaleLine').find((line) => line.saleID === saleID) as WireObject;
      await refused(`SaleLine/${lineOf('1').saleLineID}.json`, 'SaleLine not deleted. Sale 1 is completed; its lines cannot be deleted.');
      await refused(`Sale/7/SaleLine/${lineOf('7').saleLineID}.json`, 'SaleLine not deleted. Sale 7 is voided; its lines cannot be deleted.');
      const added = await api(sim, token, 'Sale/2/SaleLine.json', { method: 'POST', body: { itemID: 3, unitQuantity: 1 } });
      const saleLineID = String((added.body.SaleLine as WireObject).saleLineID);
      expect((await api(sim, token, `SaleLine/${saleLineID}.json`, { method: 'DELETE' })).status).to.equal(200);
    });

    it('a TaxClass in use cannot be deleted; an unused one can', async () => {
      await refused('TaxClass/1.json', 'TaxClass not deleted. TaxClass 1 is in use by Item and SaleLine records.');
      expect((await api(sim, token, 'TaxClass/2.json', { method: 'DELETE' })).status).to.equal(200);
    });
  });

  it('POST Sale/{saleID}/EmailReceipt.json answers a message, not a record, and needs emailAddress', async () => {
    const sent = await api(sim, token, 'Sale/3/EmailReceipt.json', { method: 'POST', body: { emailAddress: 'ann@example.com' } });
    expect(sent.status).to.equal(200);
    expect(sent.body).to.deep.equal({ message: 'Receipt emailed to: ann@example.com' });
    const missing = await api(sim, token, 'Sale/3/EmailReceipt.json', { method: 'POST', body: {} });
    expect(missing.status).to.equal(400);
    expect((await api(sim, token, 'Sale/99999/EmailReceipt.json', { method: 'POST', body: { emailAddress: 'a@b.c' } })).status).to.equal(404);
  });
});
