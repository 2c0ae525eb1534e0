import { expect } from 'chai';
import nock from 'nock';
import { RawRequest, sendRaw } from '../../lib/client/rawApi';
import { SECRETS, leakedSecrets } from '../helpers/capture';
import { ACCOUNT_PATH, API, bucketHeaders, client } from '../helpers/lightspeed';

const stored = { oauth: { access_token: SECRETS.accessToken, refresh_token: 'r', expires_at: '2027-01-01T00:00:00Z' } };
const raw = (overrides: Partial<RawRequest> = {}): RawRequest => ({
  method: 'GET', path: 'Sale/5.json', query: {}, followPages: false, maxRecords: 1000, allowedStatuses: [], ...overrides,
});

describe('raw requests: what is passed on as Lightspeed sent it', () => {
  afterEach(() => nock.cleanAll());

  it('masks the credential\'s secrets in a body Lightspeed echoes them in, whatever the status', async () => {
    const echo = { Sale: { saleID: '5', note: `token ${SECRETS.accessToken}` } };
    const scope = nock(API).get(`${ACCOUNT_PATH}/Sale/5.json`).reply(200, echo, bucketHeaders(3))
      .get(`${ACCOUNT_PATH}/Sale/6.json`).reply(409, { httpCode: '409', message: `conflict for ${SECRETS.accessToken}` });
    const { client: lightspeed } = client(stored);

    const ok = await sendRaw(lightspeed, raw());
    const conflict = await sendRaw(lightspeed, raw({ path: 'Sale/6.json', allowedStatuses: [409] }));
    expect(ok.body).to.deep.equal({ Sale: { saleID: '5', note: 'token [redacted]' } });
    expect(ok.headers).to.deep.equal({ 'x-ls-api-bucket-level': '3/90', 'x-ls-api-drip-rate': '1', 'x-ls-api-request-cost': '1' });
    expect(conflict).to.deep.include({ status: 409, body: { httpCode: '409', message: 'conflict for [redacted]' } });
    expect(leakedSecrets(JSON.stringify([ok, conflict]))).to.deep.equal([]);
    scope.done();
  });

  it('follows pages to the end, gathering one-record and several-record pages into one list', async () => {
    const next = `${API}${ACCOUNT_PATH}/Sale.json?after=x`;
    const scope = nock(API)
      .get(`${ACCOUNT_PATH}/Sale.json`).reply(200, { '@attributes': { next, previous: '' }, Sale: [{ saleID: '1' }, { saleID: '2' }] })
      .get(`${ACCOUNT_PATH}/Sale.json`).query({ after: 'x' }).reply(200, { '@attributes': { next: '', previous: '' }, Sale: { saleID: '3' } });
    const { client: lightspeed } = client(stored);

    const response = await sendRaw(lightspeed, raw({ path: 'Sale.json', followPages: true }));
    expect(response.body).to.deep.equal({ '@attributes': { next: '', previous: '' }, Sale: [{ saleID: '1' }, { saleID: '2' }, { saleID: '3' }] });
    scope.done();
  });

  it('a raw PUT carrying nested records is sent once under a 502; one of plain fields is retried', async () => {
    const saleLines = { SaleLines: { SaleLine: [{ itemID: 1, unitQuantity: 1 }] } };
    const once = nock(API).put(`${ACCOUNT_PATH}/Sale/5.json`).once().reply(502, 'Bad Gateway');
    const { client: lightspeed } = client(stored);
    const error = await sendRaw(lightspeed, raw({ method: 'PUT', body: saleLines })).catch((e: Error) => e);
    once.done();
    expect((error as Error).message).to.equal('Lightspeed answered 502 to PUT Sale/5.json: Bad Gateway; the change may have been '
      + 'applied in Lightspeed, and its nested records could be added a second time if it were sent again: read the record '
      + 'and check them before running it again');

    const twice = nock(API).put(`${ACCOUNT_PATH}/Sale/5.json`).reply(502, 'Bad Gateway')
      .put(`${ACCOUNT_PATH}/Sale/5.json`).reply(200, { Sale: { saleID: '5' } });
    expect((await sendRaw(lightspeed, raw({ method: 'PUT', body: { completed: true } }))).status).to.equal(200);
    twice.done();
  });

  it('follows pages of a list without records, whatever shape Lightspeed gives it: an empty list under the records key', async () => {
    const scope = nock(API).get(`${ACCOUNT_PATH}/Sale.json`).reply(200, '')
      .get(`${ACCOUNT_PATH}/Sale/5/SaleLine.json`).reply(200, { '@attributes': { count: '0', next: '', previous: '' } })
      .get(`${ACCOUNT_PATH}/Reports/Accounting/TaxesByDay.json`).reply(200, { '@attributes': { count: '0' } });
    const { client: lightspeed } = client(stored);
    const empty = { '@attributes': { next: '', previous: '' } };
    expect((await sendRaw(lightspeed, raw({ path: 'Sale.json', followPages: true }))).body).to.deep.equal({ ...empty, Sale: [] });
    const countZero = { '@attributes': { next: '', previous: '', count: '0' } };
    expect((await sendRaw(lightspeed, raw({ path: 'Sale/5/SaleLine.json', followPages: true }))).body).to.deep.equal({ ...countZero, SaleLine: [] });
    // A report's records sit under a key of their own, which the catalog knows.
    expect((await sendRaw(lightspeed, raw({ path: 'Reports/Accounting/TaxesByDay.json', followPages: true }))).body).to.deep.equal({ ...countZero, Taxes: [] });
    scope.done();
  });

  for (const count of [42, '42']) {
    it(`a count=1 query answers @attributes.count alone: ${JSON.stringify(count)} is passed on as Lightspeed sent it`, async () => {
      const scope = nock(API).get(`${ACCOUNT_PATH}/Item.json`).query({ count: '1' }).times(2).reply(200, { '@attributes': { count } });
      const { client: lightspeed } = client(stored);
      const asked = (followPages: boolean) => sendRaw(lightspeed, raw({ path: 'Item.json', query: { count: '1' }, followPages }));
      expect((await asked(false)).body).to.deep.equal({ '@attributes': { count } });
      expect((await asked(true)).body).to.deep.equal({ '@attributes': { next: '', previous: '', count }, Item: [] });
      scope.done();
    });
  }
});
