import { expect } from 'chai';
import nock from 'nock';
import { getEntity } from '../../lib/catalog';
import { matchFieldsOf, primaryKeyMatch } from '../../lib/catalog/matchFields';
import { EntityApi } from '../../lib/client/entityApi';
import { findByKeys, MAX_IN_CHARS, queryGroups } from '../../lib/runtime/findByKeys';
import { ACCOUNT_PATH, API, client } from '../helpers/lightspeed';

const stored = { oauth: { access_token: 'a-token-value', refresh_token: 'r', expires_at: '2027-01-01T00:00:00Z' } };
const item = getEntity('Item');
const customSku = matchFieldsOf(item).find((field) => field.key === 'customSku')!;
const email = matchFieldsOf(getEntity('Customer')).find((field) => field.key === 'Contact.email')!;
const row = (id: number, sku: string) => ({ itemID: String(id), customSku: sku, description: `Item ${id}` });

/** Answers Item.json queries from `rows` as one page; returns the queries asked. */
function itemQueries(answer: (url: URL) => Array<Record<string, string>>): string[] {
  const asked: string[] = [];
  nock(API).persist().get(`${ACCOUNT_PATH}/Item.json`).query(true).reply((uri) => {
    const url = new URL(uri, API);
    asked.push(decodeURIComponent(url.search));
    return [200, { '@attributes': { next: '', previous: '' }, Item: answer(url) }, { 'X-LS-API-Request-Cost': '1', 'X-LS-API-Drip-Rate': '1' }];
  });
  return asked;
}

describe('findByKeys: many keys, few queries, every record checked', () => {
  afterEach(() => nock.cleanAll());

  it('groups keys 100 to an IN query, splits long ones by length, and sends odd ones alone', () => {
    const keys = Array.from({ length: 250 }, (_, index) => `K${index}`);
    expect(queryGroups(customSku, keys).map((group) => group.length)).to.deep.equal([100, 100, 50]);
    const long = Array.from({ length: 60 }, (_, index) => `${'L'.repeat(200)}${index}`);
    const groups = queryGroups(customSku, long);
    expect(groups.length).to.be.greaterThan(1);
    expect(groups.flat()).to.deep.equal(long);
    for (const group of groups) expect(encodeURIComponent(`IN,${JSON.stringify(group)}`).length).to.be.at.most(MAX_IN_CHARS);
    expect(queryGroups(customSku, ['A', 'B,C', 'D', '50%', ' E', 'F"G'])).to.deep.equal([['B,C'], ['50%'], [' E'], ['F"G'], ['A', 'D']]);
    expect(queryGroups(primaryKeyMatch(item), ['1', '2', 'x'])).to.deep.equal([['x'], ['1', '2']]);
    expect(queryGroups(email, ['a@x.example', 'b@x.example'])).to.deep.equal([['a@x.example'], ['b@x.example']]);
  });

  it('one query for many keys: each record to the key it carries, keys without a record found empty', async () => {
    const asked = itemQueries(() => [row(1, 'A'), row(2, 'B'), row(3, 'B')]);
    const found = await findByKeys(new EntityApi(client(stored).client), item, customSku, ['A', 'B', 'C'], { loadRelations: ['ItemShops'] });
    expect(asked).to.deep.equal(['?customSku=IN,["A","B","C"]&archived=true&load_relations=["ItemShops"]&limit=100']);
    expect([...found].map(([key, lookup]) => [key, 'records' in lookup ? lookup.records.map((record) => record.itemID) : lookup.refusal])).to.deep.equal([
      ['A', [1]], ['B', [2, 3]], ['C', []],
    ]);
  });

  it('a record carrying a key only loosely (letter case) refuses that key, not the others', async () => {
    itemQueries(() => [row(1, 'A'), row(2, 'b')]);
    const found = await findByKeys(new EntityApi(client(stored).client), item, customSku, ['A', 'B']);
    expect(found.get('A')).to.deep.equal({ records: [{ itemID: 1, customSku: 'A', description: 'Item 1' }] });
    expect(found.get('B')).to.deep.equal({ refusal: 'Lightspeed returned Item 2 for customSku IN [2 values, "B" among them], but it carries "b"' });
  });

  it('a record carrying none of the keys (a filter Lightspeed ignored): every key of the query refused, no page more read', async () => {
    const asked = itemQueries(() => [row(7, 'Z'), row(8, 'Y')]);
    const found = await findByKeys(new EntityApi(client(stored).client), item, customSku, ['A', 'B']);
    expect([...found.values()]).to.deep.equal([
      { refusal: 'Lightspeed returned Item 7 for customSku IN [2 values, "A" among them], but it carries "Z"' },
      { refusal: 'Lightspeed returned Item 7 for customSku IN [2 values, "B" among them], but it carries "Z"' },
    ]);
    expect(asked).to.have.length(1);
  });
});
