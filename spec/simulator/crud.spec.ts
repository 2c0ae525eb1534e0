import { expect } from 'chai';
import { Simulator, startSimulator } from '../../simulator';
import { FakeClock, accessToken, api, attributes, records } from './helpers';

describe('simulator writes (POST/PUT/DELETE)', () => {
  let sim: Simulator;
  let token: string;
  // Before every seeded timestamp: writes must still not go back in time.
  const clock = new FakeClock(Date.UTC(2023, 0, 1));
  const newestSeed = '2024-01-01T04:10:00+00:00'; // Item 250

  before(async () => {
    sim = await startSimulator({ rateLimit: false, now: clock.now });
    token = await accessToken(sim);
  });
  after(() => sim.close());

  it('POST creates an Item from native JSON values and answers 200 with string values', async () => {
    const { status, body } = await api(sim, token, 'Item.json', {
      method: 'POST',
      body: { description: 'Simulator Test Item', defaultCost: 12.5, tax: true, manufacturerID: 3, itemID: 9999, Prices: { ItemPrice: [{ amount: 19.99, useTypeID: 1 }] } },
    });
    expect(status).to.equal(200);
    expect(attributes(body)).to.deep.equal({ count: '1' });
    const item = body.Item as Record<string, unknown>;
    expect(item).to.include({
      itemID: '251', description: 'Simulator Test Item', defaultCost: '12.5', tax: 'true', manufacturerID: '3',
      archived: 'false', itemType: 'default', categoryID: '0', timeStamp: newestSeed, createTime: newestSeed,
    });
    expect((item.Prices as { ItemPrice: unknown }).ItemPrice).to.deep.equal([
      { amount: '19.99', useTypeID: '1', useType: 'Default' },
      { amount: '0', useTypeID: '2', useType: 'MSRP' },
      { amount: '0', useTypeID: '3', useType: 'Online' },
    ]);
    const shops = await api(sim, token, 'ItemShop.json?itemID=251');
    expect(records(shops.body, 'ItemShop').map((s) => [s.shopID, s.qoh])).to.deep.equal([['0', '0'], ['1', '0'], ['2', '0']]);
  });

  it('POST accepts a body wrapped in the entity key', async () => {
    const { body } = await api(sim, token, 'Item.json', { method: 'POST', body: { Item: { description: 'Wrapped' } } });
    expect((body.Item as Record<string, string>).description).to.equal('Wrapped');
  });

  it('POST validates: required description, integer and enum fields, JSON syntax', async () => {
    const missing = await api(sim, token, 'Item.json', { method: 'POST', body: { defaultCost: '3' } });
    expect(missing.status).to.equal(400);
    expect(missing.body).to.deep.equal({ httpCode: '400', httpMessage: 'Bad Request', message: 'Item.description is required', errorClass: 'ValidationException' });
    const notInteger = await api(sim, token, 'Item.json', { method: 'POST', body: { description: 'x', manufacturerID: 'abc' } });
    expect(notInteger.status).to.equal(400);
    expect(notInteger.body.message).to.equal('Invalid value for Item.manufacturerID: "abc" is not an integer');
    const badEnum = await api(sim, token, 'Item.json', { method: 'POST', body: { description: 'x', itemType: 'gadget' } });
    expect(badEnum.status).to.equal(400);
    const badJson = await api(sim, token, 'Item.json', { method: 'POST', body: '{"description": ' });
    expect(badJson.status).to.equal(400);
    expect(badJson.body.message).to.equal('Request body is not valid JSON');
  });

  it('PUT updates only the given fields and bumps timeStamp', async () => {
    const before = { ...sim.store.get('Item', 5) };
    const { status, body } = await api(sim, token, 'Item/5.json', { method: 'PUT', body: { description: 'Renamed', defaultCost: 9 } });
    expect(status).to.equal(200);
    // A PUT answers with the Item's ItemShops, as Lightspeed's does.
    const { ItemShops, ...after } = body.Item as Record<string, unknown>;
    expect(after).to.deep.equal({ ...before, description: 'Renamed', defaultCost: '9', timeStamp: newestSeed });
    expect(records(ItemShops as Record<string, unknown>, 'ItemShop').map((shop) => shop.shopID)).to.deep.equal(['0', '1', '2']);
    expect((await api(sim, token, 'Item/999999.json', { method: 'PUT', body: { description: 'x' } })).status).to.equal(404);
    expect((await api(sim, token, 'Item/5.json', { method: 'PUT', body: { description: '' } })).status).to.equal(400);
  });

  it('sets stock levels from an Item\'s ItemShops, by shopID on a POST or itemShopID on a PUT; shop 0 holds the sum', async () => {
    const created = await api(sim, token, 'Item.json', { method: 'POST', body: { description: 'Stocked', ItemShops: { ItemShop: [{ shopID: 1, qoh: 25 }, { shopID: 2, qoh: 10 }] } } });
    const itemID = String(records(created.body, 'Item')[0].itemID);
    const stock = () => sim.store.list('ItemShop').filter((row) => row.itemID === itemID).map((row) => [row.shopID, row.qoh]);
    expect(stock()).to.deep.equal([['0', '35'], ['1', '25'], ['2', '10']]);
    const shop1 = sim.store.list('ItemShop').find((row) => row.itemID === itemID && row.shopID === '1');
    await api(sim, token, `Item/${itemID}.json`, { method: 'PUT', body: { ItemShops: { ItemShop: { itemShopID: shop1?.itemShopID, qoh: 30 } } } });
    expect(stock()).to.deep.equal([['0', '40'], ['1', '30'], ['2', '10']]);
    const unknown = await api(sim, token, `Item/${itemID}.json`, { method: 'PUT', body: { ItemShops: { ItemShop: { itemShopID: 999999, qoh: 1 } } } });
    expect(unknown.status).to.equal(400);
  });

  it('DELETE archives archive-semantics entities (Item) and PUT archived=false restores', async () => {
    const deleted = await api(sim, token, 'Item/6.json', { method: 'DELETE' });
    expect(deleted.status).to.equal(200);
    expect(deleted.body.Item).to.include({ itemID: '6', archived: 'true' });
    expect(records((await api(sim, token, 'Item.json?itemID=6')).body, 'Item')).to.have.length(0);
    expect(records((await api(sim, token, 'Item.json?itemID=6&archived=only')).body, 'Item')).to.have.length(1);
    expect((await api(sim, token, 'Item/6.json')).body.Item).to.include({ archived: 'true' });
    const restored = await api(sim, token, 'Item/6.json', { method: 'PUT', body: { archived: false } });
    expect(restored.body.Item).to.include({ archived: 'false' });
  });

  it('DELETE removes hard-delete entities (Category) and returns the deleted record', async () => {
    const deleted = await api(sim, token, 'Category/12.json', { method: 'DELETE' });
    expect(deleted.status).to.equal(200);
    expect(deleted.body.Category).to.include({ categoryID: '12' });
    expect((await api(sim, token, 'Category/12.json')).status).to.equal(404);
    expect((await api(sim, token, 'Category/12.json', { method: 'DELETE' })).status).to.equal(404);
  });

  it('answers 405 for verbs the catalog does not allow', async () => {
    expect((await api(sim, token, 'ItemShop/1.json', { method: 'DELETE' })).status).to.equal(405);
    expect((await api(sim, token, 'Manufacturer/1.json', { method: 'DELETE' })).status).to.equal(405);
    const post = await api(sim, token, 'SalePayment.json', { method: 'POST', body: {} });
    expect(post.status).to.equal(405);
    expect(post.headers.get('allow')).to.equal('GET');
  });

  it('creates under a nested path with the parent key, and 404s for an unknown parent', async () => {
    const created = await api(sim, token, 'Sale/1/SaleLine.json', { method: 'POST', body: { itemID: 3, unitQuantity: 2 } });
    expect(created.status).to.equal(200);
    expect(created.body.SaleLine).to.include({ saleID: '1', itemID: '3', unitQuantity: '2' });
    const sale = (await api(sim, token, 'Sale/1.json?load_relations=["SaleLines"]')).body.Sale as Record<string, unknown>;
    expect((sale.SaleLines as { SaleLine: unknown[] }).SaleLine).to.be.an('array').with.length(2);
    expect((await api(sim, token, 'Sale/99999/SaleLine.json', { method: 'POST', body: { itemID: 3 } })).status).to.equal(404);
    const other = await api(sim, token, `Sale/2/SaleLine/${String((created.body.SaleLine as Record<string, string>).saleLineID)}.json`);
    expect(other.status).to.equal(404);
  });

  it('nests CustomFieldChoices under their Customer CustomField (and not under Item custom fields)', async () => {
    const field = await api(sim, token, 'Customer/CustomField.json', { method: 'POST', body: { name: 'Size', type: 'single_choice' } });
    expect(field.body.CustomField).to.include({ customFieldID: '1', type: 'single_choice' });
    const choice = await api(sim, token, 'Customer/CustomField/1/CustomFieldChoice.json', { method: 'POST', body: { name: 'Small', value: 'S' } });
    expect(choice.body.CustomFieldChoice).to.include({ customFieldChoiceID: '1', customFieldID: '1', value: 'S' });
    expect(records((await api(sim, token, 'Customer/CustomField/1/CustomFieldChoice.json')).body, 'CustomFieldChoice').map((c) => c.value)).to.deep.equal(['S']);
    expect((await api(sim, token, 'Item/CustomField/1/CustomFieldChoice.json', { method: 'POST', body: { name: 'x' } })).status).to.equal(404);
    expect((await api(sim, token, 'Customer/CustomField/1/CustomFieldChoice/1.json', { method: 'PUT', body: { value: 'SM' } })).body.CustomFieldChoice).to.include({ value: 'SM' });
    expect((await api(sim, token, 'Customer/CustomField/1/CustomFieldChoice/1.json', { method: 'DELETE' })).status).to.equal(200);
    expect((await api(sim, token, 'Customer/CustomField/1/CustomFieldChoice/1.json')).status).to.equal(404);
  });

  it('stores a posted Customer Contact and returns it with load_relations', async () => {
    const created = await api(sim, token, 'Customer.json', {
      method: 'POST',
      body: { firstName: 'Ada', lastName: 'Lovelace', Contact: { Phones: { ContactPhone: { number: '555-0100', useType: 'Mobile' } }, Emails: { ContactEmail: [{ address: 'ada@example.com', useType: 'Primary' }] } } },
    });
    const id = String((created.body.Customer as Record<string, string>).customerID);
    expect(id).to.equal('51');
    const contact = ((await api(sim, token, `Customer/${id}.json?load_relations=["Contact"]`)).body.Customer as Record<string, Record<string, unknown>>).Contact;
    expect(contact.Phones).to.deep.equal({ ContactPhone: { number: '555-0100', useType: 'Mobile' } });
    expect(contact.Emails).to.deep.equal({ ContactEmail: { address: 'ada@example.com', useType: 'Primary' } });
    expect(contact.Addresses).to.equal('');
  });

  it('serves generic CRUD for catalog entities that start empty', async () => {
    expect((await api(sim, token, 'Tag.json')).body).to.deep.equal({ '@attributes': { next: '', previous: '' } });
    const tag = await api(sim, token, 'Tag.json', { method: 'POST', body: { name: 'clearance' } });
    expect(tag.body.Tag).to.include({ tagID: '1', name: 'clearance' });
    expect((await api(sim, token, 'Tag.json')).body.Tag).to.include({ tagID: '1' });
    expect((await api(sim, token, 'Tag/1.json', { method: 'DELETE' })).status).to.equal(200);
    expect((await api(sim, token, 'Tag/1.json')).status).to.equal(404);
    const discount = await api(sim, token, 'Discount.json', { method: 'POST', body: { name: '10% off', discountPercent: 0.1 } });
    const discountID = String((discount.body.Discount as Record<string, string>).discountID);
    expect((await api(sim, token, `Discount/${discountID}.json`, { method: 'DELETE' })).body.Discount).to.include({ archived: 'true' });
  });

  it('touch() bumps timeStamp strictly past every seeded one, as incremental polling expects', async () => {
    clock.ms = Date.UTC(2023, 0, 1, 0, 30); // still inside the access token's lifetime
    const touched = sim.touch('Item', [3, 7]);
    expect(touched.map((r) => r.timeStamp)).to.deep.equal(['2024-01-01T04:10:01+00:00', '2024-01-01T04:10:01+00:00']);
    const { body } = await api(sim, token, `Item.json?sort=timeStamp&timeStamp=${encodeURIComponent(`>,${newestSeed}`)}`);
    expect(records(body, 'Item').map((r) => r.itemID)).to.deep.equal(['3', '7']);
    clock.ms = Date.UTC(2025, 0, 1, 12);
    expect(sim.touch('Item', [9])[0].timeStamp).to.equal('2025-01-01T12:00:00+00:00');
  });
});

