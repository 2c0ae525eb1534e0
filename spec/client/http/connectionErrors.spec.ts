import { expect } from 'chai';
import nock from 'nock';
import { AuthenticationError, TransportError } from '../../../lib/client/http/errors';
import { SimpleOAuthRefresher, TokenRefresher } from '../../../lib/client/auth';
import { DEFAULT_CLIENT_SETTINGS } from '../../../lib/client/settings';
import { SECRETS, capturingLogger, repeatedPhrase } from '../../helpers/capture';
import { ACCOUNT_PATH, API, TOKEN_HOST, TOKEN_PATH, client } from '../../helpers/lightspeed';
import { scriptedServer } from '../../helpers/scriptedServer';
import { CountingTransport, UNKNOWN_HOST_URL, closedPortUrl, selfSignedServer } from '../../helpers/unreachable';

const stored = { oauth: { access_token: SECRETS.accessToken, refresh_token: 'r', expires_at: '2027-01-01T00:00:00Z' } };
const path = `${ACCOUNT_PATH}/Customer/5.json`;
const get = (origin: string) => ({ method: 'GET' as const, url: `${origin}${path}`, context: { method: 'GET', entity: 'Customer', id: 5 } });

/** A request to `environmentUrl` with a live stored token: what it threw, how many times it was sent, what it logged. */
async function callAt(environmentUrl: string) {
  const transport = new CountingTransport();
  const logger = capturingLogger();
  // The real backoff, on a fake clock: the waits are what a user would wait, without waiting.
  const settings = { backoff: DEFAULT_CLIENT_SETTINGS.backoff };
  const { client: lightspeed, clock } = client({ ...stored, environmentUrl }, { transport, logger, settings });
  const error = await lightspeed.call(get(environmentUrl)).catch((e: Error) => e);
  for (const line of [...logger.lines, (error as Error).message]) expect(repeatedPhrase(line), line).to.equal(undefined);
  return { error, sent: transport.sent.length, sleeps: clock.sleeps, logs: logger.lines };
}

describe('connection failures name the credential field and its value', () => {
  it('unknown host: fails after one attempt, naming the Environment URL', async () => {
    const { error, sent, sleeps } = await callAt(UNKNOWN_HOST_URL);
    expect(error).to.be.instanceOf(TransportError);
    // A resolver that cannot be asked at all answers EAI_AGAIN instead of ENOTFOUND.
    expect((error as Error).message).to.match(new RegExp('^GET Customer 5: the Environment URL https://lightspeed-api\\.invalid names an unknown '
      + 'host \\((ENOTFOUND|EAI_AGAIN)\\): check it in the credential$'));
    expect([sent, sleeps.length]).to.deep.equal([1, 0]);
  });

  it('connection refused: 3 attempts within seconds, then an error naming the Environment URL', async () => {
    const url = await closedPortUrl();
    const { error, sent, sleeps, logs } = await callAt(url);
    expect((error as Error).message).to.equal(`GET Customer 5: the Environment URL ${url} refused the connection (ECONNREFUSED): `
      + 'check it in the credential, and that the server is up (gave up after 3 attempts)');
    expect(sent).to.equal(3);
    expect(sleeps.reduce((sum, ms) => sum + ms, 0)).to.be.within(1500, 3000);
    expect(logs.filter((line) => line.includes('refused the connection'))).to.have.length(2);
  });

  it('a certificate that is not trusted: one attempt, naming the Environment URL', async () => {
    const server = await selfSignedServer();
    try {
      const { error, sent } = await callAt(server.url);
      expect((error as Error).message).to.equal(`GET Customer 5: the Environment URL ${server.url} presented a TLS certificate that is `
        + 'not trusted (DEPTH_ZERO_SELF_SIGNED_CERT): check it in the credential');
      expect(sent).to.equal(1);
    } finally {
      await server.close();
    }
  });

  it('https to a plain-http port: the TLS handshake fails once, naming the Environment URL', async () => {
    const server = await scriptedServer([]);
    try {
      const url = server.url.replace('http:', 'https:');
      const { error, sent } = await callAt(url);
      expect((error as Error).message).to.equal(`GET Customer 5: the TLS handshake with the Environment URL ${url} failed (EPROTO): `
        + 'check it in the credential');
      expect(sent).to.equal(1);
    } finally {
      await server.close();
    }
  });
});

