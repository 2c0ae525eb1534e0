/**
 * OAuth state: authorization codes, access tokens, rotating refresh tokens. A refreshed-away
 * refresh token stays usable until the access token issued in exchange for it is first used
 * (protocol.json refreshTokenRules); then it is revoked and answers invalid_grant.
 */
import { randomBytes } from 'node:crypto';

/** An issued access token. */
export interface AccessToken {
  clientId: string;
  accountId: string;
  expiresAt: number;
  /** expireAccessTokens() marks tokens expired ahead of time. */
  forcedExpired: boolean;
  used: boolean;
  /** Refresh token to revoke when this token is first used (the one it was refreshed from). */
  retires: string | null;
  /** Refresh token issued together with this access token. */
  pairedRefresh: string;
  revoked: boolean;
}

interface RefreshToken {
  clientId: string;
  revoked: boolean;
}

interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
  codeChallenge: string | null;
  codeChallengeMethod: string;
}

/** Counters the stats expose. */
export interface TokenCounters {
  issued: number;
  revoked: number;
  refreshes: number;
  codesIssued: number;
}

/** Result of checking a bearer token. */
export type TokenCheck =
  | { ok: true; token: AccessToken }
  | { ok: false; reason: 'missing' | 'unknown' | 'expired' | 'forcedExpired' | 'revoked' };

/** Opaque, long, variable-length token text (the docs: do not truncate). */
export function opaqueToken(prefix: string): string {
  return `${prefix}${randomBytes(48 + Math.floor(Math.random() * 16)).toString('base64url')}`;
}

/**
 * A token shaped like Lightspeed's access tokens: a JWT (RS256 header, claims iss/aud/acct/iat/nbf/exp/jti) whose
 * signature is random bytes, since nobody verifies it here. Clients read `exp` and `acct` from it.
 */
export function jwtShapedAccessToken(clientId: string, accountId: string, issuedAtMs: number, expiresAtMs: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Math.floor(issuedAtMs / 1000);
  const claims = {
    iss: 'https://cloud.lightspeedapp.com', aud: clientId, acct: accountId, iat, nbf: iat, exp: Math.floor(expiresAtMs / 1000),
    jti: randomBytes(16).toString('hex'),
  };
  return [part({ typ: 'JWT', alg: 'RS256', kid: 'simulator' }), part(claims), randomBytes(64).toString('base64url')].join('.');
}

/** Token store of one simulator. */
export class OAuthState {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, RefreshToken>();

  constructor(private readonly counters: () => TokenCounters) {}

  /** Registers the initial refresh token handed out with the credentials. */
  addRefreshToken(token: string, clientId: string): void {
    this.refreshTokens.set(token, { clientId, revoked: false });
  }

  issueCode(clientId: string, redirectUri: string, now: number, lifetimeSeconds: number, challenge: string | null, method: string): string {
    const code = opaqueToken('sim-code-');
    this.codes.set(code, { clientId, redirectUri, expiresAt: now + lifetimeSeconds * 1000, used: false, codeChallenge: challenge, codeChallengeMethod: method });
    this.counters().codesIssued++;
    return code;
  }

  /** Consumes a code; returns an error text for invalid_grant, or the code's record. */
  redeemCode(code: string, clientId: string, now: number): AuthorizationCode | string {
    const entry = this.codes.get(code);
    if (!entry) return 'Authorization code is invalid';
    if (entry.used) return 'Authorization code has already been used';
    if (entry.clientId !== clientId) return 'Authorization code was not issued to this client';
    if (now >= entry.expiresAt) return 'Authorization code has expired';
    entry.used = true;
    return entry;
  }

  /** Issues an access/refresh pair; `retires` is the refresh token this pair replaces. */
  issuePair(clientId: string, accountId: string, now: number, lifetimeSeconds: number, retires: string | null, jwt = false): { accessToken: string; refreshToken: string } {
    const accessToken = jwt ? jwtShapedAccessToken(clientId, accountId, now, now + lifetimeSeconds * 1000) : opaqueToken('sim-at-');
    const refreshToken = opaqueToken('sim-rt-');
    this.accessTokens.set(accessToken, { clientId, accountId, expiresAt: now + lifetimeSeconds * 1000, forcedExpired: false, used: false, retires, pairedRefresh: refreshToken, revoked: false });
    this.refreshTokens.set(refreshToken, { clientId, revoked: false });
    this.counters().issued++;
    return { accessToken, refreshToken };
  }

  /** Checks a refresh token for a client; returns an error text or null when usable. */
  checkRefreshToken(token: string, clientId: string): string | null {
    const entry = this.refreshTokens.get(token);
    if (!entry) return 'Refresh token is invalid';
    if (entry.revoked) return 'Refresh token has been revoked';
    if (entry.clientId !== clientId) return 'Refresh token was not issued to this client';
    return null;
  }

  /** Revokes a refresh token (rotation); with `withAccessTokens` also the access tokens paired with it. */
  revokeRefreshToken(token: string, withAccessTokens = false): boolean {
    const entry = this.refreshTokens.get(token);
    if (!entry || entry.revoked) return false;
    entry.revoked = true;
    this.counters().revoked++;
    if (withAccessTokens) for (const access of this.accessTokens.values()) if (access.pairedRefresh === token) access.revoked = true;
    return true;
  }

  /** Validates a bearer token; on first use retires the refresh token it replaced. */
  useAccessToken(token: string | null, now: number, revokeRotated: boolean): TokenCheck {
    if (!token) return { ok: false, reason: 'missing' };
    const entry = this.accessTokens.get(token);
    if (!entry) return { ok: false, reason: 'unknown' };
    if (entry.revoked) return { ok: false, reason: 'revoked' };
    if (entry.forcedExpired) return { ok: false, reason: 'forcedExpired' };
    if (now >= entry.expiresAt) return { ok: false, reason: 'expired' };
    if (!entry.used) {
      entry.used = true;
      if (entry.retires && revokeRotated) this.revokeRefreshToken(entry.retires);
    }
    return { ok: true, token: entry };
  }

  /** Marks every access token issued so far as expired. */
  expireAll(): number {
    let n = 0;
    for (const entry of this.accessTokens.values()) {
      if (!entry.forcedExpired) n++;
      entry.forcedExpired = true;
    }
    return n;
  }

  /** Drops access tokens past their lifetime (keeps memory flat in long benchmark runs). */
  sweep(now: number): void {
    for (const [token, entry] of this.accessTokens) if (now >= entry.expiresAt + 3_600_000) this.accessTokens.delete(token);
  }
}
