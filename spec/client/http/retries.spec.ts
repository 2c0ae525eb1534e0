import { expect } from 'chai';
import nock from 'nock';
import sinon from 'sinon';
import {
  MalformedResponseError, NotFoundError, RateLimitError, ServerError, TransportError,
} from '../../../lib/client/http/errors';
import { getEntity } from '../../../lib/catalog';
import { EntityApi } from '../../../lib/client/entityApi';
import { ApiRequest } from '../../../lib/client/LightspeedClient';
import { SECRETS, capturingLogger, leakedSecrets } from '../../helpers/capture';
import { ACCOUNT_PATH, API, bucketHeaders, client } from '../../helpers/lightspeed';
import { scriptedServer } from '../../helpers/scriptedServer';

const path = `${ACCOUNT_PATH}/Customer/5.json`;
const customer = { '@attributes': { count: '1' }, Customer: { customerID: '5' } };
const request = (method: ApiRequest['method'], body?: unknown): ApiRequest =>
  ({ method, url: `${API}${path}`, body, context: { method, entity: 'Customer', id: 5 } });
const stored = { oauth: { access_token: SECRETS.accessToken, refresh_token: 'r', expires_at: '2027-01-01T00:00:00Z' } };

/** The status codes Lightspeed answered, in order, from a list of replies. */
function replies(method: 'get' | 'post' | 'put' | 'delete', sequence: Array<[number, unknown, Record<string, string>?]>): nock.Scope {
  let scope = nock(API);
  for (const [status, body, headers] of sequence) scope = scope[method](path).reply(status, body as nock.Body, headers);
  return scope;
}

