import { expect } from 'chai';
import nock from 'nock';
import { getEntity } from '../../lib/catalog';
import { EntityApi } from '../../lib/client/entityApi';
import { MalformedResponseError } from '../../lib/client/errors';
import { ACCOUNT_PATH, API, client } from '../helpers/lightspeed';

const stored = { oauth: { access_token: 'a-token-value', refresh_token: 'r', expires_at: '2027-01-01T00:00:00Z' } };
const item = (id: number) => ({ itemID: String(id), description: `Item ${id}`, timeStamp: '2024-01-01T00:00:00+00:00' });
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** A tiny cursor server: records sorted by id; `after` is the last id seen; honours `limit`; 504 above `maxLimit`. */
function cursorApi(total: number, maxLimit = 100): { requests: string[] } {
  const requests: string[] = [];
  nock(API).persist().get(`${ACCOUNT_PATH}/Item.json`).query(true).reply((uri) => {
    requests.push(uri);
    const url = new URL(uri, API);
    const limit = Number(url.searchParams.get('limit'));
    if (limit > maxLimit) return [504, '<html>Gateway Time-out</html>'];
    const after = Number(url.searchParams.get('after') ?? 0);
    const page = ids(after + 1, Math.min(total, after + limit));
    const next = page.length && page[page.length - 1] < total ? new URL(url.toString()) : undefined;
    next?.searchParams.set('after', String(page[page.length - 1]));
    const records = page.map(item);
    return [200, { '@attributes': { next: next?.toString() ?? '', previous: '' }, Item: records.length === 1 ? records[0] : records }];
  });
  return { requests };
}

async function collect(api: EntityApi, params: Record<string, string> = {}): Promise<number[]> {
  const seen: number[] = [];
  for await (const record of api.records(getEntity('Item'), { params })) seen.push(record.itemID as number);
  return seen;
}

describe('paginator', () => {
  afterEach(() => nock.cleanAll());

  it('follows next until it is empty and yields every record once, typed', async () => {
    const { requests } = cursorApi(250);
    const api = new EntityApi(client(stored).client);
    expect(await collect(api, { sort: 'itemID' })).to.deep.equal(ids(1, 250));
    expect(requests).to.deep.equal([
      `${ACCOUNT_PATH}/Item.json?sort=itemID&limit=100`,
      `${ACCOUNT_PATH}/Item.json?sort=itemID&limit=100&after=100`,
      `${ACCOUNT_PATH}/Item.json?sort=itemID&limit=100&after=200`,
    ]);
  });

  it('a 504 on limit=100 continues at 50 from the same cursor, losing and repeating nothing', async () => {
    const { requests } = cursorApi(180, 50);
    const api = new EntityApi(client(stored).client);
    expect(await collect(api)).to.deep.equal(ids(1, 180));
    expect(requests.slice(0, 3)).to.deep.equal([
      `${ACCOUNT_PATH}/Item.json?limit=100`,
      `${ACCOUNT_PATH}/Item.json?limit=50`,
      `${ACCOUNT_PATH}/Item.json?limit=50&after=50`,
    ]);
  });

  it('grows the limit back after a heavy stretch', async () => {
    const { requests } = cursorApi(1000, 50);
    const api = new EntityApi(client(stored).client);
    expect(await collect(api)).to.deep.equal(ids(1, 1000));
    const limits = requests.map((uri) => Number(new URL(uri, API).searchParams.get('limit')));
    expect(limits.filter((limit) => limit === 100).length).to.be.greaterThan(1); // it tried to grow again
    expect(limits.filter((limit) => limit === 100).length).to.be.lessThan(6); // ...but ever more rarely
  });

  it('a one-record page (an object, not an array) reaches the caller as one record', async () => {
    cursorApi(1);
    const pages = [];
    for await (const page of new EntityApi(client(stored).client).pages(getEntity('Item'))) pages.push(page);
    expect(pages).to.have.length(1);
    expect(pages[0].records).to.deep.equal([{ itemID: 1, description: 'Item 1', timeStamp: '2024-01-01T00:00:00+00:00' }]);
  });

  it('an empty result (no entity key) yields no page', async () => {
    nock(API).get(`${ACCOUNT_PATH}/Item.json`).query(true).reply(200, { '@attributes': { next: '', previous: '' } });
    expect(await collect(new EntityApi(client(stored).client))).to.deep.equal([]);
  });

  it('a page without @attributes is an error, not a silent end', async () => {
    nock(API).get(`${ACCOUNT_PATH}/Item.json`).query(true).reply(200, { Item: [item(1)] });
    const error = await collect(new EntityApi(client(stored).client)).catch((e: Error) => e);
    expect(error).to.be.instanceOf(MalformedResponseError);
    expect((error as Error).message).to.contain('no @attributes');
  });

  it('sends filters, sort and load_relations as Lightspeed expects them', async () => {
    const scope = nock(API).get(`${ACCOUNT_PATH}/Item.json`)
      .query({ timeStamp: '>=,2024-01-01T00:00:00+00:00', sort: 'timeStamp', load_relations: '["ItemShops","Category"]', limit: '100' })
      .reply(200, { '@attributes': { next: '', previous: '' } });
    const api = new EntityApi(client(stored).client);
    const pages = api.pages(getEntity('Item'), {
      params: { timeStamp: '>=,2024-01-01T00:00:00+00:00', sort: 'timeStamp' }, loadRelations: ['ItemShops', 'Category'],
    });
    for await (const page of pages) expect(page).to.equal(undefined);
    scope.done();
  });
});
