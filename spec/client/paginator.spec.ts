import { expect } from 'chai';
import nock from 'nock';
import { getEntity } from '../../lib/catalog';
import { EntityApi } from '../../lib/client/entityApi';
import { MalformedResponseError } from '../../lib/client/http';
import { capturingLogger } from '../helpers/capture';
import { ACCOUNT_PATH, API, client } from '../helpers/lightspeed';
import { scriptedServer } from '../helpers/scriptedServer';

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

  it('logs each page-size change once, at info: what, why, and that it asks again at once', async () => {
    cursorApi(200, 50);
    const logger = capturingLogger();
    expect(await collect(new EntityApi(client(stored, { logger }).client))).to.deep.equal(ids(1, 200));
    const shrink = 'Lightspeed answered 504 to GET Item: Gateway Time-out; asking again at once from the same position with 50 records per page instead of 100';
    expect(logger.lines.filter((line) => line.includes('records per page'))).to.deep.equal([
      shrink,
      'GET Item: the last pages came back in time; asking for 100 records per page again instead of 50',
      shrink,
    ]);
  });

  it('a one-record page (an object, not an array) reaches the caller as one record', async () => {
    cursorApi(1);
    const pages = [];
    for await (const page of new EntityApi(client(stored).client).pages(getEntity('Item'))) pages.push(page);
    expect(pages).to.have.length(1);
    expect(pages[0].records).to.deep.equal([{ itemID: 1, description: 'Item 1', timeStamp: '2024-01-01T00:00:00+00:00' }]);
  });

  // Lightspeed does not document the shape of an answer without records: each plausible one ends the listing.
  for (const [shape, body] of [
    ['@attributes with empty links', { '@attributes': { next: '', previous: '' } }],
    ['@attributes with count 0', { '@attributes': { count: '0' } }],
    ['@attributes with count 0 as a number', { '@attributes': { count: 0 } }],
    ['an empty object', {}],
    ['an empty body', ''],
  ] as const) {
    it(`an answer without records (${shape}) yields no page and asks nothing more`, async () => {
      const scope = nock(API).get(`${ACCOUNT_PATH}/Item.json`).query(true).once().reply(200, body);
      expect(await collect(new EntityApi(client(stored).client))).to.deep.equal([]);
      scope.done();
    });
  }

  it('an empty body on a single-record read stays an error', async () => {
    nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).times(6).reply(200, '');
    const error = await new EntityApi(client(stored).client).read(getEntity('Item'), { itemID: 1 }).catch((e: Error) => e);
    expect(error).to.be.instanceOf(MalformedResponseError);
  });

  describe('heavy pages, in every form they take behind Cloudflare', () => {
    const cloudflare524 = '<!DOCTYPE html><html><head><title>api.lightspeedapp.com | 524: A timeout occurred</title></head><body>...</body></html>';
    // Each page title repeats the status: the log line says it once.
    const signals: Array<[string, nock.ReplyFnResult, string]> = [
      ['504 from the gateway', [504, '<html><head><title>504 Gateway Time-out</title></head></html>'], 'Gateway Time-out'],
      ['524, Cloudflare\'s origin timeout (HTML)', [524, cloudflare524, { 'Content-Type': 'text/html' }], 'A timeout occurred'],
      ['520 from Cloudflare', [520, '<html><title>520: Web server is returning an unknown error</title></html>'], 'Web server is returning an unknown error'],
      ['522 from Cloudflare', [522, '<html><title>522: Connection timed out</title></html>'], 'Connection timed out'],
    ];
    for (const [name, failure, title] of signals) {
      it(`${name} at limit=100 asks again at 50 from the same position, and says so`, async () => {
        const requests: string[] = [];
        nock(API).get(`${ACCOUNT_PATH}/Item.json`).query(true).times(2).reply((uri) => {
          requests.push(uri);
          return requests.length === 1 ? failure : [200, { '@attributes': { next: '', previous: '' }, Item: [item(1)] }];
        });
        const logger = capturingLogger();
        expect(await collect(new EntityApi(client(stored, { logger }).client))).to.deep.equal([1]);
        expect(requests.map((uri) => new URL(uri, API).searchParams.get('limit'))).to.deep.equal(['100', '50']);
        expect(logger.lines).to.include.members([
          `Lightspeed answered ${failure[0]} to GET Item: ${title}; asking again at once from the same position with 50 records per page instead of 100`,
        ]);
      });
    }

    it('a 500 on a page that loads relations shrinks the page; without relations it is retried as it is', async () => {
      const limitsFor = async (loadRelations: string[]): Promise<string[]> => {
        const limits: string[] = [];
        nock(API).get(`${ACCOUNT_PATH}/Item.json`).query(true).times(2).reply((uri) => {
          limits.push(new URL(uri, API).searchParams.get('limit') as string);
          return limits.length === 1 ? [500, { message: 'Internal error' }] : [200, { '@attributes': { next: '' }, Item: [item(1)] }];
        });
        for await (const page of new EntityApi(client(stored).client).pages(getEntity('Item'), { loadRelations })) expect(page.records).to.have.length(1);
        return limits;
      };
      expect(await limitsFor(['ItemShops'])).to.deep.equal(['100', '50']);
      expect(await limitsFor([])).to.deep.equal(['100', '100']);
    });

    it('no answer within the client\'s timeout shrinks the page; a single-record read just retries', async () => {
      const page = { '@attributes': { next: '' }, Item: [item(1)] };
      const server = await scriptedServer([
        { hangMs: 400 }, { reply: 200, body: page },
        { hangMs: 400 }, { reply: 200, body: { '@attributes': { count: '1' }, Item: item(1) } },
      ]);
      try {
        const api = new EntityApi(client({ ...stored, environmentUrl: server.url }, { settings: { timeoutMs: 100 } }).client);
        expect(await collect(api)).to.deep.equal([1]);
        expect(await api.read(getEntity('Item'), { itemID: 1 })).to.include({ itemID: 1 });
        expect(server.requests).to.deep.equal([
          `GET ${ACCOUNT_PATH}/Item.json?limit=100`, `GET ${ACCOUNT_PATH}/Item.json?limit=50`,
          `GET ${ACCOUNT_PATH}/Item/1.json`, `GET ${ACCOUNT_PATH}/Item/1.json`,
        ]);
      } finally {
        await server.close();
      }
    });

    it('at limit=1 a heavy page counts as an ordinary failure and is retried, then reported', async () => {
      nock(API).get(`${ACCOUNT_PATH}/Item.json`).query(true).times(20).reply(524, '<html><title>524: A timeout occurred</title></html>');
      const error = await collect(new EntityApi(client(stored, { settings: { maxRetries: 2 } }).client)).catch((e: Error) => e);
      expect((error as Error).message).to.equal('Lightspeed answered 524 to GET Item: A timeout occurred (gave up after 3 attempts)');
    });
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
