/** The OAuth endpoints: GET /auth/oauth/authorize (auto-approves), POST /auth/oauth/token, POST /auth/oauth/revoke. */
import { createHash } from 'node:crypto';
import { IncomingHttpHeaders } from 'node:http';
import { basicCredentials, parseFormBody } from './http';
import { OAuthState } from './oauth';
import { SimulatorOptions } from './options';
import { SimResponse } from './types';

const AUTHORIZE_PATHS = new Set(['/auth/oauth/authorize', '/oauth/authorize.php']);
const TOKEN_PATHS = new Set(['/auth/oauth/token', '/oauth/access_token.php']);
const REVOKE_PATH = '/auth/oauth/revoke';

/** True for a path the OAuth server answers. */
export function isOAuthPath(pathname: string): boolean {
  return AUTHORIZE_PATHS.has(pathname) || TOKEN_PATHS.has(pathname) || pathname === REVOKE_PATH;
}

/** An OAuth error body `{error, error_description, hint}`. */
export function oauthError(status: number, error: string, description: string, hint = ''): SimResponse {
  return { status, body: { error, error_description: description, hint } };
}

const invalidRequest = (field: string): SimResponse =>
  oauthError(400, 'invalid_request', 'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.', `Check the \`${field}\` parameter`);

function authorize(url: URL, state: OAuthState, options: SimulatorOptions): SimResponse {
  const q = url.searchParams;
  if (q.get('response_type') !== 'code') return oauthError(400, 'unsupported_response_type', 'The authorization server does not support obtaining an authorization code using this method.', 'Use response_type=code');
  if (q.get('client_id') !== options.clientId) return oauthError(400, 'invalid_client', 'Client authentication failed', 'Unknown client_id');
  const redirectUri = q.get('redirect_uri');
  if (!redirectUri) return invalidRequest('redirect_uri');
  if (!q.get('scope')) return invalidRequest('scope');
  const code = state.issueCode(options.clientId, redirectUri, options.now(), options.authorizationCodeLifetimeSeconds, q.get('code_challenge'), q.get('code_challenge_method') ?? 'plain', q.get('scope') ?? '');
  const params = new URLSearchParams({ code });
  const stateParam = q.get('state');
  if (stateParam !== null) params.set('state', stateParam);
  const location = `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${params.toString()}`;
  return { status: 302, body: '', rawBody: '', headers: { Location: location } };
}

function pkceMatches(verifier: string | undefined, challenge: string, method: string): boolean {
  if (!verifier) return false;
  if (method === 'S256') return createHash('sha256').update(verifier).digest('base64url') === challenge;
  return verifier === challenge;
}

/**
 * The client, authenticated before anything about the grant is looked at, as OAuth servers do: a refresh with an
 * unusable refresh token answers invalid_client for a wrong client ID or secret and invalid_grant for a right one,
 * and spends nothing (verifyCredentials relies on it). A secret may be left out here: grants that need it say so.
 */
function authenticateClient(fields: Record<string, string>, headers: IncomingHttpHeaders, options: SimulatorOptions): { clientId: string; clientSecret?: string } | SimResponse {
  const basic = basicCredentials(headers.authorization);
  const clientId = fields.client_id ?? basic?.id;
  const clientSecret = fields.client_secret ?? basic?.secret;
  if (!clientId) return invalidRequest('client_id');
  if (clientId !== options.clientId || (clientSecret !== undefined && clientSecret !== options.clientSecret)) {
    return oauthError(401, 'invalid_client', 'Client authentication failed');
  }
  return { clientId, clientSecret };
}

function token(fields: Record<string, string>, headers: IncomingHttpHeaders, state: OAuthState, options: SimulatorOptions, onRefresh: () => void): SimResponse {
  if (!fields.grant_type) return invalidRequest('grant_type');
  const client = authenticateClient(fields, headers, options);
  if ('status' in client) return client;
  const { clientId, clientSecret } = client;
  const now = options.now();
  if (fields.grant_type === 'authorization_code') {
    if (!fields.code) return invalidRequest('code');
    const redeemed = state.redeemCode(fields.code, clientId, now);
    if (typeof redeemed === 'string') return oauthError(400, 'invalid_grant', 'The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.', redeemed);
    if (fields.redirect_uri && fields.redirect_uri !== redeemed.redirectUri) return oauthError(400, 'invalid_grant', 'The redirect_uri does not match the authorization request.', 'Check the `redirect_uri` parameter');
    if (redeemed.codeChallenge && !pkceMatches(fields.code_verifier, redeemed.codeChallenge, redeemed.codeChallengeMethod)) {
      return oauthError(400, 'invalid_grant', 'Failed to verify `code_verifier`.', 'Check the `code_verifier` parameter');
    }
    if (!redeemed.codeChallenge && clientSecret === undefined) return invalidRequest('client_secret');
    return tokenResponse(state.issuePair(clientId, options.accountId, now, options.tokenLifetimeSeconds, null, redeemed.scope), options);
  }
  if (fields.grant_type === 'refresh_token') {
    if (clientSecret === undefined) return invalidRequest('client_secret');
    if (!fields.refresh_token) return invalidRequest('refresh_token');
    const problem = state.checkRefreshToken(fields.refresh_token, clientId);
    if (problem) return oauthError(400, 'invalid_grant', 'The refresh token is invalid.', problem);
    if (fields.scope !== undefined && options.rejectScopeOnRefresh) {
      return oauthError(400, 'invalid_grant', 'The refresh token is invalid.', 'A refresh keeps the scope of the original grant: do not send scope');
    }
    onRefresh();
    if (options.revokeAccessTokenOnRefresh) state.revokeAccessTokensPairedWith(fields.refresh_token);
    const scope = state.scopeOf(fields.refresh_token);
    return tokenResponse(state.issuePair(clientId, options.accountId, now, options.tokenLifetimeSeconds, fields.refresh_token, scope), options);
  }
  return oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.', 'Check that all required parameters have been provided');
}

function tokenResponse(pair: { accessToken: string; refreshToken: string }, options: SimulatorOptions): SimResponse {
  return {
    status: 200,
    headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
    body: { token_type: 'Bearer', expires_in: options.tokenLifetimeSeconds, access_token: pair.accessToken, refresh_token: pair.refreshToken },
  };
}

/** Answers an OAuth request (caller checked isOAuthPath). */
export function handleOAuth(method: string, url: URL, headers: IncomingHttpHeaders, body: Buffer, state: OAuthState, options: SimulatorOptions, onRefresh: () => void): SimResponse {
  if (AUTHORIZE_PATHS.has(url.pathname)) {
    return method === 'GET' ? authorize(url, state, options) : oauthError(405, 'invalid_request', 'Method not allowed', 'Use GET');
  }
  if (method !== 'POST') return oauthError(405, 'invalid_request', 'The token endpoint only accepts POST', 'Use POST');
  const fields = parseFormBody(body, headers['content-type']);
  if (!fields) return oauthError(400, 'invalid_request', 'The request body could not be parsed', 'Send JSON, multipart/form-data or application/x-www-form-urlencoded');
  if (url.pathname === REVOKE_PATH) {
    const basic = basicCredentials(headers.authorization);
    if ((fields.client_id ?? basic?.id) !== options.clientId) return oauthError(401, 'invalid_client', 'Client authentication failed');
    const tokenToRevoke = fields.refresh_token ?? fields.token;
    if (!tokenToRevoke) return invalidRequest('refresh_token');
    state.revokeRefreshToken(tokenToRevoke, true);
    return { status: 200, body: {} };
  }
  return token(fields, headers, state, options, onRefresh);
}
