import { expect } from 'chai';
import * as upsert from '../../lib/actions/upsertObject';
import { listEntities } from '../../lib/catalog';
import { matchFieldsOf } from '../../lib/catalog/matchFields';
import { supportsInVerb } from '../../lib/catalog/schemas';
import { Simulator, WireObject } from '../../simulator';
import { apiRequests, run, simulatorWith } from '../helpers/component';
import { recordWrites } from '../helpers/sentWrites';

type Cfg = Awaited<ReturnType<typeof simulatorWith>>['cfg'];
type Row = Record<string, unknown>;
const ACCOUNT = '/API/V3/Account/123456';

/** A web shop's product as a flow maps it: the shop's SKU, its title and price. */
function shopProduct(sku: string, price: number): Row {
  return { customSku: sku, description: 'Linen shirt - White', Prices: { ItemPrice: [{ amount: price, useType: 'Default' }] } };
}

const defaultPrice = (record: Row): unknown => ((record.Prices as { ItemPrice: Row[] }).ItemPrice.find((price) => price.useType === 'Default'))?.amount;
const writes = (sim: Simulator): string[] => apiRequests(sim).filter((line) => !line.startsWith('GET'));

describe('Upsert Object by a match key (against the simulator)', () => {
  let sim: Simulator;
  let cfg: Cfg;
  beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 20, customers: 6, sales: 0 })));
  afterEach(() => sim.close());

  const byKey = (matchField: string, objectType = 'Item') => cfg({ objectType, matchField });
  const itemsWithSku = (sku: string): WireObject[] => sim.store.list('Item').filter((row) => row.customSku === sku);

  it('creates the Item on the first run and updates that same Item on the second: one record in Lightspeed', async () => {
    const first = await run(upsert, shopProduct('SHOP-1001', 39.9), byKey('customSku'));
    expect(first.thrown).to.equal(undefined);
    const created = first.data[0] as { matched: string; record: Row };
    expect(created.matched).to.equal('created');
    expect(created.record).to.include({ customSku: 'SHOP-1001', description: 'Linen shirt - White' });

    const second = await run(upsert, shopProduct('SHOP-1001', 34.5), byKey('customSku'));
    const updated = second.data[0] as { matched: string; record: Row };
    expect(updated.matched).to.equal('updated');
    expect(updated.record.itemID).to.equal(created.record.itemID);
    expect(defaultPrice(updated.record)).to.equal(34.5);

    expect(itemsWithSku('SHOP-1001').map((row) => Number(row.itemID))).to.deep.equal([created.record.itemID]);
    expect(apiRequests(sim).map((line) => line.replace(/\?.*/, ''))).to.deep.equal([
      `GET ${ACCOUNT}/Item.json`, `POST ${ACCOUNT}/Item.json`,
      `GET ${ACCOUNT}/Item.json`, `PUT ${ACCOUNT}/Item/${created.record.itemID}.json`,
    ]);
    expect(apiRequests(sim)[0]).to.equal(`GET ${ACCOUNT}/Item.json?customSku=SHOP-1001&archived=true&limit=100`);
  });

  it('the same record twice: the second run finds nothing to change, emits "unchanged" and sends no PUT', async () => {
    const first = await run(upsert, shopProduct('SHOP-2002', 19.5), byKey('customSku'));
    expect(first.data[0]).to.deep.include({ matched: 'created' });
    const id = (first.data[0] as { record: Row }).record.itemID;

    const second = await run(upsert, shopProduct('SHOP-2002', 19.5), byKey('customSku'));
    expect(second.thrown).to.equal(undefined);
    expect(second.data[0]).to.deep.include({ matched: 'unchanged' });
    expect((second.data[0] as { record: Row }).record).to.include({ itemID: id, customSku: 'SHOP-2002' });
    expect(writes(sim)).to.deep.equal([`POST ${ACCOUNT}/Item.json`]);
    expect(second.logs.join('\n')).to.include(`Upsert by key: Item ${id} already holds every field of the body; nothing was written`);
  });

  it('an update sends only what differs: the changed price level and field, not the match key nor the unchanged ones', async () => {
    const item = sim.store.get('Item', 7) as WireObject;
    const online = (item.Prices as { ItemPrice: Row[] }).ItemPrice.find((price) => price.useType === 'Online')?.amount;
    const sent = recordWrites();
    const body = {
      customSku: item.customSku, description: item.description, defaultCost: `${String(item.defaultCost)}0`, upc: '0123456789012',
      Prices: { ItemPrice: [{ amount: 12.99, useType: 'Default' }, { amount: Number(online), useType: 'Online' }] },
    };
    const result = await run(upsert, body, byKey('customSku'));
    expect(result.data[0]).to.deep.include({ matched: 'updated' });
    expect(sent).to.deep.equal([{ method: 'PUT', path: 'Item/7.json', body: { itemID: 7, upc: '0123456789012', Prices: { ItemPrice: [{ useType: 'Default', amount: 12.99 }] } } }]);
    expect(defaultPrice((result.data[0] as { record: Row }).record)).to.equal(12.99);
  });

  it('stock given with the Item is compared by shop: ItemShops loaded with the lookup, only the differing shop sent', async () => {
    const item = sim.store.get('Item', 5) as WireObject;
    const stock = sim.store.list('ItemShop').filter((row) => row.itemID === item.itemID && row.shopID !== '0');
    const sent = recordWrites();
    const levels = stock.map((row, index) => ({ shopID: Number(row.shopID), qoh: index === 0 ? Number(row.qoh) : Number(row.qoh) + 3 }));
    const result = await run(upsert, { customSku: String(item.customSku), ItemShops: { ItemShop: levels } }, byKey('customSku'));
    expect(result.thrown).to.equal(undefined);
    expect(apiRequests(sim)[0]).to.include(encodeURIComponent(JSON.stringify(['ItemShops'])));
    expect(sent).to.deep.equal([{ method: 'PUT', path: `Item/${item.itemID}.json`, body: { itemID: 5, ItemShops: { ItemShop: [{ itemShopID: Number(stock[1].itemShopID), qoh: levels[1].qoh }] } } }]);
    const again = await run(upsert, { customSku: String(item.customSku), ItemShops: { ItemShop: levels } }, byKey('customSku'));
    expect(again.data[0]).to.deep.include({ matched: 'unchanged' });
    expect(sent).to.have.length(1);
  });

  it('by primary key: the record read first, a PUT of what differs, none when nothing does', async () => {
    const sent = recordWrites();
    const first = await run(upsert, { itemID: 6, description: 'Renamed by ID', tax: 'true' }, cfg({ objectType: 'Item' }));
    expect(first.data[0]).to.include({ itemID: 6, description: 'Renamed by ID' });
    const second = await run(upsert, { itemID: 6, description: 'Renamed by ID', tax: true }, cfg({ objectType: 'Item' }));
    expect(second.data[0]).to.include({ itemID: 6, description: 'Renamed by ID' });
    expect(second.data[0]).not.to.have.property('matched');
    expect(sent.map((write) => write.body)).to.deep.equal([{ itemID: 6, description: 'Renamed by ID' }]);
    expect(apiRequests(sim).map((line) => line.replace(/\?.*/, ''))).to.deep.equal([
      `GET ${ACCOUNT}/Item/6.json`, `PUT ${ACCOUNT}/Item/6.json`, `GET ${ACCOUNT}/Item/6.json`,
    ]);
  });

  it('"archived": true on an active match is refused (Lightspeed archives by DELETE), nothing written', async () => {
    const item = sim.store.get('Item', 2) as WireObject;
    const result = await run(upsert, { customSku: String(item.customSku), archived: true }, byKey('customSku'));
    expect(result.thrown?.message).to.equal(`Upsert by key: Item 2 (customSku "${String(item.customSku)}") is not archived, and Lightspeed archives `
      + 'only through a DELETE (Delete Object By ID), not a write. Nothing was written.');
    expect(writes(sim)).to.deep.equal([]);
  });

  it('two Items sharing the customSku: an error naming both IDs, and nothing written', async () => {
    const twins = [1, 2].map(() => Number(sim.store.create('Item', { description: 'Twin', customSku: 'DUP-7' }).itemID));
    const result = await run(upsert, shopProduct('DUP-7', 10), byKey('customSku'));
    expect(result.thrown?.message).to.equal(
      `Upsert by key: 2 Item records have customSku "DUP-7" (itemID ${twins.join(', ')}); keep one of them. Nothing was written.`);
    expect(result.data).to.deep.equal([]);
    expect(writes(sim)).to.deep.equal([]);
  });

  it('values with , % | = + match exactly: escaped twice, they find their own Item and no other', async () => {
    const skus = ['A,B', '100%', 'X|Y', 'K=V', 'C++', '%41'];
    const ids = Object.fromEntries(skus.map((sku) => [sku, Number(sim.store.create('Item', { description: sku, customSku: sku }).itemID)]));
    sim.store.create('Item', { description: 'decoy', customSku: 'A' });
    for (const sku of skus) {
      const result = await run(upsert, { customSku: sku, description: `${sku} (synced)` }, byKey('customSku'));
      expect(result.thrown, sku).to.equal(undefined);
      expect(result.data[0], sku).to.deep.include({ matched: 'updated' });
      expect((result.data[0] as { record: Row }).record.itemID, sku).to.equal(ids[sku]);
    }
    expect(writes(sim).filter((line) => line.startsWith('POST'))).to.deep.equal([]);
    expect(apiRequests(sim)[0]).to.match(/\?customSku=A%252CB&/);
  });

  it('an Item whose key differs only in letter case is refused, not overwritten and not duplicated', async () => {
    const id = Number(sim.store.create('Item', { description: 'lower', customSku: 'sku-abc' }).itemID);
    const result = await run(upsert, shopProduct('SKU-ABC', 5), byKey('customSku'));
    expect(result.thrown?.message).to.equal(
      `Upsert by key: Lightspeed returned Item ${id} for customSku "SKU-ABC", but it carries "sku-abc". Nothing was written.`);
    expect(writes(sim)).to.deep.equal([]);
  });

  it('an archived match is reported, and restored only when the body says "archived": false', async () => {
    const archived = sim.store.list('Item').find((row) => row.archived === 'true') as WireObject;
    const sku = String(archived.customSku);
    const reported = await run(upsert, shopProduct(sku, 12), byKey('customSku'));
    expect(reported.thrown?.message).to.equal(`Upsert by key: Item ${archived.itemID} (customSku "${sku}") is archived. `
      + 'Add "archived": false to the body to restore and update it. Nothing was written.');
    expect(writes(sim)).to.deep.equal([]);

    const restored = await run(upsert, { ...shopProduct(sku, 12), archived: false }, byKey('customSku'));
    expect(restored.data[0]).to.deep.include({ matched: 'updated' });
    expect((restored.data[0] as { record: Row }).record).to.include({ itemID: Number(archived.itemID), archived: false });
  });

  it('systemSku, which Lightspeed assigns, updates a match and never creates', async () => {
    const item = sim.store.get('Item', 3) as WireObject;
    const found = await run(upsert, { systemSku: String(item.systemSku), description: 'Renamed' }, byKey('systemSku'));
    expect(found.data[0]).to.deep.include({ matched: 'updated' });
    expect((found.data[0] as { record: Row }).record).to.include({ itemID: 3, description: 'Renamed' });

    const missing = await run(upsert, { systemSku: 999, description: 'x' }, byKey('systemSku'));
    expect(missing.thrown?.message).to.equal(
      'Upsert by key: no Item has systemSku "999" (archived included), and a new one cannot be given it. Nothing was written.');
    expect(writes(sim)).to.deep.equal([`PUT ${ACCOUNT}/Item/3.json`]);
  });

  it('the primary key (the default) keeps the upsert by ID: the record itself is emitted', async () => {
    const result = await run(upsert, { itemID: 4, description: 'By ID' }, byKey('itemID'));
    expect(result.data[0]).to.include({ itemID: 4, description: 'By ID' });
    expect(result.data[0]).not.to.have.property('matched');
  });

  describe('Customer by e-mail', () => {
    const customer = (address: string, firstName: string): Row => ({
      firstName, lastName: 'Lovelace', Contact: { Emails: { ContactEmail: [{ address, useType: 'Primary' }] } },
    });

    it('creates the Customer once, then finds it by its address whatever the letter case', async () => {
      const first = await run(upsert, customer('ada@example.com', 'Ada'), byKey('Contact.email', 'Customer'));
      expect(first.data[0]).to.deep.include({ matched: 'created' });
      const id = (first.data[0] as { record: Row }).record.customerID;

      const second = await run(upsert, customer('ADA@example.com', 'Augusta Ada'), byKey('Contact.email', 'Customer'));
      expect(second.data[0]).to.deep.include({ matched: 'updated' });
      expect((second.data[0] as { record: Row }).record).to.include({ customerID: id, firstName: 'Augusta Ada' });
      expect(sim.store.list('Customer').filter((row) => row.lastName === 'Lovelace')).to.have.length(1);
      expect(apiRequests(sim)[0]).to.equal(
        `GET ${ACCOUNT}/Customer.json?Contact.email=ada%40example.com&archived=true&load_relations=%5B%22Contact%22%5D&limit=100`);
    });

    it('a Lightspeed that refuses Contact.email: its message, nothing written', async () => {
      sim.setOptions({ contactEmailSearch: 'reject' });
      const result = await run(upsert, customer('ada@example.com', 'Ada'), byKey('Contact.email', 'Customer'));
      expect(result.thrown?.message).to.equal("Lightspeed answered 400 to GET Customer: Invalid search field 'Contact.email'");
      expect(writes(sim)).to.deep.equal([]);
    });

    it('a Lightspeed that ignores Contact.email: refused at the first record without the address, nothing written', async () => {
      sim.setOptions({ contactEmailSearch: 'ignore' });
      const result = await run(upsert, customer('ada@example.com', 'Ada'), byKey('Contact.email', 'Customer'));
      expect(result.thrown?.message).to.match(/^Upsert by key: Lightspeed returned Customer 1 for Contact\.email "ada@example\.com", but it carries "\S+@example\.com"/);
      expect(apiRequests(sim)).to.have.length(1);
    });
  });

  describe('design time', () => {
    it('every match field is a text or number field of an entity that can be upserted', () => {
      for (const entity of listEntities()) {
        for (const field of matchFieldsOf(entity)) {
          expect(supportsInVerb(entity, 'upsert'), entity.name).to.equal(true);
          const spec = entity.fields.find((candidate) => candidate.name === field.key);
          if (field.key !== 'Contact.email') expect(['string', 'integer'], `${entity.name}.${field.key}`).to.include(spec?.type);
        }
      }
    });

    it('"Match by" lists the primary key first, then the keys of the entity', async () => {
      expect(await upsert.getMatchFields({ objectType: 'Item' })).to.deep.equal({
        itemID: 'itemID (primary key)', customSku: 'customSku', systemSku: 'systemSku (updates only: Lightspeed assigns it)',
        upc: 'upc', ean: 'ean', manufacturerSku: 'manufacturerSku',
      });
      expect(await upsert.getMatchFields({ objectType: 'Customer' })).to.deep.equal({ customerID: 'customerID (primary key)', 'Contact.email': 'e-mail (Contact)' });
      expect(await upsert.getMatchFields({ objectType: 'SaleSaleLine' })).to.deep.equal({ saleLineID: 'saleLineID (primary key)' });
    });

    it('by a key, the input requires it and has no primary key; the output is {matched, record}', async () => {
      const meta = await upsert.getMetaModel({ objectType: 'Item', matchField: 'upc' });
      expect(meta.in.properties?.upc, 'required the platform\'s way').to.include({ required: true });
      expect(meta.in.properties).not.to.have.property('itemID');
      expect(meta.out.properties?.matched).to.deep.include({ enum: ['created', 'updated', 'unchanged'] });
      expect(meta.out.properties?.record?.properties).to.have.property('itemID');
      const bySystemSku = await upsert.getMetaModel({ objectType: 'Item', matchField: 'systemSku' });
      expect(bySystemSku.in.properties).to.have.property('systemSku');
    });
  });
});
