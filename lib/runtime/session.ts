import { EntityApi } from '../client/entityApi';
import { LightspeedClient, LightspeedClientOptions } from '../client/LightspeedClient';
import { StoredTokens, storedTokensFromKeys, TokenSet } from '../client/auth';
import { HandlerContext, StepConfig } from './context';
import { newMessage } from './messages';

/** The credential fields of component.json: persisted whole, so a platform that replaces keys loses nothing. */
const CREDENTIAL_FIELDS = ['environmentUrl', 'accountId', 'clientId', 'clientSecret', 'refreshToken', 'tokenUrl'] as const;

/** Per-test or per-tool client settings (the platform never sets these). */
let clientOverrides: Omit<LightspeedClientOptions, 'credentials' | 'logger'> = {};

/** Lets tests, benchmarks and the local runner tune the client (timeouts, clock) without touching cfg. */
export function setClientOverrides(overrides: Omit<LightspeedClientOptions, 'credentials' | 'logger'>): void {
  clientOverrides = overrides;
}

/**
 * Runs `work` with a Lightspeed client for the step's credential. Every token rotation during the work is
 * persisted through `updateKeys` before the new access token is used.
 */
export async function withLightspeed<T>(
  context: HandlerContext, cfg: StepConfig, work: (api: EntityApi, client: LightspeedClient) => Promise<T>,
): Promise<T> {
  const client = LightspeedClient.fromConfig(cfg, { ...clientOverrides, logger: context.logger });
  const detach = client.attachTokenStore({
    // The client's log line about the refresh says it was stored; the runner says where.
    persist: async (tokens) => { await context.emit('updateKeys', keysToPersist(cfg, tokens)); },
    load: storedCredentialLoader(context, cfg),
  });
  try {
    return await work(new EntityApi(client), client);
  } finally {
    detach();
  }
}

/**
 * Reads the credential as the platform stores it now. Each step of a flow runs in its own container with the cfg it
 * started with; when a sibling step rotated the refresh token, only the store has the live one.
 */
function storedCredentialLoader(context: HandlerContext, cfg: StepConfig): (() => Promise<StoredTokens | undefined>) | undefined {
  const accountId = typeof cfg._account === 'string' ? cfg._account : undefined;
  if (!accountId || typeof context.getApiClient !== 'function') return undefined;
  const api = context.getApiClient();
  return async () => {
    const account = await api.accounts.retrieve(accountId);
    if (typeof account !== 'object' || account === null) return undefined;
    const { keys } = account as { keys?: unknown };
    return storedTokensFromKeys((typeof keys === 'object' && keys !== null ? keys : account) as Record<string, unknown>);
  };
}

/**
 * The credential as it must be stored after a rotation: its fields as they were, and the whole `oauth` object
 * the platform keeps (what it stored after Authenticate, such as token_type or scope, with the new pair). The
 * Refresh Token field is rewritten only when the credential uses it, so an authenticated one does not grow one.
 */
export function keysToPersist(cfg: StepConfig, tokens: TokenSet): Record<string, unknown> {
  const keys: Record<string, unknown> = {};
  for (const field of CREDENTIAL_FIELDS) if (cfg[field] !== undefined) keys[field] = cfg[field];
  if (typeof cfg.refreshToken === 'string' && cfg.refreshToken.trim() !== '') keys.refreshToken = tokens.refreshToken;
  const stored = typeof cfg.oauth === 'object' && cfg.oauth !== null ? cfg.oauth as Record<string, unknown> : {};
  return {
    ...keys,
    oauth: {
      ...stored,
      token_type: 'Bearer',
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      expires_in: tokens.expiresIn,
      // expires_in alone has no issue time: keep when this token expires too.
      expires_at: tokens.expiresAt === undefined ? undefined : new Date(tokens.expiresAt).toISOString(),
    },
  };
}

/** Emits one data message with `body` (and attachments); the caller awaits it (sailor's emit is asynchronous). */
export function emitData(context: HandlerContext, body: unknown, attachments?: Record<string, unknown>): Promise<unknown> | unknown {
  return context.emit('data', newMessage(body, attachments));
}
