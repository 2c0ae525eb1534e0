import { PacerSettings } from './pacing';
import { DEFAULT_PAGE_SIZE_SETTINGS, PageSizeSettings } from './pageSize';
import { RetrySettings } from './retryPolicy';

/** Client behaviour; defaults suit the real API, tests and benchmarks override parts. */
export interface ClientSettings extends RetrySettings {
  /** Per-request timeout. Pages with many relations can take Lightspeed several seconds. */
  timeoutMs: number;
  pacer: PacerSettings;
  pageSize: PageSizeSettings;
}

export const DEFAULT_CLIENT_SETTINGS: ClientSettings = {
  timeoutMs: 60_000,
  maxRetries: 5,
  rateLimitPatienceMs: 10 * 60_000,
  backoff: { baseDelayMs: 1_000, maxDelayMs: 30_000 },
  pacer: { marginDrips: 1, paceFromHeaders: true },
  pageSize: DEFAULT_PAGE_SIZE_SETTINGS,
};

/** Defaults with some settings replaced (nested objects merged one level deep). */
export function clientSettings(overrides: Partial<ClientSettings> = {}): ClientSettings {
  return {
    ...DEFAULT_CLIENT_SETTINGS,
    ...overrides,
    backoff: { ...DEFAULT_CLIENT_SETTINGS.backoff, ...overrides.backoff },
    pacer: { ...DEFAULT_CLIENT_SETTINGS.pacer, ...overrides.pacer },
    pageSize: { ...DEFAULT_CLIENT_SETTINGS.pageSize, ...overrides.pageSize },
  };
}