describe('simulator stock writes', () => {
  let sim: Simulator;
  let token: string;
  const clock = new FakeClock(Date.UTC(2030, 0, 1, 12, 0, 0));
  before(async () => {
    sim = await startSimulator({ rateLimit: false, now: clock.now });
    token = await accessToken(sim);
  });
  after(() => sim.close());

  it('an Item PUT of one shop\'s stock moves that ItemShop\'s timeStamp and the shop 0 summary\'s, which follows the sum; not the Item\'s', async () => {
    const stock = () => sim.store.list('ItemShop').filter((row) => row.itemID === '9').map((row) => [row.shopID, row.qoh, row.timeStamp]);
    const [[, , stampBefore], [, shop1Qoh], [, shop2Qoh]] = stock();
    const itemStamp = sim.store.get('Item', 9)?.timeStamp;
    const { status } = await api(sim, token, 'Item/9.json', { method: 'PUT', body: { ItemShops: { ItemShop: [{ shopID: 2, qoh: 17 }] } } });
    expect(status).to.equal(200);
    const stamp = '2030-01-01T12:00:00+00:00';
    expect(stampBefore).to.not.equal(stamp);
    expect(stock()).to.deep.equal([['0', String(Number(shop1Qoh) + 17), stamp], ['1', shop1Qoh, stampBefore], ['2', '17', stamp]]);
    expect(shop2Qoh).to.not.equal(undefined);
    // The docs: an Item's timeStamp "doesn't include changes to related records (e.g., ItemShops)".
    expect(sim.store.get('Item', 9)?.timeStamp).to.equal(itemStamp);
  });

  it('seeds voided sales among the completed ones, in both shops', () => {
    const voided = sim.store.list('Sale').filter((row) => row.voided === 'true').map((row) => [row.saleID, row.completed, row.shopID]);
    expect(voided).to.deep.equal([['7', 'true', '1'], ['14', 'true', '2'], ['21', 'true', '1'], ['28', 'true', '2'], ['35', 'true', '1']]);
  });
});
