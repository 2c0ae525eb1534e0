import { AccountSummary, accountsIn } from '../../lib/client/accounts';
import { causeOf } from './tokenExchange';

/**
 * `GET /API/V3/Account.json` with the new access token. Using it is harmless here: the refresh token the helper
 * hands out is the one issued with it, so nothing is revoked.
 */
export async function findAccounts(environmentUrl: string, accessToken: string): Promise<AccountSummary[]> {
  const url = new URL('/API/V3/Account.json', environmentUrl).toString();
  let response: Response;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new Error(`Could not reach ${url}: ${causeOf(error)}`);
  }
  const body = await response.json().catch(() => undefined) as Record<string, unknown> | undefined;
  if (!response.ok) throw new Error(`${url} answered ${response.status}${typeof body?.message === 'string' ? `: ${body.message}` : ''}`);
  return accountsIn(body);
}
