import { expect } from 'chai';
import nock from 'nock';
import { resetConnections } from '../../lib/client/connections';
import * as lookup from '../../lib/actions/lookupObjectById';
import { verifyCredentials } from '../../lib/verifyCredentials';
import { Simulator } from '../../simulator';
import { run, simulatorWith } from '../helpers/component';

describe('verifyCredentials', () => {
  let sim: Simulator;
  let cfg: Awaited<ReturnType<typeof simulatorWith>>['cfg'];
  beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 3 })));
  afterEach(() => sim.close());

  it('verifies a good credential and leaves its refresh token usable', async () => {
    expect(await verifyCredentials.call(undefined, cfg())).to.deep.equal({ verified: true });
    expect(await verifyCredentials.call(undefined, cfg())).to.deep.equal({ verified: true });
    // The stored refresh token still works afterwards: verification never used a refreshed access token.
    resetConnections();
    const result = await run(lookup, { id: 1 }, cfg({ objectType: 'Item' }));
    expect(result.thrown).to.equal(undefined);
  });

  /** The credential as stored after a run: a live access token in `oauth`, the rotated refresh token. */
  async function storedAfterARun(): Promise<Record<string, unknown>> {
    const first = await run(lookup, { id: 1 }, cfg({ objectType: 'Item' }));
    sim.resetStats();
    return { ...cfg(), ...first.updateKeys[0] };
  }
  const tokenRequests = () => sim.stats.log.filter((entry) => entry.path.startsWith('/auth/')).map((entry) => `${entry.method} ${entry.path} ${entry.status}`);

  it('uses a live stored access token without refreshing, and proves the client with a refresh token that cannot be valid', async () => {
    const stored = await storedAfterARun();
    expect(await verifyCredentials.call(undefined, stored)).to.deep.equal({ verified: true });
    expect(sim.stats.tokens.refreshes).to.equal(0);
    expect(tokenRequests()).to.deep.equal(['POST /auth/oauth/token 400']); // invalid_grant: the client was accepted
  });

  it('refuses a wrong Client Secret although the stored access token works, and the stored refresh token still works afterwards', async () => {
    const stored = await storedAfterARun();
    expect(await verifyCredentials.call(undefined, { ...stored, clientSecret: 'wrong-secret' })).to.deep.equal({
      verified: false, reason: 'Lightspeed rejected the client (invalid_client): check the Client ID and Client Secret of the credential.',
    });
    expect(tokenRequests()).to.deep.equal(['POST /auth/oauth/token 401']);
    // The next refresh, as a flow would make it an hour later, goes through with the stored refresh token.
    sim.expireAccessTokens();
    resetConnections();
    const later = await run(lookup, { id: 1 }, { ...stored, objectType: 'Item' });
    expect(later.thrown).to.equal(undefined);
    expect(sim.stats.tokens.refreshes).to.equal(1);
  });

  it('refuses a credential without a refresh token, whatever access token it holds, and sends nothing', async () => {
    const stored = await storedAfterARun();
    const oauth = { ...stored.oauth as Record<string, unknown>, refresh_token: undefined };
    expect(await verifyCredentials.call(undefined, { ...stored, refreshToken: '', oauth })).to.deep.equal({
      verified: false, reason: 'refreshToken: is required: click Authenticate, or paste a refresh token from the authorization helper',
    });
    expect(sim.stats.requests).to.equal(0);
  });

  const failures: Array<[string, Record<string, unknown>, RegExp]> = [
    ['a wrong client secret', { clientSecret: 'nope' }, /invalid_client.*check the Client ID and Client Secret/],
    ['a revoked refresh token', { refreshToken: 'not-a-token' }, /invalid_grant.*Re-authorize/],
    ['a missing client ID', { clientId: '' }, /^clientId: is required$/],
    ['a refused connection', { environmentUrl: 'http://127.0.0.1:9' }, /^Could not reach the Lightspeed API: the Environment URL http:\/\/127\.0\.0\.1:9 refused the connection \(ECONNREFUSED\): check it in the credential, and that the server is up\.$/],
    ['an unknown host', { environmentUrl: 'https://lightspeed-api.invalid' }, /^Could not reach the Lightspeed API: the Environment URL https:\/\/lightspeed-api\.invalid names an unknown host \((ENOTFOUND|EAI_AGAIN)\): check it in the credential\.$/],
  ];
  it('reads the account from the simulator\'s JWT, offline: a wrong Account ID is refused and the refresh token still works', async () => {
    expect(await verifyCredentials.call(undefined, cfg({ accountId: '999' }))).to.deep.equal({
      verified: false,
      reason: 'The credential was authorized for Lightspeed account 123456, not 999: fix the Account ID or leave it empty.',
    });
    expect(await verifyCredentials.call(undefined, cfg({ accountId: '' }))).to.deep.equal({ verified: true });
    resetConnections();
    expect((await run(lookup, { id: 1 }, cfg({ objectType: 'Item' }))).thrown).to.equal(undefined);
  });

  for (const [name, fields, reason] of failures) {
    it(`answers {verified: false, reason} for ${name}`, async () => {
      const result = await verifyCredentials.call(undefined, cfg(fields));
      expect(result.verified).to.equal(false);
      expect(result.reason).to.match(reason);
    });
  }
});

describe('verifyCredentials with Lightspeed\'s JWT access tokens', () => {
  const API = 'https://api.example-lightspeed.test';
  const TOKEN_HOST = 'https://cloud.example-lightspeed.test';
  const jwt = (claims: Record<string, unknown>) =>
    ['{"alg":"RS256","typ":"JWT"}', JSON.stringify(claims)].map((part) => Buffer.from(part).toString('base64url')).join('.') + '.c2lnbmF0dXJl';
  const cfg = (accountId: string) => ({
    environmentUrl: API, accountId, clientId: 'id', clientSecret: 'secret', refreshToken: 'refresh', tokenUrl: `${TOKEN_HOST}/auth/oauth/token`,
  });
  afterEach(() => nock.cleanAll());

  function lightspeed(): nock.Scope {
    nock(API).get('/API/V3/Account.json').reply(401, { error: 'access_denied' });
    return nock(TOKEN_HOST).post('/auth/oauth/token')
      .reply(200, { token_type: 'Bearer', expires_in: 3600, access_token: jwt({ acct: '777', scope: 'employee:all' }), refresh_token: 'new' });
  }

  it('accepts a credential whose token belongs to the configured account, and never uses the new token', async () => {
    const tokens = lightspeed();
    expect(await verifyCredentials.call(undefined, cfg('777'))).to.deep.equal({ verified: true });
    tokens.done(); // the only API call was the unauthenticated probe
  });

  it('says which account the credential belongs to when the Account ID differs', async () => {
    lightspeed();
    expect(await verifyCredentials.call(undefined, cfg('123'))).to.deep.equal({
      verified: false,
      reason: 'The credential was authorized for Lightspeed account 777, not 123: fix the Account ID or leave it empty.',
    });
  });
});
