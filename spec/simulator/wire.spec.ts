import { expect } from 'chai';
import { Simulator } from '../../simulator';
import { collapse } from '../../simulator/wire';
import { api, attributes, records, useUnthrottledSimulator } from './helpers';

describe('simulator wire format', () => {
  let sim: Simulator;
  let token: string;

  useUnthrottledSimulator((started, startedToken) => { sim = started; token = startedToken; });

  it('answers Item.json?limit=2 like the documented response', async () => {
    const { status, body, headers } = await api(sim, token, 'Item.json?limit=2');
    expect(status).to.equal(200);
    expect(headers.get('content-type')).to.equal('application/json');
    expect(Object.keys(body)).to.deep.equal(['@attributes', 'Item']);
    expect(attributes(body)).to.deep.equal({
      next: `${sim.url}/API/V3/Account/123456/Item.json?sort=itemID&limit=2&after=WzJd`,
      previous: '',
    });
    const items = body.Item as Array<Record<string, unknown>>;
    expect(items).to.be.an('array').with.length(2);
    expect(items.map((i) => i.itemID)).to.deep.equal(['1', '2']);
    for (const item of items) {
      for (const [key, value] of Object.entries(item)) {
        if (key !== 'Prices') expect(value, key).to.be.a('string');
      }
    }
    expect(items[0]).to.include({ customSku: 'SKU-000001', upc: '400000000001', archived: 'false', timeStamp: '2024-01-01T00:01:00+00:00' });
    const prices = (items[0].Prices as { ItemPrice: Array<Record<string, string>> }).ItemPrice;
    expect(prices.map((p) => p.useType)).to.deep.equal(['Default', 'MSRP', 'Online']);
  });

  it('wraps a single read in @attributes.count', async () => {
    const { body } = await api(sim, token, 'Item/7.json');
    expect(attributes(body)).to.deep.equal({ count: '1' });
    expect((body.Item as Record<string, string>).itemID).to.equal('7');
  });

  it('returns an object, not an array, when a query matches one record', async () => {
    const { body } = await api(sim, token, 'Item.json?itemID=5');
    expect(body.Item).to.be.an('object').and.not.an('array');
    expect((body.Item as Record<string, string>).itemID).to.equal('5');
    expect(attributes(body)).to.deep.equal({ next: '', previous: '' });
  });

  it('returns one nested SaleLine as an object and several as an array', async () => {
    const one = await api(sim, token, 'Sale/1.json?load_relations=["SaleLines"]');
    const sale1 = one.body.Sale as Record<string, unknown>;
    const lines1 = (sale1.SaleLines as Record<string, unknown>).SaleLine;
    expect(lines1).to.be.an('object').and.not.an('array');
    expect((lines1 as Record<string, string>).saleID).to.equal('1');
    const three = await api(sim, token, 'Sale/3.json?load_relations=["SaleLines"]');
    const lines3 = ((three.body.Sale as Record<string, unknown>).SaleLines as Record<string, unknown>).SaleLine;
    expect(lines3).to.be.an('array').with.length(3);
  });

  it('renders an empty relation as ""', async () => {
    const sale = (await api(sim, token, 'Sale/2.json?load_relations=["SaleLines","SalePayments"]')).body.Sale as Record<string, unknown>;
    expect(sale.SaleLines).to.equal('');
    expect(sale.SalePayments).to.equal('');
    const customer = (await api(sim, token, 'Customer/3.json?load_relations=["Contact"]')).body.Customer as Record<string, unknown>;
    const contact = customer.Contact as Record<string, unknown>;
    expect(contact.Phones).to.equal('');
    expect(contact.Websites).to.equal('');
    expect((contact.Emails as Record<string, unknown>).ContactEmail).to.be.an('object').and.not.an('array');
    expect((contact.Addresses as Record<string, unknown>).ContactAddress).to.have.property('countryCode');
  });

  it('filters nested paths by the parent key', async () => {
    const { body } = await api(sim, token, 'Sale/3/SaleLine.json');
    const lines = records(body, 'SaleLine');
    expect(lines).to.have.length(3);
    expect(lines.every((l) => l.saleID === '3')).to.equal(true);
  });

  it('loads Item relations (Category, ItemShops with the shopID 0 summary)', async () => {
    const { body } = await api(sim, token, 'Item/1.json?load_relations=["Category","ItemShops"]');
    const item = body.Item as Record<string, unknown>;
    expect((item.Category as Record<string, string>).categoryID).to.equal('1');
    const shops = (item.ItemShops as { ItemShop: Array<Record<string, string>> }).ItemShop;
    expect(shops.map((s) => s.shopID)).to.deep.equal(['0', '1', '2']);
    expect(Number(shops[0].qoh)).to.equal(Number(shops[1].qoh) + Number(shops[2].qoh));
  });

  it('omits a to-one relation whose key is 0 (item 10 has no category)', async () => {
    const item = (await api(sim, token, 'Item/10.json?load_relations=["Category"]')).body.Item as Record<string, unknown>;
    expect(item.categoryID).to.equal('0');
    expect(item).to.not.have.property('Category');
  });

  it('answers a query with no match without the entity key', async () => {
    const { status, body } = await api(sim, token, 'Item.json?itemID=999999');
    expect(status).to.equal(200);
    expect(body).to.deep.equal({ '@attributes': { next: '', previous: '' } });
  });

  it('returns no records at all for a malformed load_relations', async () => {
    for (const value of ['["Category,ItemShops"]', 'Category', '["Nope"]']) {
      const { status, body } = await api(sim, token, `Item.json?load_relations=${encodeURIComponent(value)}`);
      expect(status, value).to.equal(200);
      expect(body, value).to.deep.equal({ '@attributes': { next: '', previous: '' } });
    }
  });

  it('accepts load_relations=all', async () => {
    const sale = (await api(sim, token, 'Sale/1.json?load_relations=all')).body.Sale as Record<string, unknown>;
    expect(sale).to.have.property('SaleLines');
    expect(sale).to.have.property('SalePayments');
    expect(sale).to.have.property('Customer');
  });

  it('answers count=1 with the count only', async () => {
    expect((await api(sim, token, 'Item.json?count=1')).body).to.deep.equal({ '@attributes': { count: '245' } });
    expect((await api(sim, token, 'Item.json?count=1&archived=true')).body).to.deep.equal({ '@attributes': { count: '250' } });
    expect((await api(sim, token, 'Customer.json?count=1')).body).to.deep.equal({ '@attributes': { count: '48' } });
    expect((await api(sim, token, 'Item.json?count=1&limit=5')).status).to.equal(400);
  });

  it('lists the account at /API/V3/Account.json', async () => {
    const { body } = await api(sim, token, '/API/V3/Account.json');
    expect(attributes(body)).to.deep.equal({ count: '1' });
    expect(body.Account).to.include({ accountID: '123456', name: 'Simulated Retail Store' });
  });

  it('uses the error envelope for 404, 405 and 400', async () => {
    const unknownId = await api(sim, token, 'Item/999999.json');
    expect(unknownId.status).to.equal(404);
    expect(unknownId.body).to.deep.equal({ httpCode: '404', httpMessage: 'Not Found', message: 'Item 999999 not found', errorClass: 'NotFoundException' });
    const unknownPath = await api(sim, token, 'Nonsense.json');
    expect(unknownPath.status).to.equal(404);
    expect(unknownPath.body).to.include({ httpCode: '404', httpMessage: 'Not Found' });
    const notAllowed = await api(sim, token, 'ItemShop.json', { method: 'POST', body: { qoh: 1 } });
    expect(notAllowed.status).to.equal(405);
    expect(notAllowed.body).to.include({ httpCode: '405', httpMessage: 'Method Not Allowed', errorClass: 'MethodNotAllowedException' });
    const badLimit = await api(sim, token, 'Item.json?limit=101');
    expect(badLimit.status).to.equal(400);
    expect(badLimit.body).to.include({ httpCode: '400', httpMessage: 'Bad Request' });
    const badSort = await api(sim, token, 'Item.json?sort=upc');
    expect(badSort.status).to.equal(400);
    expect(badSort.body.message).to.equal("Invalid sort field 'upc' for Item. Sortable fields: itemID, timeStamp, description");
  });

  it('answers a posted sub-object as real answers hold it: one element bare, none ""', async () => {
    const one = await api(sim, token, 'Vendor.json', { method: 'POST', body: { name: 'Reps one', Reps: { VendorRep: [{ firstName: 'Ann', lastName: 'Lee' }] } } });
    expect((one.body.Vendor as Record<string, unknown>).Reps).to.deep.equal({ VendorRep: { firstName: 'Ann', lastName: 'Lee' } });
    const none = await api(sim, token, 'Vendor.json', { method: 'POST', body: { name: 'Reps none', Reps: [], purchasingCurrency: {} } });
    expect(none.body.Vendor).to.include({ Reps: '', purchasingCurrency: '' });
  });

  it('leaves out a to-one relation it keeps no records for, and sends a sub-object field without data as ""', async () => {
    const item = (await api(sim, token, 'Item/1.json?load_relations=["Department","ItemShelfLocations"]')).body.Item as Record<string, unknown>;
    expect(item).to.not.have.property('Department');
    expect(item.ItemShelfLocations).to.equal('');
  });

  it('collapses stored lists at any depth: scalar lists too (attribute1Values "Red", attribute2Values ["S","M"])', () => {
    expect(collapse({ attribute1Values: ['Red'], attribute2Values: ['S', 'M'], none: [], empty: {}, deep: { list: [{ a: '1' }] } }))
      .to.deep.equal({ attribute1Values: 'Red', attribute2Values: ['S', 'M'], none: '', empty: '', deep: { list: { a: '1' } } });
  });
});
