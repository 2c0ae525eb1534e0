import { AccountSummary } from '../../lib/client/accounts';
import { parseEnvironmentUrl, parseTokenUrl } from '../../lib/client/auth';
import { ParsedArgs, parseCommandLine, stringOption } from '../args';
import { CliIo, writeLine } from '../io';
import { SecretRedactor } from '../secrets';
import { AUTH_USAGE } from '../usage';
import { UsageError } from '../usageError';
import { findAccounts } from './accountLookup';
import { DEFAULT_SCOPE, authorizationRequest, authorizeUrlFor } from './authorizeUrl';
import { AuthSettings } from './authSettings';
import { printCredential, saveCredential } from './authResult';
import { receiveCode } from './receiveCode';
import { IssuedTokens, exchangeCode } from './tokenExchange';

const OPTIONS = {
  'client-id': { type: 'string' }, 'client-secret': { type: 'string' }, 'redirect-uri': { type: 'string' },
  scope: { type: 'string' }, code: { type: 'string' }, 'save-credential': { type: 'string' },
  'authorize-url': { type: 'string' }, 'token-url': { type: 'string' }, 'environment-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `lightspeed-retail auth`: authorize the API client and hand out a refresh token and the account ID. */
export async function authCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandLine(argv, OPTIONS);
  if (args.values.help) {
    writeLine(io.stdout, AUTH_USAGE);
    return 0;
  }
  const settings = authSettings(args, io.env);
  const redactor = new SecretRedactor();
  redactor.add(settings.clientSecret);
  try {
    const { code, codeVerifier } = await authorizationCode(settings, io);
    const tokens = await exchangeCode({ ...settings, code, codeVerifier });
    redactor.add(tokens.accessToken);
    const accounts = await findAccounts(parseEnvironmentUrl(settings.environmentUrl), tokens.accessToken).catch((error: unknown) => {
      // The refresh token is already issued: losing it over the account lookup would be worse than no account ID.
      writeLine(io.stderr, redactor.redact(`Could not look up the account ID (${error instanceof Error ? error.message : String(error)}). `
        + 'Leave Account ID empty: the component then uses the first account the credential can access.'));
      return [] as AccountSummary[];
    });
    if (settings.saveCredential === undefined) printCredential(tokens, accounts, io);
    else saveOrPrint(settings, tokens, accounts, io);
    return 0;
  } catch (error) {
    writeLine(io.stderr, redactor.redact(`Authorization failed: ${error instanceof Error ? error.message : String(error)}`));
    return 1;
  }
}

/** Saves the credential; if the file cannot be written the token is printed instead, since it cannot be issued twice. */
function saveOrPrint(settings: AuthSettings, tokens: IssuedTokens, accounts: AccountSummary[], io: CliIo): void {
  try {
    saveCredential(settings, tokens, accounts, io);
  } catch (error) {
    writeLine(io.stderr, `Could not write ${settings.saveCredential} (${error instanceof Error ? error.message : String(error)}): printing the credential instead.`);
    printCredential(tokens, accounts, io);
  }
}

/** The code from --code, or from the browser round trip (then with the PKCE verifier of the URL we printed). */
async function authorizationCode(settings: AuthSettings, io: CliIo): Promise<{ code: string; codeVerifier?: string }> {
  if (settings.code !== undefined) return { code: settings.code };
  const request = authorizationRequest(settings.authorizeUrl, settings.clientId, settings.scope, settings.redirectUri);
  return { code: await receiveCode(request, io), codeVerifier: request.codeVerifier };
}

function authSettings(args: ParsedArgs, env: NodeJS.ProcessEnv): AuthSettings {
  const option = (name: string, variable?: string) => stringOption(args, name) ?? (variable ? nonEmpty(env[variable]) : undefined);
  const required = (name: string, variable?: string) => {
    const value = option(name, variable);
    if (value === undefined) throw new UsageError(`--${name} is required${variable ? ` (or set ${variable})` : ''}`);
    return value;
  };
  const environmentUrl = option('environment-url', 'LIGHTSPEED_ENVIRONMENT_URL');
  let tokenUrl: string;
  try {
    parseEnvironmentUrl(environmentUrl);
    // The same rule as the component's credential: https, plain http only on localhost.
    tokenUrl = parseTokenUrl(option('token-url', 'LIGHTSPEED_TOKEN_URL'));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  return {
    clientId: required('client-id', 'LIGHTSPEED_CLIENT_ID'),
    clientSecret: required('client-secret', 'LIGHTSPEED_CLIENT_SECRET'),
    redirectUri: validRedirectUri(required('redirect-uri')),
    scope: option('scope') ?? DEFAULT_SCOPE,
    authorizeUrl: option('authorize-url') ?? authorizeUrlFor(tokenUrl),
    tokenUrl,
    environmentUrl,
    code: option('code'),
    saveCredential: option('save-credential'),
  };
}

/** Kept exactly as typed: Lightspeed compares it with the registered one character by character. */
function validRedirectUri(value: string): string {
  try {
    new URL(value);
  } catch {
    throw new UsageError(`--redirect-uri: "${value}" is not a URL`);
  }
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
