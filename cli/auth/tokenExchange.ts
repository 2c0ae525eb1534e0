/** The pair Lightspeed issues for an authorization code. */
export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms, when the answer says `expires_in`. */
  expiresAt?: number;
}

/** What the token endpoint needs for the authorization_code grant. */
export interface CodeExchange {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  code: string;
  redirectUri: string;
  /** Only when the authorize URL carried a PKCE challenge. */
  codeVerifier?: string;
}

const TIMEOUT_MS = 30_000;

/** POSTs the form-encoded authorization_code grant; errors quote Lightspeed's error, never a secret. */
export async function exchangeCode(exchange: CodeExchange): Promise<IssuedTokens> {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: exchange.clientId,
    client_secret: exchange.clientSecret,
    code: exchange.code,
    redirect_uri: exchange.redirectUri,
  });
  if (exchange.codeVerifier) form.set('code_verifier', exchange.codeVerifier);
  let response: Response;
  try {
    response = await fetch(exchange.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: form,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new Error(`Could not reach the token endpoint ${exchange.tokenUrl}: ${causeOf(error)}`);
  }
  const body = await response.json().catch(() => undefined) as Record<string, unknown> | undefined;
  if (!response.ok || typeof body?.access_token !== 'string' || typeof body.refresh_token !== 'string') {
    throw new Error(`The token endpoint answered ${response.status}${describeOAuthError(body)}`);
  }
  const expiresIn = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? Date.now() + expiresIn * 1000 : undefined,
  };
}

function describeOAuthError(body: Record<string, unknown> | undefined): string {
  if (!body || typeof body.error !== 'string') return ' without tokens';
  const detail = [body.error_description, body.hint].filter((part) => typeof part === 'string' && part !== '').join(' ');
  const advice = body.error === 'invalid_grant'
    ? ' A code is valid for 60 seconds and only once: authorize again and use the new code right away.'
    : body.error === 'invalid_client' ? ' Check the client ID and secret.' : '';
  return ` ${body.error}${detail ? `: ${detail}` : ''}.${advice}`;
}

/** fetch wraps network errors as "fetch failed" with the real reason in `cause`. */
export function causeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
