import nock from 'nock';
import { LightspeedClient, LightspeedClientOptions } from '../../lib/client/LightspeedClient';
import { resetConnections } from '../../lib/client/connections';
import { SECRETS } from './capture';
import { FakeClock } from './fakeClock';

export const API = 'https://api.example-lightspeed.test';
export const TOKEN_HOST = 'https://cloud.example-lightspeed.test';
export const TOKEN_PATH = '/auth/oauth/token';
export const ACCOUNT = '12345';
export const ACCOUNT_PATH = `/API/V3/Account/${ACCOUNT}`;

/** Credential fields as a step's cfg carries them. */
export function cfg(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    environmentUrl: API,
    accountId: ACCOUNT,
    clientId: 'client-id-1',
    clientSecret: SECRETS.clientSecret,
    refreshToken: SECRETS.refreshToken,
    tokenUrl: `${TOKEN_HOST}${TOKEN_PATH}`,
    ...overrides,
  };
}

/** A client on a fake clock with fast retries; a fresh process state every time. */
export function client(
  overrides: Record<string, unknown> = {}, options: Omit<LightspeedClientOptions, 'credentials'> = {},
): { client: LightspeedClient; clock: FakeClock } {
  resetConnections();
  const clock = (options.clock as FakeClock | undefined) ?? new FakeClock();
  const created = LightspeedClient.fromConfig(cfg(overrides), {
    ...options,
    clock,
    settings: { backoff: { baseDelayMs: 10, maxDelayMs: 100 }, ...options.settings },
  });
  return { client: created, clock };
}

/** Answers token refreshes with numbered pairs (access-1/refresh-1, ...); returns the scope and the bodies seen. */
export function tokenEndpoint(times = 1, expiresIn = 3600): { scope: nock.Scope; bodies: string[] } {
  const bodies: string[] = [];
  let issued = 0;
  const scope = nock(TOKEN_HOST).post(TOKEN_PATH, (body) => { bodies.push(new URLSearchParams(body as Record<string, string>).toString()); return true; })
    .times(times)
    .reply(() => {
      issued += 1;
      return [200, { token_type: 'Bearer', expires_in: expiresIn, access_token: `access-${issued}`, refresh_token: `refresh-${issued}` }];
    });
  return { scope, bodies };
}

/** Bucket headers as Lightspeed sends them. */
export function bucketHeaders(level: number, size = 90, drip = 1): Record<string, string> {
  return { 'X-LS-API-Bucket-Level': `${level}/${size}`, 'X-LS-API-Drip-Rate': String(drip), 'X-LS-API-Request-Cost': '1' };
}
