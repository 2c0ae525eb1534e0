/**
 * verifyCredentials, called by the platform when a user saves a credential.
 *
 * It cannot persist a rotated refresh token, and Lightspeed revokes the stored refresh token as soon as an access
 * token from a newer refresh is used. So it never uses a freshly refreshed access token: it (1) calls the API with
 * the stored access token when there is a live one, else (2) refreshes to prove the client and refresh token,
 * reads the account from the new token's claims, and throws the new pair away unused.
 */
import { Credentials, parseCredentials } from './client/credentials';
import { ComponentError } from './client/errors';
import { Logger, silentLogger } from './client/logger';
import { SimpleOAuthRefresher } from './client/oauth';
import { HttpResponse, Transport } from './client/transport';

export interface VerificationResult {
  verified: boolean;
  reason?: string;
}

const TIMEOUT_MS = 20_000;
const transport = new Transport();

export async function verifyCredentials(this: { logger?: Logger } | undefined, cfg: Record<string, unknown>): Promise<VerificationResult> {
  const logger = this?.logger ?? silentLogger;
  try {
    const credentials = parseCredentials(cfg);
    await probeApiHost(credentials);
    if (await storedTokenWorks(credentials)) return { verified: true };
    const account = await accountOfRefreshedToken(credentials);
    if (credentials.accountId && account && account !== credentials.accountId) {
      return { verified: false, reason: `The credential was authorized for Lightspeed account ${account}, not ${credentials.accountId}: fix the Account ID or leave it empty.` };
    }
    logger.info('Lightspeed credential verified');
    return { verified: true };
  } catch (error) {
    // A plain `false` would count as success on the platform: always say why.
    const reason = error instanceof ComponentError ? error.message : 'Verification failed unexpectedly';
    logger.info(`Lightspeed credential not verified: ${reason}`);
    return { verified: false, reason };
  }
}

/** The environment URL must answer like the Lightspeed API: 401 without a token. */
async function probeApiHost(credentials: Credentials): Promise<void> {
  const response = await send(credentials, undefined).catch(() => undefined);
  if (!response) throw new ComponentError(`Could not reach the Lightspeed API at ${credentials.environmentUrl}: check the Environment URL.`);
  if (response.status !== 401 && response.status !== 200) {
    throw new ComponentError(`${credentials.environmentUrl} does not answer like the Lightspeed API (${response.status} on /API/V3/Account.json): check the Environment URL.`);
  }
}

/** True when the stored access token is still accepted (no refresh, so nothing is rotated). */
async function storedTokenWorks(credentials: Credentials): Promise<boolean> {
  const live = credentials.accessToken && (credentials.accessTokenExpiresAt ?? 0) > Date.now() + 60_000;
  if (!live) return false;
  const response = await send(credentials, credentials.accessToken).catch(() => undefined);
  return response?.status === 200;
}

/** Refreshes (proving client ID, secret and refresh token) and returns the account from the token's claims. */
async function accountOfRefreshedToken(credentials: Credentials): Promise<string | undefined> {
  const refresher = new SimpleOAuthRefresher({ ...credentials, timeoutMs: TIMEOUT_MS });
  const tokens = await refresher.refresh(credentials.refreshTokens[0]);
  return jwtClaim(tokens.accessToken, 'acct');
}

function send(credentials: Credentials, token: string | undefined): Promise<HttpResponse> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const url = new URL('/API/V3/Account.json', credentials.environmentUrl).toString();
  return transport.send({ method: 'GET', url, headers, timeoutMs: TIMEOUT_MS });
}

/** A claim of a JWT, read without verifying it (only to compare account IDs); undefined for opaque tokens. */
function jwtClaim(token: string, claim: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const value = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>)[claim];
    return value === undefined ? undefined : String(value);
  } catch {
    return undefined;
  }
}
