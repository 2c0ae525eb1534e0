import { expect } from 'chai';
import nock from 'nock';
import { AuthenticationError, TransportError } from '../../../lib/client/http';
import { DEFAULT_REFRESH_RETRY, refreshRetryDelayMs } from '../../../lib/client/auth/refreshRetry';
import { TokenSet } from '../../../lib/client/auth/oauth';
import { SECRETS, capturingLogger, leakedSecrets } from '../../helpers/capture';
import { ACCOUNT_PATH, API, TOKEN_HOST, TOKEN_PATH, client } from '../../helpers/lightspeed';
import { scriptedServer } from '../../helpers/scriptedServer';

const itemUrl = `${API}${ACCOUNT_PATH}/Item/1.json`;
const oneItem = { '@attributes': { count: '1' }, Item: { itemID: '1', description: 'Shirt' } };
const fresh = { token_type: 'Bearer', expires_in: 3600, access_token: 'access-ok', refresh_token: 'refresh-ok' };
const get = { method: 'GET' as const, url: itemUrl, context: { method: 'GET', entity: 'Item', id: 1 } };

/** The token endpoint answers `failures` in order, then a fresh pair; returns the fake-clock time of each attempt. */
function tokenEndpointFailing(failures: Array<(scope: nock.Interceptor) => nock.Scope>, now: () => number): number[] {
  const times: number[] = [];
  const interceptor = () => nock(TOKEN_HOST).post(TOKEN_PATH, () => { times.push(now()); return true; });
  for (const failure of failures) failure(interceptor());
  interceptor().reply(200, fresh);
  return times;
}

const status503 = (scope: nock.Interceptor) => scope.reply(503, { error: 'temporarily_unavailable' });
const gatewayHtml = (scope: nock.Interceptor) => scope.reply(502, '<html><head><title>502 Bad Gateway</title></head></html>', { 'Content-Type': 'text/html' });
const tooMany = (seconds: string) => (scope: nock.Interceptor) => scope.reply(429, { error: 'too_many_requests' }, { 'Retry-After': seconds });

