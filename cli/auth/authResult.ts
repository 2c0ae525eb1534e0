import { CliIo, writeLine } from '../io';
import { readJsonObjectIfExists, writeJsonAtomically } from '../jsonFile';
import { resolvePath } from '../run/stepInput';
import { AccountSummary } from '../../lib/client/accounts';
import { DEFAULT_TOKEN_URL } from './authorizeUrl';
import { AuthSettings } from './authSettings';
import { IssuedTokens } from './tokenExchange';

const ROTATION_NOTE = 'The refresh token rotates: each refresh returns a new one and retires the old one, and the '
  + 'component stores every new one in the credential by itself. Use it in one place only (one credential, or one '
  + 'local credential file): two users of the same token revoke each other.';

/**
 * Prints the refresh token and the account ID on stdout, clearly labelled: the one place the CLI prints a token,
 * because the user has to paste it into the platform's credential.
 */
export function printCredential(tokens: IssuedTokens, accounts: AccountSummary[], io: CliIo): void {
  writeLine(io.stdout, 'Authorized. Put these into the Lightspeed credential:\n');
  writeLine(io.stdout, `  Account ID:     ${accountLine(accounts, '  ')}`);
  writeLine(io.stdout, `  Refresh token:  ${tokens.refreshToken}\n`);
  writeLine(io.stdout, ROTATION_NOTE);
}

/** Writes the credential (client, secret, refresh token, account, stored tokens) into `--save-credential`. */
export function saveCredential(settings: AuthSettings, tokens: IssuedTokens, accounts: AccountSummary[], io: CliIo): void {
  const path = resolvePath(settings.saveCredential as string, io.cwd);
  const credential: Record<string, unknown> = {
    ...readJsonObjectIfExists(path, '--save-credential'),
    ...(settings.environmentUrl ? { environmentUrl: settings.environmentUrl } : {}),
    ...(accounts[0] ? { accountId: accounts[0].id } : {}),
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    refreshToken: tokens.refreshToken,
    ...(settings.tokenUrl !== DEFAULT_TOKEN_URL ? { tokenUrl: settings.tokenUrl } : {}),
    // The access token issued with it: the first run need not refresh (and rotate) at all.
    oauth: {
      token_type: 'Bearer',
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      expires_at: tokens.expiresAt === undefined ? undefined : new Date(tokens.expiresAt).toISOString(),
    },
  };
  writeJsonAtomically(path, credential);
  writeLine(io.stdout, `Authorized. Saved the credential (account ${accountLine(accounts, ' ')}, refresh token) to ${settings.saveCredential}.`);
  writeLine(io.stdout, `Try it: node bin/lightspeed-retail.js run verifyCredentials --credential ${settings.saveCredential}\n`);
  writeLine(io.stdout, ROTATION_NOTE);
}

function accountLine(accounts: AccountSummary[], gap: string): string {
  if (accounts.length === 0) return '(unknown: leave Account ID empty)';
  const [first, ...others] = accounts;
  const name = first.name ? `${gap}(${first.name})` : '';
  const more = others.length > 0 ? `; the token also opens ${others.map((a) => a.id).join(', ')}` : '';
  return `${first.id}${name}${more}`;
}
