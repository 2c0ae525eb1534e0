import { ValidationError } from '../http';
import { jwtExpiry } from './jwt';

export const DEFAULT_ENVIRONMENT_URL = 'https://api.lightspeedapp.com';
export const DEFAULT_TOKEN_URL = 'https://cloud.lightspeedapp.com/auth/oauth/token';

/**
 * The component's environment variables holding the API client the platform's Authenticate button uses
 * (component.json `credentials.oauth2`); the component refreshes with the same client.
 */
export const OAUTH_CLIENT_ENV = { id: 'OAUTH_CLIENT_ID', secret: 'OAUTH_CLIENT_SECRET' } as const;

/** Tokens as the component persists them (`cfg.oauth`) and reads them back. */
export interface StoredTokens {
  accessToken?: string;
  refreshToken?: string;
  /** Epoch ms; undefined when unknown (then the token is used until a 401 says otherwise). */
  expiresAt?: number;
}

/** Where the API client came from: the credential's Client ID and Secret, or the component's OAUTH_CLIENT_* variables. */
export type ClientSource = 'credential' | 'environment';

/** The credential, parsed and validated once. */
export interface Credentials {
  /** Origin of the API, e.g. `https://api.lightspeedapp.com` (no trailing slash). */
  environmentUrl: string;
  accountId?: string;
  clientId: string;
  clientSecret: string;
  clientSource: ClientSource;
  /** Refresh tokens to try, newest first (cfg.oauth's, then the credential field's). */
  refreshTokens: string[];
  tokenUrl: string;
  accessToken?: string;
  accessTokenExpiresAt?: number;
}

/**
 * Reads the credential fields of `cfg` (the contract shared with component.json) or says which field is wrong.
 * Two ways to fill it: the platform's Authenticate button stores `cfg.oauth` and the API client comes from the
 * component's env vars (`env`); or the user types Client ID, Client Secret and Refresh Token.
 */
export function parseCredentials(cfg: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): Credentials {
  const stored = parseStoredTokens(cfg.oauth);
  const fieldToken = optionalText(cfg, 'refreshToken');
  const refreshTokens = [...new Set([stored.refreshToken, fieldToken].filter(isText))];
  if (refreshTokens.length === 0) {
    throw new ValidationError('refreshToken', 'is required: click Authenticate, or paste a refresh token from the authorization helper');
  }
  return {
    environmentUrl: parseEnvironmentUrl(optionalText(cfg, 'environmentUrl')),
    accountId: parseAccountId(optionalText(cfg, 'accountId')),
    ...apiClient(cfg, env),
    refreshTokens,
    tokenUrl: parseTokenUrl(optionalText(cfg, 'tokenUrl')),
    accessToken: stored.accessToken,
    accessTokenExpiresAt: stored.expiresAt,
  };
}

/**
 * Client ID and Secret: the credential's fields when the user filled them (both then required), else the component's
 * env vars, which the Authenticate button used to get the tokens.
 */
function apiClient(cfg: Record<string, unknown>, env: NodeJS.ProcessEnv): Pick<Credentials, 'clientId' | 'clientSecret' | 'clientSource'> {
  if (optionalText(cfg, 'clientId') !== undefined || optionalText(cfg, 'clientSecret') !== undefined) {
    return { clientId: requiredText(cfg, 'clientId'), clientSecret: requiredText(cfg, 'clientSecret'), clientSource: 'credential' };
  }
  const clientId = env[OAUTH_CLIENT_ENV.id]?.trim();
  const clientSecret = env[OAUTH_CLIENT_ENV.secret]?.trim();
  if (!clientId || !clientSecret) {
    const missing = !clientId ? ['clientId', OAUTH_CLIENT_ENV.id] : ['clientSecret', OAUTH_CLIENT_ENV.secret];
    throw new ValidationError(missing[0], `is required: fill it in the credential, or set the component's ${missing[1]} environment variable (used with the Authenticate button)`);
  }
  return { clientId, clientSecret, clientSource: 'environment' };
}

/** `api.lightspeedapp.com`, `https://host`, `http://127.0.0.1:8787` -> an origin. Plain http only for loopback. */
export function parseEnvironmentUrl(value: string | undefined): string {
  if (value === undefined) return DEFAULT_ENVIRONMENT_URL;
  const url = parseUrl('environmentUrl', /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
  // Users paste the API root they see in Lightspeed's docs; the host is what we need.
  if (!/^\/?(API(\/V3)?\/?)?$/i.test(url.pathname) || url.search || url.hash) {
    throw new ValidationError('environmentUrl', `must be the API host only, such as https://api.lightspeedapp.com (got a path "${url.pathname}")`);
  }
  return url.origin;
}

/** The token endpoint URL (default Lightspeed's); https unless on localhost. */
export function parseTokenUrl(value: string | undefined): string {
  if (value === undefined) return DEFAULT_TOKEN_URL;
  const url = parseUrl('tokenUrl', value);
  return url.toString();
}

/** An https URL (plain http only on localhost, for the simulator), or an error naming `field`. */
export function parseUrl(field: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ValidationError(field, `"${value}" is not a valid URL`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return url;
  throw new ValidationError(field, `must use https (plain http is accepted only for localhost), got "${url.protocol}//${url.host}"`);
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function parseAccountId(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new ValidationError('accountId', `must be a positive whole number, got "${value}"`);
  return value;
}

/**
 * Tokens from `cfg.oauth`: as the platform stores the token response after Authenticate (`access_token`,
 * `refresh_token`, a bare `expires_in`), or as the component persists a rotation (also `expires_at`).
 */
export function parseStoredTokens(raw: unknown): StoredTokens {
  if (typeof raw !== 'object' || raw === null) return {};
  const oauth = raw as Record<string, unknown>;
  const accessToken = isText(oauth.access_token) ? oauth.access_token : undefined;
  return {
    accessToken,
    refreshToken: isText(oauth.refresh_token) ? oauth.refresh_token : undefined,
    // A bare expires_in has no issue time; Lightspeed's JWT says when it expires, which the platform never stores.
    expiresAt: (accessToken === undefined ? undefined : jwtExpiry(accessToken)) ?? parseExpiry(oauth.expires_at),
  };
}

/** `expires_at` as ISO text or epoch seconds/ms. */
function parseExpiry(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e12 ? value * 1000 : value;
  if (typeof value === 'string') {
    const parsed = /^\d+$/.test(value) ? parseExpiry(Number(value)) : Date.parse(value);
    return parsed !== undefined && Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** Tokens from a stored credential (the keys `updateKeys` wrote): `oauth` first, then the `refreshToken` field. */
export function storedTokensFromKeys(keys: Record<string, unknown>): StoredTokens {
  const stored = parseStoredTokens(keys.oauth);
  const field = typeof keys.refreshToken === 'string' && keys.refreshToken.trim() ? keys.refreshToken.trim() : undefined;
  return { ...stored, refreshToken: stored.refreshToken ?? field };
}

function requiredText(cfg: Record<string, unknown>, field: string): string {
  const value = optionalText(cfg, field);
  if (value === undefined) throw new ValidationError(field, 'is required');
  return value;
}

function optionalText(cfg: Record<string, unknown>, field: string): string | undefined {
  const value = cfg[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw new ValidationError(field, `must be text, got ${typeof value}`);
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