describe('token endpoint failures: retried within Lightspeed\'s 5 refresh attempts per minute', () => {
  afterEach(() => nock.cleanAll());

  for (const [name, failure] of [['503', status503], ['a gateway\'s HTML 502', gatewayHtml]] as const) {
    it(`tries again after ${name}, then uses the new pair`, async () => {
      const { client: lightspeed, clock } = client();
      const attempts = tokenEndpointFailing([failure], () => clock.now());
      const api = nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).matchHeader('authorization', 'Bearer access-ok').reply(200, oneItem);
      const rotated: TokenSet[] = [];
      lightspeed.onTokenRotated((tokens) => { rotated.push(tokens); });

      await lightspeed.call(get);
      api.done();
      expect(attempts).to.have.length(2);
      expect(attempts[1] - attempts[0]).to.be.within(500, 1000); // the first backoff step
      expect(rotated.map((tokens) => tokens.refreshToken)).to.deep.equal(['refresh-ok']);
    });
  }

  it('tries again after the connection is lost before the answer', async () => {
    const server = await scriptedServer([{ drop: true }, { reply: 200, body: fresh }]);
    try {
      const { client: lightspeed } = client({ tokenUrl: `${server.url}/auth/oauth/token` });
      const api = nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).matchHeader('authorization', 'Bearer access-ok').reply(200, oneItem);
      await lightspeed.call(get);
      api.done();
      expect(server.requests).to.deep.equal(['POST /auth/oauth/token', 'POST /auth/oauth/token']);
    } finally {
      await server.close();
    }
  });

  it('waits what Retry-After says on a 429 from the token endpoint', async () => {
    const { client: lightspeed, clock } = client();
    const attempts = tokenEndpointFailing([tooMany('7')], () => clock.now());
    nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).reply(200, oneItem);

    await lightspeed.call(get);
    expect(attempts[1] - attempts[0]).to.equal(7000);
  });

  it('gives up after 5 attempts: the error says what happened, the refresh token was not used up, and nothing was persisted', async () => {
    const logger = capturingLogger();
    const { client: lightspeed, clock } = client({}, { logger });
    const attempts = tokenEndpointFailing(Array(5).fill(status503), () => clock.now());
    const rotated: TokenSet[] = [];
    lightspeed.onTokenRotated((tokens) => { rotated.push(tokens); });

    const error = await lightspeed.call(get).catch((e: Error) => e);
    expect(error).to.be.instanceOf(AuthenticationError);
    expect((error as Error).message).to.match(/^Lightspeed's token endpoint answered 503 \(temporarily_unavailable\) to the token refresh \(5 attempts in \d+ s\)\. The stored refresh token was not used up and still works: the next run tries again\.$/);
    expect(attempts).to.have.length(5);
    expect(rotated).to.deep.equal([]);
    expect(logger.lines.filter((line) => line.includes('Trying again in'))).to.have.length(4);
    expect(leakedSecrets(`${(error as Error).message} ${logger.lines.join('\n')}`)).to.deep.equal([]);
  });

  it('never makes more than 5 refresh attempts in any minute, across refreshes of one credential', async () => {
    const { client: lightspeed, clock } = client();
    const attempts = tokenEndpointFailing(Array(8).fill(status503), () => clock.now());
    nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).reply(200, oneItem);

    await lightspeed.call(get).catch(() => undefined); // 5 attempts, then the error
    await lightspeed.call(get); // 3 more failures, then the pair: the 6th attempt waits for the minute to pass
    expect(attempts).to.have.length(9);
    for (let i = 5; i < attempts.length; i += 1) expect(attempts[i] - attempts[i - 5], `attempt ${i + 1}`).to.be.at.least(60_000);
  });

  it('never retries invalid_client or invalid_grant', async () => {
    for (const [status, error] of [[401, 'invalid_client'], [400, 'invalid_grant']] as const) {
      const { client: lightspeed } = client();
      const scope = nock(TOKEN_HOST).post(TOKEN_PATH).once().reply(status, { error });
      const thrown = await lightspeed.call(get).catch((e: Error) => e);
      expect((thrown as Error).message).to.contain(error);
      scope.done();
      expect(nock.pendingMocks()).to.deep.equal([]);
    }
  });

  describe('the pure decision', () => {
    const settings = { ...DEFAULT_REFRESH_RETRY, backoff: { baseDelayMs: 1000, maxDelayMs: 8000 } };
    const refusal = (status: number, code?: string, retryAfter?: number) => new AuthenticationError('refused', status, code, retryAfter);
    const table: Array<[string, unknown, number, number | undefined]> = [
      ['503 on the first attempt: the first backoff step', refusal(503), 1, 1000],
      ['500 on the third attempt', refusal(500), 3, 4000],
      ['no answer', new TransportError('no answer', 'ECONNRESET', { method: 'POST' }, false), 2, 2000],
      ['connection refused on the second attempt', new TransportError('refused', 'ECONNREFUSED', { method: 'POST' }, false), 2, 2000],
      ['connection refused on the third attempt: a restart takes seconds', new TransportError('refused', 'ECONNREFUSED', { method: 'POST' }, false), 3, undefined],
      ['a Token URL whose host is unknown', new TransportError('unknown', 'ENOTFOUND', { method: 'POST' }, false), 1, undefined],
      ['a Token URL whose certificate is not trusted', new TransportError('tls', 'CERT_HAS_EXPIRED', { method: 'POST' }, false), 1, undefined],
      ['429 with Retry-After 7', refusal(429, undefined, 7), 1, 7000],
      ['429 without Retry-After', refusal(429), 1, 1000],
      ['429 asking for more than a minute: not waited for', refusal(429, undefined, 300), 1, undefined],
      ['503 on the last attempt', refusal(503), 5, undefined],
      ['invalid_grant', refusal(400, 'invalid_grant'), 1, undefined],
      ['invalid_client', refusal(401, 'invalid_client'), 1, undefined],
      ['another 4xx', refusal(400, 'invalid_request'), 1, undefined],
      ['a programming error', new TypeError('oops'), 1, undefined],
    ];
    for (const [name, error, attempt, expected] of table) {
      it(`${name}: ${expected === undefined ? 'give up' : `${expected} ms`}`, () => {
        expect(refreshRetryDelayMs(error, attempt, settings, () => 1)).to.equal(expected);
      });
    }
  });

  it('keeps secrets out of what it logs while retrying', async () => {
    const logger = capturingLogger();
    const { client: lightspeed, clock } = client({}, { logger });
    tokenEndpointFailing([(scope) => scope.reply(503, { error: 'unavailable', error_description: `cannot refresh ${SECRETS.refreshToken}` })], () => clock.now());
    nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).reply(200, oneItem);
    await lightspeed.call(get);
    expect(logger.lines.join('\n')).to.contain('Trying again in');
    expect(leakedSecrets(logger.lines.join('\n'))).to.deep.equal([]);
  });
});
