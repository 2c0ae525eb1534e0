/**
 * OAuth state: authorization codes, access tokens, rotating refresh tokens. A refreshed-away
 * refresh token stays usable until the access token issued in exchange for it is first used
 * (protocol.json refreshTokenRules); then it is revoked and answers invalid_grant. Access tokens are JWTs
 * carrying Lightspeed's claims (`acct`, `exp`, `iat`, `scope`), so a client can read its account offline.
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
  scope: string;
}

interface RefreshToken {
  clientId: string;
  revoked: boolean;
  /** The scope of the grant it came from: a refresh keeps it. */
  scope: string;
}

interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
  codeChallenge: string | null;
  codeChallengeMethod: string;
  scope: string;
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

/** The claims Lightspeed puts in its access tokens. */
export interface AccessTokenClaims {
  acct: string;
  /** Epoch seconds. */
  iat: number;
  exp: number;
  scope: string;
}

/** A JWT-shaped access token (header.claims.signature, base64url); the signature is random: nobody verifies it. */
export function jwtAccessToken(claims: AccessTokenClaims, clientId: string): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = { typ: 'JWT', alg: 'RS256', kid: 'simulator' };
  const body = {
    jti: randomBytes(16).toString('hex'), iss: 'https://cloud.lightspeedapp.com', aud: clientId, sub: '1',
    acct: claims.acct, scope: claims.scope, iat: claims.iat, nbf: claims.iat, exp: claims.exp,
  };
  return `${part(header)}.${part(body)}.${randomBytes(64).toString('base64url')}`;
}

/** Token store of one simulator. */
export class OAuthState {
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, RefreshToken>();

  constructor(private readonly counters: () => TokenCounters) {}

  /** Registers the initial refresh token handed out with the credentials. */
  addRefreshToken(token: string, clientId: string, scope: string): void {
    this.refreshTokens.set(token, { clientId, revoked: false, scope });
  }

  issueCode(clientId: string, redirectUri: string, now: number, lifetimeSeconds: number, challenge: string | null, method: string, scope: string): string {
    const code = opaqueToken('sim-code-');
    this.codes.set(code, { clientId, redirectUri, expiresAt: now + lifetimeSeconds * 1000, used: false, codeChallenge: challenge, codeChallengeMethod: method, scope });
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
  issuePair(clientId: string, accountId: string, now: number, lifetimeSeconds: number, retires: string | null, scope: string): { accessToken: string; refreshToken: string } {
    const expiresAt = now + lifetimeSeconds * 1000;
    const accessToken = jwtAccessToken({ acct: accountId, iat: Math.floor(now / 1000), exp: Math.floor(expiresAt / 1000), scope }, clientId);
    const refreshToken = opaqueToken('sim-rt-');
    this.accessTokens.set(accessToken, { clientId, accountId, expiresAt, forcedExpired: false, used: false, retires, pairedRefresh: refreshToken, revoked: false, scope });
    this.refreshTokens.set(refreshToken, { clientId, revoked: false, scope });
    this.counters().issued++;
    return { accessToken, refreshToken };
  }

  /** The scope a refresh token carries (of the grant it came from). */
  scopeOf(refreshToken: string): string {
    return this.refreshTokens.get(refreshToken)?.scope ?? '';
  }

  /** Lightspeed's 2024 rule: refreshing revokes at once the access token issued with the refresh token it spends. */
  revokeAccessTokensPairedWith(refreshToken: string): number {
    let revoked = 0;
    for (const access of this.accessTokens.values()) {
      if (access.pairedRefresh === refreshToken && !access.revoked) {
        access.revoked = true;
        revoked += 1;
      }
    }
    return revoked;
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
