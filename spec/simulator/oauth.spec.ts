import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { Simulator, startSimulator } from '../../simulator';
import { FakeClock, api, refreshTokens } from './helpers';

type TokenBody = NonNullable<Parameters<typeof fetch>[1]>['body'];

async function postToken(sim: Simulator, body: TokenBody, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(sim.credentials.tokenUrl, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function authorizeCode(sim: Simulator, extra: Record<string, string> = {}): Promise<URL> {
  const params = new URLSearchParams({ response_type: 'code', client_id: sim.credentials.clientId, redirect_uri: 'https://example.com/callback', scope: 'employee:all', state: 'xyz', ...extra });
  const response = await fetch(`${sim.url}/auth/oauth/authorize?${params.toString()}`, { redirect: 'manual' });
  expect(response.status).to.equal(302);
  return new URL(response.headers.get('location') ?? '');
}

describe('simulator OAuth', () => {
  let sim: Simulator;
  const clock = new FakeClock();

  beforeEach(async () => {
    clock.ms = Date.UTC(2025, 0, 1);
    sim = await startSimulator({ rateLimit: false, now: clock.now });
  });
  afterEach(() => sim.close());

  it('refresh returns a new Bearer pair with expires_in', async () => {
    const { status, body } = await refreshTokens(sim);
    expect(status).to.equal(200);
    expect(Object.keys(body).sort()).to.deep.equal(['access_token', 'expires_in', 'refresh_token', 'token_type']);
    expect(body.token_type).to.equal('Bearer');
    expect(body.expires_in).to.equal(3600);
    expect(String(body.access_token).length).to.be.greaterThan(60);
    expect(body.refresh_token).to.not.equal(sim.credentials.refreshToken);
    expect(sim.stats.tokens).to.deep.equal({ issued: 1, revoked: 0, refreshes: 1, codesIssued: 0 });
  });

  it('issues JWT access tokens with Lightspeed\'s claims (acct, aud, scope, iat, exp), accepted by the API', async () => {
    sim.setOptions({ tokenLifetimeSeconds: 1800 });
    const { body } = await refreshTokens(sim);
    const [header, payload, signature] = String(body.access_token).split('.');
    const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(decode(header)).to.include({ typ: 'JWT', alg: 'RS256' });
    const claims = decode(payload);
    expect(claims).to.include({ acct: sim.credentials.accountId, aud: sim.credentials.clientId, scope: 'employee:all', iat: clock.ms / 1000, exp: clock.ms / 1000 + 1800 });
    expect(signature.length).to.be.greaterThan(40);
    expect((await api(sim, String(body.access_token), 'Item/1.json')).status).to.equal(200);
  });

  it('keeps the old refresh token usable until the new access token is used, then answers invalid_grant', async () => {
    const first = await refreshTokens(sim);
    const again = await refreshTokens(sim); // old token still valid: nothing used yet
    expect(again.status).to.equal(200);
    expect((await api(sim, String(first.body.access_token), 'Item/1.json')).status).to.equal(200);
    const rejected = await refreshTokens(sim);
    expect(rejected.status).to.equal(400);
    expect(rejected.body).to.deep.equal({ error: 'invalid_grant', error_description: 'The refresh token is invalid.', hint: 'Refresh token has been revoked' });
    const next = await refreshTokens(sim, String(first.body.refresh_token));
    expect(next.status).to.equal(200);
    expect((await api(sim, String(again.body.access_token), 'Item/1.json')).status).to.equal(200);
    expect(sim.stats.tokens).to.deep.equal({ issued: 3, revoked: 1, refreshes: 3, codesIssued: 0 });
    expect((await refreshTokens(sim, 'never-issued')).body).to.include({ error: 'invalid_grant', hint: 'Refresh token is invalid' });
  });

  it('grants another authorization of the client: its refresh token rotates on its own chain', async () => {
    const other = sim.grantRefreshToken();
    const mine = await refreshTokens(sim);
    expect((await api(sim, String(mine.body.access_token), 'Item/1.json')).status).to.equal(200);
    const theirs = await refreshTokens(sim, other);
    expect(theirs.status, 'retiring our token leaves theirs alone').to.equal(200);
    expect((await api(sim, String(theirs.body.access_token), 'Item/1.json')).status).to.equal(200);
    expect((await refreshTokens(sim, other)).body).to.include({ error: 'invalid_grant', hint: 'Refresh token has been revoked' });
  });

  it('runs the authorization_code grant: auto-approving redirect, single-use code valid 60 s', async () => {
    const location = await authorizeCode(sim);
    expect(`${location.origin}${location.pathname}`).to.equal('https://example.com/callback');
    expect(location.searchParams.get('state')).to.equal('xyz');
    const code = location.searchParams.get('code') ?? '';
    const body = JSON.stringify({ grant_type: 'authorization_code', code, client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret, redirect_uri: 'https://example.com/callback' });
    const exchanged = await postToken(sim, body, { 'content-type': 'application/json' });
    expect(exchanged.status).to.equal(200);
    expect(exchanged.body.token_type).to.equal('Bearer');
    expect((await api(sim, String(exchanged.body.access_token), 'Item/1.json')).status).to.equal(200);
    const reused = await postToken(sim, body, { 'content-type': 'application/json' });
    expect(reused.body).to.include({ error: 'invalid_grant', hint: 'Authorization code has already been used' });
    const late = (await authorizeCode(sim)).searchParams.get('code') ?? '';
    clock.advance(61);
    const expired = await postToken(sim, JSON.stringify({ grant_type: 'authorization_code', code: late, client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret }), { 'content-type': 'application/json' });
    expect(expired.status).to.equal(400);
    expect(expired.body).to.include({ error: 'invalid_grant', hint: 'Authorization code has expired' });
    expect(sim.stats.tokens.codesIssued).to.equal(2);
  });

  it('verifies PKCE (S256)', async () => {
    const verifier = 'a'.repeat(43);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const code = (await authorizeCode(sim, { code_challenge: challenge, code_challenge_method: 'S256' })).searchParams.get('code') ?? '';
    const wrong = await postToken(sim, new URLSearchParams({ grant_type: 'authorization_code', code, client_id: sim.credentials.clientId, code_verifier: 'b'.repeat(43) }));
    expect(wrong.body).to.include({ error: 'invalid_grant' });
    const code2 = (await authorizeCode(sim, { code_challenge: challenge, code_challenge_method: 'S256' })).searchParams.get('code') ?? '';
    const right = await postToken(sim, new URLSearchParams({ grant_type: 'authorization_code', code: code2, client_id: sim.credentials.clientId, code_verifier: verifier }));
    expect(right.status).to.equal(200);
  });

  it('accepts client credentials via HTTP Basic, and multipart bodies', async () => {
    const basic = Buffer.from(`${sim.credentials.clientId}:${sim.credentials.clientSecret}`).toString('base64');
    const viaBasic = await postToken(sim, new URLSearchParams({ grant_type: 'refresh_token', refresh_token: sim.credentials.refreshToken }), { Authorization: `Basic ${basic}` });
    expect(viaBasic.status).to.equal(200);
    const form = new FormData();
    form.set('grant_type', 'refresh_token');
    form.set('refresh_token', String(viaBasic.body.refresh_token));
    form.set('client_id', sim.credentials.clientId);
    form.set('client_secret', sim.credentials.clientSecret);
    expect((await postToken(sim, form)).status).to.equal(200);
  });

  it('answers invalid_client (401), invalid_request (400) and unsupported_grant_type', async () => {
    const wrongSecret = await postToken(sim, new URLSearchParams({ grant_type: 'refresh_token', refresh_token: sim.credentials.refreshToken, client_id: sim.credentials.clientId, client_secret: 'nope' }));
    expect(wrongSecret.status).to.equal(401);
    expect(wrongSecret.body).to.deep.equal({ error: 'invalid_client', error_description: 'Client authentication failed', hint: '' });
    const noToken = await postToken(sim, new URLSearchParams({ grant_type: 'refresh_token', client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret }));
    expect(noToken.status).to.equal(400);
    expect(noToken.body).to.include({ error: 'invalid_request', hint: 'Check the `refresh_token` parameter' });
    const noGrant = await postToken(sim, new URLSearchParams({ client_id: sim.credentials.clientId }));
    expect(noGrant.body).to.include({ error: 'invalid_request', hint: 'Check the `grant_type` parameter' });
    const password = await postToken(sim, new URLSearchParams({ grant_type: 'password', client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret }));
    expect(password.body).to.include({ error: 'unsupported_grant_type' });
    expect((await fetch(sim.credentials.tokenUrl)).status).to.equal(405);
  });

  it('authenticates the client before the grant: an unusable refresh token tells a wrong secret from a right one, spending nothing', async () => {
    const refresh = (clientSecret: string, refreshToken: string) => postToken(sim, new URLSearchParams({
      grant_type: 'refresh_token', refresh_token: refreshToken, client_id: sim.credentials.clientId, client_secret: clientSecret,
    }));
    expect((await refresh('wrong-secret', 'not-a-refresh-token')).body).to.include({ error: 'invalid_client' });
    expect((await refresh('wrong-secret', sim.credentials.refreshToken)).body).to.include({ error: 'invalid_client' });
    const probe = await refresh(sim.credentials.clientSecret, 'not-a-refresh-token');
    expect([probe.status, probe.body.error]).to.deep.equal([400, 'invalid_grant']);
    expect(sim.stats.tokens).to.include({ issued: 0, refreshes: 0 });
    expect((await refresh(sim.credentials.clientSecret, sim.credentials.refreshToken)).status).to.equal(200);
  });

  it('rejects API calls without a valid bearer token', async () => {
    const missing = await fetch(`${sim.url}/API/V3/Account/123456/Item.json`);
    expect(missing.status).to.equal(401);
    expect(await missing.json()).to.deep.equal({ error: 'access_denied', error_description: 'The resource owner or authorization server denied the request.', hint: 'Missing "Authorization" header' });
    const unknown = await api(sim, 'not-a-token', 'Item.json');
    expect(unknown.status).to.equal(401);
    expect(unknown.body.hint).to.equal('Access token could not be verified');
  });

  it('expires access tokens after tokenLifetimeSeconds with "Token has expired"', async () => {
    const token = String((await refreshTokens(sim)).body.access_token);
    clock.advance(3599);
    expect((await api(sim, token, 'Item/1.json')).status).to.equal(200);
    clock.advance(1);
    const expired = await api(sim, token, 'Item/1.json');
    expect(expired.status).to.equal(401);
    expect(expired.body).to.deep.equal({ error: 'access_denied', error_description: 'The resource owner or authorization server denied the request.', hint: 'Token has expired' });
  });

  it('honours a configured token lifetime', async () => {
    await sim.close();
    sim = await startSimulator({ rateLimit: false, now: clock.now, tokenLifetimeSeconds: 60 });
    const { body } = await refreshTokens(sim);
    expect(body.expires_in).to.equal(60);
    clock.advance(60);
    expect((await api(sim, String(body.access_token), 'Item/1.json')).body.hint).to.equal('Token has expired');
  });

  it('expireAccessTokens() makes the current token answer 401 once, counted as a fault', async () => {
    const first = await refreshTokens(sim);
    sim.expireAccessTokens();
    const expired = await api(sim, String(first.body.access_token), 'Item/1.json');
    expect(expired.status).to.equal(401);
    expect(expired.body.hint).to.equal('Token has expired');
    expect(sim.stats.faults.expiredToken).to.equal(1);
    const fresh = await refreshTokens(sim, String(first.body.refresh_token));
    expect((await api(sim, String(fresh.body.access_token), 'Item/1.json')).status).to.equal(200);
  });

  it('revokes a refresh token and its access tokens at /auth/oauth/revoke', async () => {
    const pair = await refreshTokens(sim);
    const revoke = await fetch(`${sim.url}/auth/oauth/revoke`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret, refresh_token: pair.body.refresh_token }),
    });
    expect(revoke.status).to.equal(200);
    expect((await api(sim, String(pair.body.access_token), 'Item/1.json')).body.hint).to.equal('Access token has been revoked');
    expect((await refreshTokens(sim, String(pair.body.refresh_token))).body.error).to.equal('invalid_grant');
  });
});
