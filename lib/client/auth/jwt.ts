/**
 * Lightspeed's access tokens are JWTs (claims acct, scope, iat, exp, ...). The component reads a few claims without
 * verifying the signature: never to trust the token, only to know when it expires and which account it is for.
 * Opaque tokens (older credentials, other servers) simply have no claims.
 */

/** The claims of a JWT, or undefined when the token is not one. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? claims as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}

/** The account ID a token was issued for (`acct`), when it says. */
export function jwtAccount(token: string): string | undefined {
  const account = jwtClaims(token)?.acct;
  return typeof account === 'string' || typeof account === 'number' ? String(account) : undefined;
}

/** When the token expires (`exp`, epoch seconds), as epoch ms; undefined when it does not say. */
export function jwtExpiry(token: string): number | undefined {
  const exp = jwtClaims(token)?.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
}
