import { expect } from 'chai';
import nock from 'nock';
import { AuthenticationError } from '../../../lib/client/http';
import { TokenSet } from '../../../lib/client/auth/oauth';
import { SECRETS, capturingLogger, leakedSecrets } from '../../helpers/capture';
import {
  ACCOUNT_PATH, API, bucketHeaders, cfg, client, TOKEN_HOST, TOKEN_PATH, tokenEndpoint,
} from '../../helpers/lightspeed';
import { LightspeedClient } from '../../../lib/client/LightspeedClient';

const itemUrl = `${API}${ACCOUNT_PATH}/Item/1.json`;
const oneItem = { '@attributes': { count: '1' }, Item: { itemID: '1', description: 'Shirt' } };

describe('OAuth2 with rotating refresh tokens', () => {
  afterEach(() => nock.cleanAll());

  it('refreshes with the form-encoded refresh_token grant (no scope) before the first request', async () => {
    const { scope: tokens, bodies } = tokenEndpoint(1);
    const api = nock(API, { reqheaders: { authorization: 'Bearer access-1' } }).get(`${ACCOUNT_PATH}/Item/1.json`).reply(200, oneItem);
    const { client: lightspeed } = client();

    await lightspeed.call({ method: 'GET', url: itemUrl, context: { method: 'GET' } });

    tokens.done();
    api.done();
    const sent = new URLSearchParams(bodies[0]);
    expect(Object.fromEntries(sent)).to.deep.equal({
      grant_type: 'refresh_token', refresh_token: SECRETS.refreshToken, client_id: 'client-id-1', client_secret: SECRETS.clientSecret,
    });
  });

  it('uses stored tokens from cfg.oauth until they are about to expire', async () => {
    const api = nock(API, { reqheaders: { authorization: 'Bearer stored-access' } }).get(`${ACCOUNT_PATH}/Item/1.json`).reply(200, oneItem);
    const oauth = { access_token: 'stored-access', refresh_token: 'stored-refresh', expires_at: new Date(Date.parse('2026-01-01T01:00:00Z')).toISOString() };
    const { client: lightspeed } = client({ oauth });

    await lightspeed.call({ method: 'GET', url: itemUrl, context: { method: 'GET' } });
    api.done();
  });

  it('two concurrent requests with an expired token cause exactly one refresh, and the rotated pair reaches the callback once', async () => {
    const { scope: tokens } = tokenEndpoint(1);
    const api = nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).times(2).matchHeader('authorization', 'Bearer access-1').reply(200, oneItem);
    const oauth = { access_token: 'old', refresh_token: 'stored-refresh', expires_at: '2025-12-31T23:00:00Z' };
    const { client: lightspeed } = client({ oauth });
    const rotated: TokenSet[] = [];
    lightspeed.onTokenRotated((tokenSet) => { rotated.push(tokenSet); });

    await Promise.all([1, 2].map(() => lightspeed.call({ method: 'GET', url: itemUrl, context: { method: 'GET' } })));

    tokens.done();
    api.done();
    expect(rotated).to.have.length(1);
    expect(rotated[0]).to.include({ accessToken: 'access-1', refreshToken: 'refresh-1' });
  });

  it('refreshes once on a 401 and retries the request with the new token, saying so in one line', async () => {
    tokenEndpoint(1);
    const api = nock(API)
      .get(`${ACCOUNT_PATH}/Item/1.json`).matchHeader('authorization', 'Bearer stale').reply(401, { error: 'access_denied', hint: 'Token has expired' })
      .get(`${ACCOUNT_PATH}/Item/1.json`).matchHeader('authorization', 'Bearer access-1').reply(200, oneItem);
    const logger = capturingLogger();
    const { client: lightspeed } = client({ oauth: { access_token: 'stale', refresh_token: 'r' } }, { logger });
    lightspeed.onTokenRotated(() => undefined);

    const response = await lightspeed.call({ method: 'GET', url: itemUrl, context: { method: 'GET', entity: 'Item', id: 1 } });
    expect(response.status).to.equal(200);
    api.done();
    expect(logger.lines.filter((line) => !line.includes(' -> '))).to.deep.equal([
      'Refreshed the access token because Lightspeed refused it on GET Item 1 (Token has expired): the new one is valid for 60 min, and the '
      + 'rotated refresh token was stored (updateKeys) before its first use; sending the request again at once',
    ]);
  });

  it('concurrent requests refused with the same token: one refresh, one info line', async () => {
    const { scope: tokens } = tokenEndpoint(1);
    nock(API)
      .get(`${ACCOUNT_PATH}/Item/1.json`).times(3).matchHeader('authorization', 'Bearer stale').reply(401, { error: 'access_denied', hint: 'Token has expired' })
      .get(`${ACCOUNT_PATH}/Item/1.json`).times(3).matchHeader('authorization', 'Bearer access-1').reply(200, oneItem);
    const logger = capturingLogger();
    const { client: lightspeed } = client({ oauth: { access_token: 'stale', refresh_token: 'r' } }, { logger });

    await Promise.all([1, 2, 3].map(() => lightspeed.call({ method: 'GET', url: itemUrl, context: { method: 'GET', entity: 'Item', id: 1 } })));
    tokens.done();
    expect(logger.lines.filter((line) => line.startsWith('Refreshed'))).to.have.length(1);
  });

  it('an expired stored token is refreshed before the request, in one line saying why and for how long', async () => {
    tokenEndpoint(1);
    nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).matchHeader('authorization', 'Bearer access-1').reply(200, oneItem);
    const logger = capturingLogger();
    const { client: lightspeed } = client({ oauth: { access_token: 'old', refresh_token: 'r', expires_at: '2025-12-31T23:00:00Z' } }, { logger });

    await lightspeed.call({ method: 'GET', url: itemUrl, context: { method: 'GET' } });
    expect(logger.lines.filter((line) => !line.includes(' -> '))).to.deep.equal([
      'Refreshed the access token because it expired at 2025-12-31T23:00:00Z: the new one is valid for 60 min',
    ]);
  });

  it('a later message whose cfg still carries the old refresh token uses the newest tokens, without refreshing again', async () => {
    const { scope: tokens } = tokenEndpoint(1);
    nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).times(2).matchHeader('authorization', 'Bearer access-1').reply(200, oneItem, bucketHeaders(1));
    const { client: first, clock } = client();
    await first.call({ method: 'GET', url: itemUrl, context: { method: 'GET' } });

    const second = LightspeedClient.fromConfig(cfg(), { clock });
    await second.call({ method: 'GET', url: itemUrl, context: { method: 'GET' } });
    tokens.done();
  });

  it('persists the rotated pair before the new access token is first used', async () => {
    tokenEndpoint(1);
    const order: string[] = [];
    nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).reply(() => { order.push('request'); return [200, oneItem]; });
    const { client: lightspeed } = client();
    lightspeed.onTokenRotated(async () => { await new Promise((resolve) => setTimeout(resolve, 5)); order.push('persisted'); });

    await lightspeed.call({ method: 'GET', url: itemUrl, context: { method: 'GET' } });
    expect(order).to.deep.equal(['persisted', 'request']);
  });

  it('when persisting the rotated pair fails, the new access token is not used, so the stored refresh token stays alive', async () => {
    tokenEndpoint(1);
    const api = nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).reply(200, oneItem);
    const { client: lightspeed } = client();
    lightspeed.onTokenRotated(() => { throw new Error('platform unavailable'); });

    const error = await lightspeed.call({ method: 'GET', url: itemUrl, context: { method: 'GET' } }).catch((e: Error) => e);
    expect((error as Error).message).to.equal('platform unavailable');
    expect(api.isDone()).to.equal(false);
  });

  it('hands each rotated pair to one listener, the next ones only when it fails', async () => {
    tokenEndpoint(1);
    nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).reply(200, oneItem);
    const { client: lightspeed } = client();
    const calls: string[] = [];
    lightspeed.onTokenRotated(() => { calls.push('first'); throw new Error('gone'); });
    lightspeed.onTokenRotated(() => { calls.push('second'); });
    lightspeed.onTokenRotated(() => { calls.push('third'); });

    await lightspeed.call({ method: 'GET', url: itemUrl, context: { method: 'GET' } });
    expect(calls).to.deep.equal(['first', 'second']);
  });

  it('takes a live access token a sibling step persisted, instead of rotating again', async () => {
    const api = nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).matchHeader('authorization', 'Bearer sibling-access').reply(200, oneItem);
    const { client: lightspeed } = client();
    lightspeed.attachTokenStore({
      persist: () => { throw new Error('nothing to persist'); },
      load: async () => ({ accessToken: 'sibling-access', refreshToken: 'sibling-refresh', expiresAt: Date.parse('2026-01-01T01:00:00Z') }),
    });

    await lightspeed.call({ method: 'GET', url: itemUrl, context: { method: 'GET' } });
    api.done(); // and no token request: nock would have refused it
  });

  it('after invalid_grant, reads the store again and refreshes with the newer refresh token a sibling step persisted', async () => {
    nock(TOKEN_HOST)
      .post(TOKEN_PATH, (body) => body.refresh_token === SECRETS.refreshToken).reply(400, { error: 'invalid_grant' })
      .post(TOKEN_PATH, (body) => body.refresh_token === 'sibling-refresh')
      .reply(200, { token_type: 'Bearer', expires_in: 3600, access_token: 'access-7', refresh_token: 'refresh-7' });
    const api = nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).matchHeader('authorization', 'Bearer access-7').reply(200, oneItem);
    const { client: lightspeed } = client();
    let loads = 0;
    const persisted: TokenSet[] = [];
    lightspeed.attachTokenStore({
      persist: (tokens) => { persisted.push(tokens); },
      // The sibling's rotation lands in the store between our first look and our refresh.
      load: async () => (++loads === 1 ? undefined : { refreshToken: 'sibling-refresh' }),
    });

    await lightspeed.call({ method: 'GET', url: itemUrl, context: { method: 'GET' } });
    api.done();
    expect(persisted.map((tokens) => tokens.refreshToken)).to.deep.equal(['refresh-7']);
  });

  it('after invalid_grant, takes the live access token a sibling step persisted meanwhile, without refreshing again', async () => {
    const refused = nock(TOKEN_HOST).post(TOKEN_PATH).once().reply(400, { error: 'invalid_grant' });
    const api = nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).matchHeader('authorization', 'Bearer sibling-access').reply(200, oneItem);
    const { client: lightspeed } = client();
    let loads = 0;
    lightspeed.attachTokenStore({
      persist: () => { throw new Error('nothing to persist'); },
      load: async () => (++loads === 1 ? undefined
        : { accessToken: 'sibling-access', refreshToken: 'sibling-refresh', expiresAt: Date.parse('2026-01-01T01:00:00Z') }),
    });

    await lightspeed.call({ method: 'GET', url: itemUrl, context: { method: 'GET' } });
    refused.done();
    api.done(); // and no second token request: nock would have refused it
  });

  it('invalid_grant says to re-authorize, names no token, and is not retried by later requests', async () => {
    const refused = nock(TOKEN_HOST).post(TOKEN_PATH).once()
      .reply(400, { error: 'invalid_grant', error_description: `The refresh token ${SECRETS.refreshToken} is invalid`, hint: 'revoked' });
    const logger = capturingLogger();
    const { client: lightspeed } = client({}, { logger });

    const errors: unknown[] = [];
    for (let i = 0; i < 2; i += 1) {
      await lightspeed.call({ method: 'GET', url: itemUrl, context: { method: 'GET' } }).catch((error: unknown) => errors.push(error));
    }

    refused.done();
    expect(errors).to.have.length(2);
    expect(errors[0]).to.be.instanceOf(AuthenticationError);
    expect((errors[0] as Error).message).to.match(/invalid_grant.*Re-authorize/s);
    expect(leakedSecrets(`${(errors[0] as Error).message} ${(errors[0] as Error).stack} ${logger.lines.join('\n')}`)).to.deep.equal([]);
  });

  it('falls back to the credential field when cfg.oauth holds a refresh token Lightspeed no longer accepts', async () => {
    nock(TOKEN_HOST)
      .post(TOKEN_PATH, (body) => body.refresh_token === 'old-oauth-refresh').reply(400, { error: 'invalid_grant' })
      .post(TOKEN_PATH, (body) => body.refresh_token === SECRETS.refreshToken)
      .reply(200, { token_type: 'Bearer', expires_in: 3600, access_token: 'access-9', refresh_token: 'refresh-9' });
    const api = nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).matchHeader('authorization', 'Bearer access-9').reply(200, oneItem);
    const { client: lightspeed } = client({ oauth: { refresh_token: 'old-oauth-refresh' } });

    await lightspeed.call({ method: 'GET', url: itemUrl, context: { method: 'GET' } });
    api.done();
  });

  it('invalid_client tells the user to check the client ID and secret, without quoting them', async () => {
    nock(TOKEN_HOST).post(TOKEN_PATH).reply(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    const { client: lightspeed } = client();

    const error = await lightspeed.call({ method: 'GET', url: itemUrl, context: { method: 'GET' } }).then(() => undefined, (e: Error) => e);
    expect(error).to.be.instanceOf(AuthenticationError);
    expect(error?.message).to.equal('Lightspeed rejected the client (invalid_client): check the Client ID and Client Secret of the credential.');
  });

  it('discovers the account ID once when the credential leaves it blank', async () => {
    tokenEndpoint(1);
    const accounts = nock(API).get('/API/V3/Account.json').once().reply(200, { '@attributes': { count: '1' }, Account: { accountID: '777', name: 'Shop' } });
    const items = nock(API).get('/API/V3/Account/777/Item/1.json').times(2).reply(200, oneItem);
    const { client: lightspeed } = client({ accountId: '' });

    for (let i = 0; i < 2; i += 1) {
      const url = await lightspeed.url('account', 'Item/1.json');
      await lightspeed.call({ method: 'GET', url: url.toString(), context: { method: 'GET' } });
    }
    accounts.done();
    items.done();
  });
});