describe('transport: retries and errors', () => {
  afterEach(() => nock.cleanAll());

  it('waits what Retry-After says on a 429, then retries, and logs the wait once', async () => {
    const scope = replies('get', [[429, { message: 'Rate limited' }, { 'Retry-After': '2' }], [200, customer]]);
    const logger = capturingLogger();
    const { client: lightspeed, clock } = client(stored, { logger });

    const response = await lightspeed.call(request('GET'));
    expect(response.status).to.equal(200);
    expect(clock.slept).to.equal(2000);
    expect(logger.lines.filter((line) => !line.includes(' -> '))).to.deep.equal([
      'Lightspeed answered 429 to GET Customer 5: Rate limited; waiting 2.0 s as Retry-After asks, then trying again',
    ]);
    scope.done();
  });

  it('on a 429 without Retry-After, waits for the reported level to drain below the size at the drip rate, and says how long', async () => {
    const scope = replies('get', [[200, customer, bucketHeaders(80, 90, 2)], [429, { message: 'Rate limited' }, bucketHeaders(91, 90, 2)], [200, customer]]);
    const draw = sinon.stub(Math, 'random').returns(0.5);
    const logger = capturingLogger();
    const { client: lightspeed, clock } = client(stored, { logger });

    try {
      await lightspeed.call(request('GET'));
      await lightspeed.call(request('GET'));
    } finally {
      draw.restore();
    }
    // 1 drip over the size at 2 drips per second, plus half (the draw 0.5) of a spread reaching 2 drips past the 429.
    expect(clock.slept).to.equal(750);
    expect(logger.lines.filter((line) => !line.includes(' -> '))).to.deep.equal([
      'Lightspeed answered 429 to GET Customer 5: Rate limited; waiting 0.8 s for the bucket to drain below its size at the drip rate, then trying again',
    ]);
    scope.done();
  });

  it('logs each retry once: what failed, which retry of how many, and the wait', async () => {
    const gateway = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
    const scope = replies('get', [[502, gateway], [503, { message: 'Maintenance' }], [200, customer]]);
    const logger = capturingLogger();
    const { client: lightspeed, clock } = client(stored, { logger });

    await lightspeed.call(request('GET'));
    const waits = clock.sleeps.map((ms) => `${(ms / 1000).toFixed(1)} s`);
    expect(logger.lines.filter((line) => !line.includes(' -> '))).to.deep.equal([
      `Lightspeed answered 502 to GET Customer 5: Bad Gateway; retry 1 of 5 in ${waits[0]}`,
      `Lightspeed answered 503 to GET Customer 5: Maintenance; retry 2 of 5 in ${waits[1]}`,
    ]);
    scope.done();
  });

  for (const status of [500, 502, 503, 504]) {
    it(`retries a GET after ${status} with backoff`, async () => {
      const scope = replies('get', [[status, { message: 'oops' }], [status, { message: 'oops' }], [200, customer]]);
      const { client: lightspeed, clock } = client(stored);
      const response = await lightspeed.call(request('GET'));
      expect(response.status).to.equal(200);
      expect(clock.sleeps).to.have.length(2);
      scope.done();
    });
  }

  it('gives up after maxRetries and keeps Lightspeed\'s message, status, entity and id', async () => {
    const scope = replies('put', Array(3).fill([503, { httpCode: '503', httpMessage: 'Service Unavailable', message: 'Maintenance', errorClass: 'X' }]));
    const { client: lightspeed } = client(stored, { settings: { maxRetries: 2 } });

    const error = await lightspeed.call(request('PUT', {})).catch((e: Error) => e);
    expect(error).to.be.instanceOf(ServerError);
    expect((error as ServerError).status).to.equal(503);
    expect((error as Error).message).to.equal('Lightspeed answered 503 to PUT Customer 5: Maintenance (gave up after 3 attempts)');
    scope.done();
  });

  it('never retries a POST after a 5xx: it may have created the record', async () => {
    const scope = replies('post', [[500, { message: 'Internal error' }]]);
    const { client: lightspeed } = client(stored);
    const error = await lightspeed.call(request('POST', { firstName: 'A' })).catch((e: Error) => e);
    expect(error).to.be.instanceOf(ServerError);
    expect((error as Error).message).to.equal('Lightspeed answered 500 to POST Customer 5: Internal error; the create may have '
      + 'been applied in Lightspeed: check for the record before running it again');
    scope.done();
  });

  describe('a PUT that adds nested records is not sent twice', () => {
    const salePath = `${ACCOUNT_PATH}/Sale/9.json`;
    const sale = { '@attributes': { count: '1' }, Sale: { saleID: '9' } };
    const update = (body: Record<string, unknown>) => new EntityApi(client(stored).client).update(getEntity('Sale'), { saleID: 9 }, body);

    it('new SaleLines after a 502: one PUT, and the error says the update may have been applied and what to check', async () => {
      const scope = nock(API).put(salePath).once().reply(502, '<html><title>502 Bad Gateway</title></html>');
      const error = await update({ SaleLines: { SaleLine: [{ itemID: 1, unitQuantity: 1 }] } }).catch((e: Error) => e);
      scope.done();
      expect((error as Error).message).to.equal('Lightspeed answered 502 to PUT Sale 9: Bad Gateway; the update may have been '
        + 'applied in Lightspeed, and sending it again would add its new SaleLine records a second time: look the Sale up and '
        + 'check them before running it again');
    });

    it('plain fields, or SaleLines that carry their saleLineID, are retried', async () => {
      for (const body of [{ completed: true }, { SaleLines: { SaleLine: { saleLineID: 3, unitQuantity: 2 } } }]) {
        const scope = nock(API).put(salePath).reply(502, 'Bad Gateway').put(salePath).reply(200, sale);
        expect(await update(body)).to.include({ saleID: 9 });
        scope.done();
      }
    });
  });

  describe('against a real socket', () => {
    let server: Awaited<ReturnType<typeof scriptedServer>> | undefined;
    afterEach(async () => { await server?.close(); server = undefined; });

    it('a POST that times out is not retried, and the error says the create may have happened', async () => {
      server = await scriptedServer([{ hangMs: 500 }]);
      const { client: lightspeed } = client({ ...stored, environmentUrl: server.url }, { settings: { timeoutMs: 50 } });
      const error = await lightspeed.call({ ...request('POST', {}), url: `${server.url}${path}` }).catch((e: Error) => e);
      expect(error).to.be.instanceOf(TransportError);
      expect((error as TransportError).mayHaveBeenApplied).to.equal(true);
      expect((error as Error).message).to.match(/^POST Customer 5: no response before the timeout; the create may have been applied/);
      expect(server.requests).to.deep.equal([`POST ${path}`]);
    });

    it('retries a GET whose connection drops mid-response, and one that times out', async () => {
      server = await scriptedServer([{ drop: true }, { hangMs: 500 }, { reply: 200, body: customer }]);
      const { client: lightspeed } = client({ ...stored, environmentUrl: server.url }, { settings: { timeoutMs: 50 } });
      const response = await lightspeed.call({ ...request('GET'), url: `${server.url}${path}` });
      expect(response.body).to.deep.equal(customer);
      expect(server.requests).to.have.length(3);
    });
  });

  it('retries a GET answered 200 with a malformed body, and fails clearly when it stays malformed', async () => {
    const scope = replies('get', [[200, '{"Customer": {"custo'], [200, '<html>'], [200, 'nope']]);
    const { client: lightspeed } = client(stored, { settings: { maxRetries: 2 } });
    const error = await lightspeed.call(request('GET')).catch((e: Error) => e);
    expect(error).to.be.instanceOf(MalformedResponseError);
    expect((error as Error).message).to.contain('GET Customer 5: the body is not valid JSON');
    scope.done();
  });

  it('does not retry a 404 and reports it as NotFoundError', async () => {
    const scope = replies('get', [[404, { httpCode: '404', httpMessage: 'Not Found', message: 'Customer not found', errorClass: 'NotFound' }]]);
    const { client: lightspeed } = client(stored);
    const error = await lightspeed.call(request('GET')).catch((e: Error) => e);
    expect(error).to.be.instanceOf(NotFoundError);
    expect((error as Error).message).to.equal('Lightspeed answered 404 to GET Customer 5: Customer not found');
    scope.done();
  });

  it('waits out any number of 429s while the patience lasts', async () => {
    const scope = replies('get', [...Array(12).fill([429, { message: 'Too many' }, { 'Retry-After': '30' }]), [200, customer]]);
    const { client: lightspeed, clock } = client(stored);
    const response = await lightspeed.call(request('GET'));
    expect(response.status).to.equal(200);
    expect(clock.slept, '12 waits of 30 s: 6 minutes, under the 10 of patience').to.equal(360_000);
    scope.done();
  });

  it('gives up on 429s only when nothing was accepted for rateLimitPatienceMs, and says so', async () => {
    // 429 at 0, 30, 60, 90 and 120 s: the fifth comes after 2 minutes with nothing accepted.
    const scope = replies('get', Array(5).fill([429, { message: 'Too many' }, { 'Retry-After': '30', 'X-LS-API-RateLimit-Type': 'api-leaky-bucket' }]));
    const { client: lightspeed } = client(stored, { settings: { rateLimitPatienceMs: 120_000 } });
    const error = await lightspeed.call(request('GET')).catch((e: Error) => e);
    expect(error).to.be.instanceOf(RateLimitError);
    expect((error as RateLimitError).limiter).to.equal('api-leaky-bucket');
    expect((error as Error).message).to.equal('Gave up on GET Customer 5: Lightspeed answered every request of this credential with 429 '
      + '(rate limit exceeded) for 2 minutes and accepted none. Other flows or integrations on the account are using its whole '
      + 'rate limit: spread their schedules or lower their load, then run this again.');
    scope.done();
  });

  it('never puts the access token, refresh token or client secret into errors or logs', async () => {
    const echo = { message: `bad token ${SECRETS.accessToken}` };
    replies('get', [[400, echo]]);
    const logger = capturingLogger();
    const { client: lightspeed } = client(stored, { logger });
    const error = await lightspeed.call(request('GET')).catch((e: Error) => e);
    // Lightspeed's own echo is the only way a token could appear: it must be scrubbed too.
    expect(leakedSecrets(`${(error as Error).message}\n${JSON.stringify(error)}\n${logger.lines.join('\n')}`)).to.deep.equal([]);
  });

  it('refuses to send the token to a host other than the credential\'s', async () => {
    const { client: lightspeed } = client(stored);
    const error = await lightspeed.call({ ...request('GET'), url: 'https://evil.example/API/x.json' }).catch((e: Error) => e);
    expect(error).to.be.instanceOf(MalformedResponseError);
  });
});
