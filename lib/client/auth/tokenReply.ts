/**
 * A token endpoint's reply as the component keeps it. Replies differ: Lightspeed's endpoints answered `expires_in` as
 * a number, as text or not at all, `token_type` as "bearer" or "Bearer", and a refresh reply sometimes without a
 * `refresh_token` (RFC 6749 section 6: the client then keeps the one it has).
 */
import { AuthenticationError } from '../http';
import { jwtExpiry } from './jwt';

/** A fresh pair from the token endpoint. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms, or undefined when the server did not say. */
  expiresAt: number | undefined;
  /** The lifetime in seconds the token endpoint stated (`expires_in`), kept for the platform's `oauth` object. */
  expiresIn?: number;
  /** The reply named no new refresh token: `refreshToken` is the one sent, still valid. */
  refreshTokenKept?: boolean;
}

/**
 * When neither `expires_in` nor the token says how long it lives: the shortest lifetime Lightspeed's documents show
 * (1800 s, in the refresh example). Too short costs one early refresh; too long, a 401 and a refresh.
 */
export const ASSUMED_LIFETIME_SECONDS = 1800;

/** The pair from a reply to a refresh with `sentRefreshToken`, at `now` (epoch ms); throws when it carries no access token. */
export function tokenSetFromReply(reply: Record<string, unknown>, sentRefreshToken: string, now: number): TokenSet {
  const accessToken = text(reply.access_token);
  if (accessToken === undefined) throw new AuthenticationError('Lightspeed\'s token endpoint answered without an access token');
  const tokenType = text(reply.token_type);
  if (tokenType !== undefined && tokenType.toLowerCase() !== 'bearer') {
    throw new AuthenticationError(`Lightspeed's token endpoint issued a token of type "${tokenType}": the component sends Bearer tokens only`);
  }
  const rotated = text(reply.refresh_token);
  const expiresAt = expiry(reply.expires_in, accessToken, now);
  return {
    accessToken,
    refreshToken: rotated ?? sentRefreshToken,
    expiresAt,
    expiresIn: Math.round((expiresAt - now) / 1000),
    refreshTokenKept: rotated === undefined,
  };
}

/** From `expires_in` (a number or numeric text), else the JWT's `exp`, else the assumed lifetime. */
function expiry(expiresIn: unknown, accessToken: string, now: number): number {
  const seconds = typeof expiresIn === 'string' && expiresIn.trim() !== '' ? Number(expiresIn) : expiresIn;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0) return now + seconds * 1000;
  return jwtExpiry(accessToken) ?? now + ASSUMED_LIFETIME_SECONDS * 1000;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
