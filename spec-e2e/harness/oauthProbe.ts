/** Asks the simulator's token endpoint whether a refresh token is still accepted (without using what it returns). */

export interface RefreshProbe {
  accepted: boolean;
  status: number;
  error?: string;
}

export interface OAuthClient {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

/**
 * A refresh_token grant with `refreshToken`. The access token it may return is never used, so (as the
 * simulator models Lightspeed) no other refresh token is revoked by the probe.
 */
export async function probeRefreshToken(client: OAuthClient, refreshToken: string): Promise<RefreshProbe> {
  const response = await fetch(client.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: client.clientId, client_secret: client.clientSecret }),
  });
  const body = (await response.json()) as { error?: string };
  return { accepted: response.ok, status: response.status, error: body.error };
}
