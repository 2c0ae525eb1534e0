import { AuthorizationCode } from 'simple-oauth2';
import {
  AuthenticationError, connectionFailure, describeConnectionFailure, lightspeedMessage, parseRetryAfter, SecretRedactor,
  TransportError,
} from '../http';
import { ClientSource, DEFAULT_TOKEN_URL, OAUTH_CLIENT_ENV } from './credentials';
import { isRecord } from '../../catalog/records';
import { TokenSet, tokenSetFromReply } from './tokenReply';

export type { TokenSet } from './tokenReply';

/** Exchanges a refresh token for a new pair. */
export interface TokenRefresher {
  refresh(refreshToken: string): Promise<TokenSet>;
}

/** What an error about the token endpoint names: the Token URL, and where the client ID and secret came from. */
export interface TokenEndpoint {
  tokenUrl: string;
  clientSource?: ClientSource;
}

export interface OAuthClientSettings extends TokenEndpoint {
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  /** Epoch ms now, for the expiry of a token stated in seconds (default `Date.now`). */
  now?: () => number;
}

/**
 * Refreshes through simple-oauth2: form-encoded `grant_type=refresh_token` with the client id and secret
 * in the body, no scope (Lightspeed keeps the scopes of the original grant).
 */
export class SimpleOAuthRefresher implements TokenRefresher {
  private readonly client: AuthorizationCode;

  constructor(private readonly settings: OAuthClientSettings) {
    const url = new URL(settings.tokenUrl);
    this.client = new AuthorizationCode({
      client: { id: settings.clientId, secret: settings.clientSecret },
      auth: { tokenHost: url.origin, tokenPath: url.pathname, refreshPath: url.pathname },
      options: { authorizationMethod: 'body', bodyFormat: 'form' },
      // Lightspeed served JSON error bodies as text/html (recorded 401s): read every body as JSON, whatever its type.
      http: { timeout: settings.timeoutMs, json: 'force' },
    });
  }

  async refresh(refreshToken: string): Promise<TokenSet> {
    try {
      const refreshed = await this.client.createToken({ refresh_token: refreshToken }).refresh();
      return tokenSetFromReply(refreshed.token, refreshToken, (this.settings.now ?? Date.now)());
    } catch (error) {
      throw toAuthenticationError(error, this.settings, [refreshToken, this.settings.clientSecret]);
    }
  }

  /**
   * Proves the Token URL, client ID and secret without spending a refresh token: a refresh with one that cannot be
   * valid. OAuth servers authenticate the client before they look at the grant, so a wrong client is answered
   * invalid_client and a right one invalid_grant; nothing is issued, nothing revoked.
   */
  async checkClient(): Promise<void> {
    try {
      await this.refresh(UNUSABLE_REFRESH_TOKEN);
    } catch (error) {
      if (error instanceof AuthenticationError && error.oauthError === 'invalid_grant') return;
      throw error;
    }
    throw new AuthenticationError(`The Token URL ${this.settings.tokenUrl} issued tokens for a refresh token that cannot be valid: `
      + 'it does not behave like Lightspeed\'s token endpoint. Check it in the credential.');
  }
}

/** Not a refresh token anybody was issued: what `checkClient` sends. */
const UNUSABLE_REFRESH_TOKEN = 'verify-credentials-probe-not-a-refresh-token';

/**
 * Turns whatever the HTTP layer threw into a message that says what the user must do, and nothing secret: Lightspeed's
 * own words are quoted with the `secrets` sent (the refresh token, the client secret) and anything like a JWT masked.
 */
export function toAuthenticationError(error: unknown, endpoint: TokenEndpoint, secrets: string[] = []): AuthenticationError | TransportError {
  if (error instanceof AuthenticationError) return error;
  const { status, body, retryAfterSeconds } = responseOf(error);
  const redactor = new SecretRedactor();
  redactor.add(...secrets);
  const lightspeedSaid = (): string => redactor.redact(lightspeedMessage(body));
  const code = isRecord(body) && typeof body.error === 'string' ? body.error : undefined;
  if (code === 'invalid_grant') {
    return new AuthenticationError(
      'Lightspeed rejected the refresh token (invalid_grant): it was revoked or already used, for example by another '
      + 'process or an earlier credential. Re-authorize the Lightspeed credential to get a new refresh token.',
      status, code);
  }
  if (code === 'invalid_client' || status === 401) {
    // A 401 in the API's own envelope (`{httpCode, message}`, served as text/html) names no OAuth code: quote its message.
    const said = code === undefined ? lightspeedSaid() : '';
    const why = said ? `with 401 (${said})` : '(invalid_client)';
    return new AuthenticationError(`Lightspeed rejected the client ${why}: ${clientAdvice(endpoint.clientSource)}.`, status, code ?? 'invalid_client');
  }
  if (status === 404 || status === 405) {
    return new AuthenticationError(
      `The Token URL ${endpoint.tokenUrl} answered ${status} to the token refresh: it is not an OAuth token endpoint. `
      + `Check it in the credential (empty means Lightspeed's, ${DEFAULT_TOKEN_URL}).`, status, code);
  }
  if (status !== undefined) {
    const said = code ?? lightspeedSaid();
    const detail = said ? ` (${said})` : '';
    return new AuthenticationError(`Lightspeed's token endpoint answered ${status}${detail} to the token refresh.`, status, code, retryAfterSeconds);
  }
  // Nothing reached the API yet, so even a create may safely try again.
  const errorCode = isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
  const failure = connectionFailure(errorCode);
  const what = describeConnectionFailure(failure, errorCode, { field: 'Token URL', url: endpoint.tokenUrl });
  return new TransportError(`Could not refresh the access token: ${what}.`, errorCode, { method: 'POST', path: 'token endpoint' }, false, failure);
}

/** Where to look after invalid_client: the credential's fields, or the component's variables behind Authenticate. */
function clientAdvice(source: ClientSource | undefined): string {
  return source === 'environment'
    ? `check the component's ${OAUTH_CLIENT_ENV.id} and ${OAUTH_CLIENT_ENV.secret} environment variables (the API client the Authenticate button uses)`
    : 'check the Client ID and Client Secret of the credential';
}

/**
 * simple-oauth2 rejects with a Boom error. An answer with a JSON body carries `data.isResponseError`; one with another
 * body (a gateway's HTML 502) fails JSON parsing first, and only `data.res` tells its status.
 */
function responseOf(error: unknown): { status?: number; body?: unknown; retryAfterSeconds?: number } {
  if (!isRecord(error) || !isRecord(error.data)) return {};
  const { data } = error;
  const res = isRecord(data.res) ? data.res : undefined;
  // A 2xx whose body could not be read is a connection lost before the answer, not an answer.
  const status = typeof res?.statusCode === 'number' && res.statusCode >= 300 ? res.statusCode : undefined;
  let body: unknown = data.payload;
  if (Buffer.isBuffer(body)) body = safeJson(body.toString('utf8'));
  const headers = isRecord(res?.headers) ? res.headers : {};
  const retryAfter = typeof headers['retry-after'] === 'string' ? parseRetryAfter(headers['retry-after']) : undefined;
  return { status, body, retryAfterSeconds: retryAfter };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
