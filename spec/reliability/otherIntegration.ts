import { Simulator } from '../../simulator';

/**
 * A second integration on the same account and client (its own authorization), as merchants often have: it shares
 * the account's leaky bucket but not our tokens.
 */
export async function otherIntegration(sim: Simulator): Promise<{ get: (path: string) => Promise<number>; refreshToken: string; accessToken: string }> {
  const authorize = new URL('/auth/oauth/authorize', sim.url);
  authorize.search = new URLSearchParams({ response_type: 'code', client_id: sim.credentials.clientId, redirect_uri: 'https://example.com/cb', scope: 'employee:all', state: 's' }).toString();
  const redirect = await fetch(authorize, { redirect: 'manual' });
  const code = new URL(String(redirect.headers.get('location'))).searchParams.get('code') ?? '';
  const tokens = await tokenRequest(sim, { grant_type: 'authorization_code', code, redirect_uri: 'https://example.com/cb' });
  const get = async (path: string) => (await fetch(`${sim.url}/API/V3/Account/${sim.credentials.accountId}/${path}`, {
    headers: { Authorization: `Bearer ${tokens.access_token}` },
  })).status;
  return { get, refreshToken: tokens.refresh_token, accessToken: tokens.access_token };
}

/** Rotates `refreshToken` the way another process would: refresh, then use the new access token once. */
export async function rotateElsewhere(sim: Simulator, refreshToken: string): Promise<string> {
  const tokens = await tokenRequest(sim, { grant_type: 'refresh_token', refresh_token: refreshToken });
  await fetch(`${sim.url}/API/V3/Account.json`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
  return tokens.refresh_token;
}

/**
 * Another step of the same flow refreshes the shared credential, persists the pair in the platform's store (as its
 * updateKeys would) and uses the new access token. Returns the keys it persisted.
 */
export async function refreshAsSibling(sim: Simulator, refreshToken: string): Promise<Record<string, unknown>> {
  const tokens = await tokenRequest(sim, { grant_type: 'refresh_token', refresh_token: refreshToken });
  await fetch(`${sim.url}/API/V3/Account.json`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
  const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
  return { refreshToken: tokens.refresh_token, oauth: { access_token: tokens.access_token, refresh_token: tokens.refresh_token, expires_at: expiresAt } };
}

async function tokenRequest(sim: Simulator, fields: Record<string, string>): Promise<{ access_token: string; refresh_token: string }> {
  const response = await fetch(sim.credentials.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, client_id: sim.credentials.clientId, client_secret: sim.credentials.clientSecret }).toString(),
  });
  return (await response.json()) as { access_token: string; refresh_token: string };
}
