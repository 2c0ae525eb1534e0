/**
 * verifyCredentials, called by the platform when a user saves a credential.
 *
 * It cannot persist a rotated refresh token, and Lightspeed revokes the stored refresh token as soon as an access
 * token from a newer refresh is used. So it never uses a freshly refreshed access token. It checks that the
 * Environment URL answers like the Lightspeed API, then either (1) calls the API with the stored access token unless
 * it is known to have expired (right after Authenticate, the one the platform just got) and proves the client ID and
 * secret with a refresh whose refresh token cannot be valid (answered invalid_client or invalid_grant, spending
 * nothing), or (2) refreshes to prove the client and the refresh token together and throws the new pair away unused.
 * Either way the account in the token's claims must match the Account ID.
 */
import {
  ComponentError, describeConnectionFailure, HttpResponse, Logger, NoResponseError, silentLogger, Transport,
} from './client/http';
import { Credentials, parseCredentials, jwtAccount, SimpleOAuthRefresher } from './client/auth';

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
    const account = jwtAccount(await provenAccessToken(credentials));
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
  const response = await send(credentials, undefined).catch((error: unknown) => {
    if (!(error instanceof NoResponseError)) throw error;
    const where = { field: 'Environment URL', url: credentials.environmentUrl } as const;
    throw new ComponentError(`Could not reach the Lightspeed API: ${describeConnectionFailure(error.failure, error.code, where)}.`);
  });
  if (response.status !== 401 && response.status !== 200) {
    throw new ComponentError(`${credentials.environmentUrl} does not answer like the Lightspeed API (${response.status} on /API/V3/Account.json): check the Environment URL.`);
  }
}

/** An access token Lightspeed accepts, with the client proven too; never one this function refreshed and used. */
async function provenAccessToken(credentials: Credentials): Promise<string> {
  const refresher = new SimpleOAuthRefresher({ ...credentials, timeoutMs: TIMEOUT_MS });
  if (await storedTokenWorks(credentials)) {
    // The live token says nothing about the client: a wrong secret would otherwise show only at the next refresh.
    await refresher.checkClient();
    return credentials.accessToken as string;
  }
  // Proves client ID, secret and refresh token; the new access token is only read, never sent.
  return (await refresher.refresh(credentials.refreshTokens[0])).accessToken;
}

/** True when the stored access token is still accepted (no refresh, so nothing is rotated). An unknown expiry is tried. */
async function storedTokenWorks(credentials: Credentials): Promise<boolean> {
  const expiresAt = credentials.accessTokenExpiresAt;
  if (!credentials.accessToken || (expiresAt !== undefined && expiresAt <= Date.now() + 60_000)) return false;
  const response = await send(credentials, credentials.accessToken).catch(() => undefined);
  return response?.status === 200;
}

function send(credentials: Credentials, token: string | undefined): Promise<HttpResponse> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const url = new URL('/API/V3/Account.json', credentials.environmentUrl).toString();
  return transport.send({ method: 'GET', url, headers, timeoutMs: TIMEOUT_MS });
}
