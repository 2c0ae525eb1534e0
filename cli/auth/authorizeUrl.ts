import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_TOKEN_URL } from '../../lib/client/auth';

/** Lightspeed's defaults (data/lightspeed-api/protocol.json `oauth`). */
export const DEFAULT_AUTHORIZE_URL = 'https://cloud.lightspeedapp.com/auth/oauth/authorize';
export { DEFAULT_TOKEN_URL };
/** Everything the employee may do; Lightspeed intersects scopes with the authorizing employee's rights. */
export const DEFAULT_SCOPE = 'employee:all';

/** One authorization attempt: the URL to open and what the redirect and the code exchange must match. */
export interface AuthorizationRequest {
  url: string;
  state: string;
  /** PKCE verifier: Lightspeed recommends PKCE for every client; it binds the code to this helper. */
  codeVerifier: string;
  redirectUri: string;
}

/** Scopes as typed (`"a b"`, `"a,b"`, `"a+b"`) -> Lightspeed's space-separated list. */
export function normalizeScope(scope: string): string {
  return scope.split(/[\s,+]+/).filter(Boolean).join(' ');
}

/** The authorize URL with a fresh random state and PKCE challenge (URLSearchParams writes the spaces as "+"). */
export function authorizationRequest(authorizeUrl: string, clientId: string, scope: string, redirectUri: string): AuthorizationRequest {
  const state = randomBytes(16).toString('base64url');
  const codeVerifier = randomBytes(48).toString('base64url');
  const url = new URL(authorizeUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('scope', normalizeScope(scope));
  url.searchParams.set('state', state);
  // Lightspeed takes the registered redirect URI; sending it too is standard OAuth and lets servers check it.
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('code_challenge', createHash('sha256').update(codeVerifier).digest('base64url'));
  url.searchParams.set('code_challenge_method', 'S256');
  return { url: url.toString(), state, codeVerifier, redirectUri };
}

/** `.../auth/oauth/token` -> `.../auth/oauth/authorize`, so one `--token-url` is enough for another server. */
export function authorizeUrlFor(tokenUrl: string): string {
  return tokenUrl === DEFAULT_TOKEN_URL ? DEFAULT_AUTHORIZE_URL : tokenUrl.replace(/\/token\/?$/, '/authorize');
}
