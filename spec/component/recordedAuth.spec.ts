import { expect } from 'chai';
import nock from 'nock';
import * as lookup from '../../lib/actions/lookupObjectById';
import { resetConnections } from '../../lib/client/connections';
import { SECRETS, leakedSecrets } from '../helpers/capture';
import { run } from '../helpers/component';
import { ACCOUNT_PATH, API, TOKEN_HOST, TOKEN_PATH, cfg } from '../helpers/lightspeed';
import { loadCassettes } from '../helpers/cassettes';

const customerPath = `${ACCOUNT_PATH}/Customer/5.json`;
const customer = { '@attributes': { count: '1' }, Customer: { customerID: '5', firstName: 'Ada' } };
const NEW_ACCESS = 'access-token-n3w-value-1';
/** The 2015 401 as recorded: `{httpCode, httpMessage, message, errorClass}` served as text/html. */
const recorded401 = loadCassettes().find((answer) => answer.status === 401 && answer.cassette.includes('accounts_401'));
if (!recorded401) throw new Error('no recorded 401');
const html401: [number, string, Record<string, string>] = [401, recorded401.body, { 'content-type': recorded401.headers['content-type'] }];
const oauth401 = { error: 'access_denied', error_description: 'The resource owner or authorization server denied the request.', hint: 'Access token could not be verified' };

/** Everything a user can read after a run (updateKeys goes to the credential store, where the secrets belong). */
const seen = (result: Awaited<ReturnType<typeof run>>): string =>
  JSON.stringify({ error: result.thrown?.message, stack: result.thrown?.stack, logs: result.logs, data: result.data });

describe('token replies and 401s as Lightspeed sent them', () => {
  beforeEach(() => resetConnections());
  afterEach(() => nock.cleanAll());

  it('a refresh reply without refresh_token: the stored one is kept, stored with the new access token, and the log says so', async () => {
    nock(TOKEN_HOST).post(TOKEN_PATH).reply(200, { token_type: 'bearer', expires_in: '3600', access_token: NEW_ACCESS });
    const api = nock(API, { reqheaders: { authorization: `Bearer ${NEW_ACCESS}` } }).get(customerPath).query(true).reply(200, customer);

    const result = await run(lookup, { id: 5 }, cfg({ objectType: 'Customer' }));
    api.done();
    expect(result.data).to.deep.equal([{ customerID: 5, firstName: 'Ada' }]);
    expect(result.updateKeys).to.have.length(1);
    const keys = result.updateKeys[0] as { refreshToken: string; oauth: Record<string, unknown> };
    expect(keys.refreshToken).to.equal(SECRETS.refreshToken);
    expect(keys.oauth).to.include({ access_token: NEW_ACCESS, refresh_token: SECRETS.refreshToken, expires_in: 3600 });
    expect(result.logs.filter((line) => line.startsWith('Refreshed'))).to.deep.equal([
      'Refreshed the access token because none was stored: the new one is valid for 60 min; Lightspeed sent no new refresh token, '
      + 'so the current one stays in use and was stored (updateKeys) with the new access token',
    ]);
    expect(leakedSecrets(seen(result), [NEW_ACCESS])).to.deep.equal([]);
  });

  it('the kept refresh token goes on working: the next refresh sends it again', async () => {
    const sent: string[] = [];
    nock(TOKEN_HOST).post(TOKEN_PATH, (body) => { sent.push(body.refresh_token); return true; }).times(2)
      .reply(200, () => ({ token_type: 'Bearer', access_token: `${NEW_ACCESS}-${sent.length}` }));
    nock(API).get(customerPath).query(true).reply(401, oauth401).get(customerPath).query(true).reply(200, customer)
      .get(customerPath).query(true).reply(401, oauth401).get(customerPath).query(true).reply(200, customer);
    const stored = { access_token: 'stale-access-token', refresh_token: SECRETS.refreshToken, expires_at: '2099-01-01T00:00:00Z' };
    const step = cfg({ objectType: 'Customer', oauth: stored });

    const first = await run(lookup, { id: 5 }, step);
    const second = await run(lookup, { id: 5 }, step);
    expect([first.data, second.data]).to.deep.equal([[{ customerID: 5, firstName: 'Ada' }], [{ customerID: 5, firstName: 'Ada' }]]);
    expect(sent).to.deep.equal([SECRETS.refreshToken, SECRETS.refreshToken]);
    expect(second.updateKeys.map((keys) => (keys as { refreshToken: string }).refreshToken)).to.deep.equal([SECRETS.refreshToken]);
  });

  const refusals: Array<[string, nock.Body, Record<string, string>, string]> = [
    ['in the API\'s envelope, served as text/html (recorded)', html401[1], html401[2], 'Invalid username/password or API key'],
    ['OAuth-style', oauth401, {}, 'The resource owner or authorization server denied the request. (Access token could not be verified)'],
  ];
  for (const [what, body, headers, said] of refusals) {
    it(`a 401 ${what} on the renewed token gives the user Lightspeed's message`, async () => {
      // A refresh before the first request, and one after the first 401.
      nock(TOKEN_HOST).post(TOKEN_PATH).times(2).reply(200, { token_type: 'Bearer', expires_in: 3600, access_token: NEW_ACCESS, refresh_token: 'refresh-token-n3w-value-1' });
      nock(API).get(customerPath).query(true).times(2).reply(401, body, headers);

      const result = await run(lookup, { id: 5 }, cfg({ objectType: 'Customer' }));
      expect(result.thrown?.message).to.equal(`Lightspeed refused a freshly refreshed access token for GET Customer 5: ${said}. `
        + 'Check that the credential was authorized with the scopes this operation needs.');
      expect(leakedSecrets(seen(result), [NEW_ACCESS, 'refresh-token-n3w-value-1'])).to.deep.equal([]);
    });
  }

  it('the token endpoint answering 401 in the API\'s envelope (text/html): Lightspeed\'s message, and what to check', async () => {
    nock(TOKEN_HOST).post(TOKEN_PATH).reply(...html401);

    const result = await run(lookup, { id: 5 }, cfg({ objectType: 'Customer' }));
    expect(result.thrown?.message).to.equal('Lightspeed rejected the client with 401 (Invalid username/password or API key.): '
      + 'check the Client ID and Client Secret of the credential.');
    expect(leakedSecrets(seen(result))).to.deep.equal([]);
  });

  it('an OAuth error the component has no advice for is quoted; a secret Lightspeed echoes is masked', async () => {
    nock(TOKEN_HOST).post(TOKEN_PATH).reply(400, { error_description: `Refresh token ${SECRETS.refreshToken} is malformed` });

    const result = await run(lookup, { id: 5 }, cfg({ objectType: 'Customer' }));
    expect(result.thrown?.message).to.equal('Lightspeed\'s token endpoint answered 400 (Refresh token [redacted] is malformed) to the token refresh.');
  });
});
