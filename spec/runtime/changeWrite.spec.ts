import { expect } from 'chai';
import nock from 'nock';
import { getEntity } from '../../lib/catalog';
import { EntityApi } from '../../lib/client/entityApi';
import { Spending } from '../../lib/client/spending';
import { relationsToCompare, UnappliedWriteError, updateChecked } from '../../lib/runtime/sync/changeWrite';
import { Tally } from '../../lib/runtime/sync/outcomes';
import { ACCOUNT_PATH, API, client } from '../helpers/lightspeed';

const stored = { oauth: { access_token: 'a-token-value', refresh_token: 'r', expires_at: '2027-01-01T00:00:00Z' } };
const item = getEntity('Item');

describe('changeWrite: a write of only what differs, checked against the answer', () => {
  afterEach(() => nock.cleanAll());

  const storedItem = { itemID: 42, description: 'Mug', ItemShops: { ItemShop: [{ itemShopID: 125, shopID: 1, qoh: 14 }] } };

  it('an answer that does not hold what was sent is an error naming it, not an update', async () => {
    const bodies: unknown[] = [];
    nock(API).put(`${ACCOUNT_PATH}/Item/42.json`, (body) => { bodies.push(body); return true; })
      .reply(200, { Item: { itemID: '42', description: 'Mug', ItemShops: { ItemShop: { itemShopID: '125', shopID: '1', qoh: '14' } } } });
    const incoming = { description: 'Mug', ItemShops: { ItemShop: [{ shopID: 1, qoh: 12 }] } };
    const error = await updateChecked(new EntityApi(client(stored).client), item, storedItem, incoming).catch((caught: unknown) => caught);
    expect(bodies).to.deep.equal([{ itemID: 42, ItemShops: { ItemShop: [{ itemShopID: 125, qoh: 12 }] } }]);
    expect(error).to.be.instanceOf(UnappliedWriteError);
    expect((error as Error).message).to.equal('Lightspeed updated Item 42, but its answer does not hold what was sent for '
      + 'ItemShops.ItemShop[itemShopID=125].qoh (ItemShops.ItemShop[itemShopID=125].qoh differs)');
  });

  it('an answer that holds it is the update; a field the answer leaves out is not checked', async () => {
    nock(API).put(`${ACCOUNT_PATH}/Customer/7.json`).reply(200, { Customer: { customerID: '7', firstName: 'Augusta' } });
    const result = await updateChecked(new EntityApi(client(stored).client), getEntity('Customer'),
      { customerID: 7, firstName: 'Ada', Contact: { noEmail: false } }, { firstName: 'Augusta', Contact: { noEmail: true } });
    expect(result).to.deep.include({ outcome: 'updated', changed: ['firstName', 'Contact.noEmail'] });
  });

  it('nothing differs: no request at all, the stored record back', async () => {
    const result = await updateChecked(new EntityApi(client(stored).client), item, storedItem, { description: 'Mug', ItemShops: { ItemShop: [{ shopID: '1', qoh: '14' }] } });
    expect(result).to.deep.equal({ outcome: 'unchanged', record: storedItem, changed: [] });
  });

  it('loads for the comparison only the relations Lightspeed does not send anyway', () => {
    expect(relationsToCompare(item, [{ Prices: {}, ItemShops: {}, description: 'x' }, { Note: { note: 'n' } }])).to.deep.equal(['ItemShops', 'Note']);
    expect(relationsToCompare(getEntity('Customer'), [{ Contact: {} }])).to.deep.equal(['Contact']);
  });
});

describe('Spending: what the answers say the requests cost', () => {
  it('adds up X-LS-API-Request-Cost (a 429 costs its reported 0), keeps the last drip rate', () => {
    const spending = new Spending();
    spending.observe({ 'x-ls-api-request-cost': '1.6', 'x-ls-api-drip-rate': '1' });
    spending.observe({ 'x-ls-api-request-cost': '0' });
    spending.observe({ 'x-ls-api-request-cost': '1.5', 'x-ls-api-drip-rate': '1.5' });
    spending.observe({});
    expect(spending).to.deep.include({ drips: 3.1, answers: 4, dripPerSecond: 1.5 });
  });
});

describe('Tally: the summary of 10,000 records fits one platform message', () => {
  it('unchanged records counted only; long keys and errors cut; 10,000 failures stay under 6 MB (10 MB once sailor encrypts it)', () => {
    const tally = new Tally();
    for (let index = 0; index < 10_000; index += 1) {
      tally.add({ index, key: `K${'x'.repeat(1000)}${index}`, outcome: index % 2 === 0 ? 'unchanged' : 'failed', id: index, error: 'e'.repeat(5000) });
    }
    const summary = tally.summary(123.4);
    expect(summary).to.deep.include({ unchanged: 5000, failed: 5000, drips: 123.4 });
    expect(summary.results).to.have.length(5000);
    expect(summary.results[0]).to.deep.equal({ index: 1, key: `K${'x'.repeat(296)}...`, outcome: 'failed', id: 1, error: `${'e'.repeat(297)}...` });
    const changed = Array.from({ length: 40 }, (_, field) => `Prices.ItemPrice[useTypeID=${field}].amount`);
    const worst = new Tally();
    for (let index = 0; index < 10_000; index += 1) worst.add({ index, key: 'k'.repeat(1000), outcome: 'failed', id: index, error: 'e'.repeat(5000), changed });
    const results = worst.summary(1).results;
    expect(Buffer.byteLength(JSON.stringify(worst.summary(1)))).to.be.below(6 * 1024 * 1024);
    expect(results[0].changed).to.have.length(40);
    expect(results[9999]).to.deep.equal({ index: 9999, key: 'k'.repeat(100), outcome: 'failed', id: 9999,
      error: 'cut: the summary already lists 4 MB of details; emit individually to see every error' });
  });
});