describe('token endpoint failures name the Token URL', () => {
  afterEach(() => nock.cleanAll());

  /** A refresh through the real OAuth client at `tokenUrl`: what it threw and how many attempts it made. */
  async function refreshAt(tokenUrl: string) {
    let attempts = 0;
    const inner = new SimpleOAuthRefresher({ tokenUrl, clientId: 'client-id-1', clientSecret: SECRETS.clientSecret, timeoutMs: 5000 });
    const refresher: TokenRefresher = { refresh: (token) => { attempts += 1; return inner.refresh(token); } };
    const { client: lightspeed } = client({ tokenUrl }, { refresher });
    const error = await lightspeed.call(get(API)).catch((e: Error) => e);
    return { error, attempts };
  }

  it('unknown host: one attempt, naming the Token URL', async () => {
    const { error, attempts } = await refreshAt(`${UNKNOWN_HOST_URL}/auth/oauth/token`);
    expect(error).to.be.instanceOf(TransportError);
    expect((error as Error).message).to.match(new RegExp('^Could not refresh the access token: the Token URL '
      + 'https://lightspeed-api\\.invalid/auth/oauth/token names an unknown host \\((ENOTFOUND|EAI_AGAIN)\\): check it in the credential\\.$'));
    expect(attempts).to.equal(1);
  });

  it('connection refused: 3 attempts, naming the Token URL, and the refresh token is said to be intact', async () => {
    const url = `${await closedPortUrl()}/auth/oauth/token`;
    const { error, attempts } = await refreshAt(url);
    expect((error as Error).message).to.match(new RegExp(`^Could not refresh the access token: the Token URL ${url} refused the connection `
      + '\\(ECONNREFUSED\\): check it in the credential, and that the server is up \\(3 attempts in \\d+ s\\)\\. '
      + 'The stored refresh token was not used up and still works: the next run tries again\\.$'));
    expect(attempts).to.equal(3);
  });

  for (const status of [404, 405]) {
    it(`${status}: names the Token URL and Lightspeed's default`, async () => {
      nock(TOKEN_HOST).post(TOKEN_PATH).reply(status, '<html><title>Not here</title></html>');
      const { error, attempts } = await refreshAt(`${TOKEN_HOST}${TOKEN_PATH}`);
      expect(error).to.be.instanceOf(AuthenticationError);
      expect((error as Error).message).to.equal(`The Token URL ${TOKEN_HOST}${TOKEN_PATH} answered ${status} to the token refresh: it is not an `
        + 'OAuth token endpoint. Check it in the credential (empty means Lightspeed\'s, https://cloud.lightspeedapp.com/auth/oauth/token).');
      expect(attempts).to.equal(1);
    });
  }

  it('invalid_client with the Authenticate button\'s client names the component\'s environment variables', async () => {
    const saved = { id: process.env.OAUTH_CLIENT_ID, secret: process.env.OAUTH_CLIENT_SECRET };
    Object.assign(process.env, { OAUTH_CLIENT_ID: 'platform-client', OAUTH_CLIENT_SECRET: 'wrong-platform-secret' });
    try {
      nock(TOKEN_HOST).post(TOKEN_PATH).reply(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
      const { client: lightspeed } = client({ clientId: '', clientSecret: '', refreshToken: '', oauth: { refresh_token: 'from-authenticate' } });
      const error = await lightspeed.call(get(API)).catch((e: Error) => e);
      expect((error as Error).message).to.equal('Lightspeed rejected the client (invalid_client): check the component\'s OAUTH_CLIENT_ID and '
        + 'OAUTH_CLIENT_SECRET environment variables (the API client the Authenticate button uses).');
    } finally {
      for (const [name, value] of [['OAUTH_CLIENT_ID', saved.id], ['OAUTH_CLIENT_SECRET', saved.secret]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
