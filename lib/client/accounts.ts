/** The Lightspeed accounts a credential can reach (`GET /API/V3/Account.json`), and what a wrong Account ID looks like. */
import { ForbiddenError, RequestContext } from './http';
import { extractRecords } from './normalize';
import { rootPath } from './paths';

/** What the account listing needs of the client: where it is, and one request. */
export interface AccountsReader {
  credentials: { environmentUrl: string; accountId?: string };
  call(request: { method: 'GET'; url: string; context: RequestContext }): Promise<{ body: unknown }>;
}

/** An account as the list names it. */
export interface AccountSummary {
  id: string;
  name?: string;
}

const ACCOUNTS_PATH = '/API/V3/Account.json';
const CONTEXT: RequestContext = { method: 'GET', path: 'Account.json' };

/** The accounts in an `Account.json` answer, in Lightspeed's order (one account comes as an object). */
export function accountsIn(body: unknown): AccountSummary[] {
  return extractRecords(body, 'Account', CONTEXT)
    .filter((record) => typeof record.accountID === 'string' || typeof record.accountID === 'number')
    .map((record) => ({ id: String(record.accountID), name: typeof record.name === 'string' ? record.name : undefined }));
}

/** The accounts the client's credential can reach. */
export async function listAccounts(client: AccountsReader): Promise<AccountSummary[]> {
  const url = new URL(ACCOUNTS_PATH, client.credentials.environmentUrl).toString();
  return accountsIn((await client.call({ method: 'GET', url, context: CONTEXT })).body);
}

/** `123456 (Main Street Store), 777`. */
function describeAccounts(accounts: AccountSummary[]): string {
  return accounts.map((account) => (account.name ? `${account.id} (${account.name})` : account.id)).join(', ');
}

/**
 * A 403 on the account's own paths is either a right the employee lacks or an Account ID the credential cannot
 * reach at all. In the second case the message says so, naming the Account ID and the accounts it can reach
 * (one more request, on a failure that ends the run anyway).
 */
export async function explainAccountRefusal(client: AccountsReader, error: ForbiddenError, url: string): Promise<void> {
  const accountId = client.credentials.accountId;
  if (accountId === undefined || !new URL(url).pathname.startsWith(rootPath('account', accountId))) return;
  const accounts = await listAccounts(client).catch(() => undefined);
  if (accounts === undefined || accounts.some((account) => account.id === accountId)) return;
  error.message += accounts.length > 0
    ? `; the Account ID ${accountId} is not among the accounts this credential can reach: ${describeAccounts(accounts)}. `
      + 'Fix it, or leave it empty to use the first of those'
    : `; the Account ID ${accountId} is not an account this credential can reach, and it reaches none: re-authorize it as an `
      + 'employee of the account';
}
