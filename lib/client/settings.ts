import { PacerSettings, DEFAULT_PAGE_SIZE_SETTINGS, PageSizeSettings } from './rate';
import { DEFAULT_REFRESH_RETRY, RefreshRetrySettings } from './auth';
import { RetrySettings } from './http';

/** Client behaviour; defaults suit the real API, tests and benchmarks override parts. */
export interface ClientSettings extends RetrySettings {
  /**
   * Per-request timeout. A page of 100 records with relations takes Lightspeed seconds, rarely more than ten;
   * Cloudflare, in front of the API, gives up at 100 s with a 524. At 45 s a page that heavy is abandoned and asked
   * again at half the size well before Cloudflare would answer, and a normal page is never cut short.
   */
  timeoutMs: number;
  pacer: PacerSettings;
  pageSize: PageSizeSettings;
  /** Retries of the token endpoint (429, 5xx, lost connections). */
  refresh: RefreshRetrySettings;
}

export const DEFAULT_CLIENT_SETTINGS: ClientSettings = {
  timeoutMs: 45_000,
  maxRetries: 5,
  maxConnectRetries: 2,
  rateLimitPatienceMs: 10 * 60_000,
  backoff: { baseDelayMs: 1_000, maxDelayMs: 30_000 },
  pacer: { marginDrips: 1, paceFromHeaders: true },
  pageSize: DEFAULT_PAGE_SIZE_SETTINGS,
  refresh: DEFAULT_REFRESH_RETRY,
};

/** Defaults with some settings replaced (nested objects merged one level deep). */
export function clientSettings(overrides: Partial<ClientSettings> = {}): ClientSettings {
  return {
    ...DEFAULT_CLIENT_SETTINGS,
    ...overrides,
    backoff: { ...DEFAULT_CLIENT_SETTINGS.backoff, ...overrides.backoff },
    pacer: { ...DEFAULT_CLIENT_SETTINGS.pacer, ...overrides.pacer },
    pageSize: { ...DEFAULT_CLIENT_SETTINGS.pageSize, ...overrides.pageSize },
    refresh: { ...DEFAULT_CLIENT_SETTINGS.refresh, ...overrides.refresh, backoff: { ...DEFAULT_CLIENT_SETTINGS.refresh.backoff, ...overrides.refresh?.backoff } },
  };
}
