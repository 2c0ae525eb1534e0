import { messages } from 'elasticio-node';
import { EntityApi } from '../client/entityApi';
import { LightspeedClient, LightspeedClientOptions } from '../client/LightspeedClient';
import { TokenSet } from '../client/oauth';
import { HandlerContext, StepConfig } from './context';

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
  const stopPersisting = client.onTokenRotated(async (tokens) => {
    await context.emit('updateKeys', keysToPersist(cfg, tokens));
    context.logger.info('Lightspeed rotated the refresh token; the new one was handed to the platform (updateKeys)');
  });
  try {
    return await work(new EntityApi(client), client);
  } finally {
    stopPersisting();
  }
}

/** The credential as it must be stored after a rotation. */
export function keysToPersist(cfg: StepConfig, tokens: TokenSet): Record<string, unknown> {
  const keys: Record<string, unknown> = {};
  for (const field of CREDENTIAL_FIELDS) if (cfg[field] !== undefined) keys[field] = cfg[field];
  return {
    ...keys,
    refreshToken: tokens.refreshToken,
    oauth: {
      token_type: 'Bearer',
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      expires_at: tokens.expiresAt === undefined ? undefined : new Date(tokens.expiresAt).toISOString(),
    },
  };
}

/** Emits one data message with `body`. */
export async function emitData(context: HandlerContext, body: unknown): Promise<void> {
  await context.emit('data', messages.newMessageWithBody(body));
}
