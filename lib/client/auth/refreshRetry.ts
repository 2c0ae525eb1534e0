/**
 * Retries for the token endpoint, within Lightspeed's limit of 5 refresh attempts per minute per connection.
 * Retrying a refresh is safe: Lightspeed revokes the old refresh token only once the new access token is used, so a
 * refresh whose answer was lost leaves the old token working.
 */
import {
  AuthenticationError, backoffDelayMs, BackoffSettings, Clock, isPermanent, Logger, neverConnected,
  RETRYABLE_SERVER_STATUSES, TransportError,
} from '../http';
import { TokenRefresher, TokenSet } from './oauth';

export interface RefreshRetrySettings {
  /** Attempts of one refresh, the first included. */
  maxAttempts: number;
  /** Attempts when no connection to the Token URL could be made (refused, no route): a restart takes seconds. */
  maxConnectAttempts: number;
  /** Lightspeed allows this many refresh attempts per connection in any 60 seconds. */
  attemptsPerMinute: number;
  backoff: BackoffSettings;
  /** A Retry-After longer than this is not waited for: the run fails and the next one tries again. */
  maxRetryAfterSeconds: number;
}

export const DEFAULT_REFRESH_RETRY: RefreshRetrySettings = {
  maxAttempts: 5,
  maxConnectAttempts: 3,
  attemptsPerMinute: 5,
  backoff: { baseDelayMs: 1_000, maxDelayMs: 8_000 },
  maxRetryAfterSeconds: 60,
};

const MINUTE_MS = 60_000;

/**
 * True for failures another attempt may cure: no answer, 429, a server error. Never invalid_grant or invalid_client,
 * nor a Token URL whose host is unknown or whose certificate is not trusted.
 */
export function isTransientRefreshFailure(error: unknown): boolean {
  if (error instanceof TransportError) return !isPermanent(error.failure);
  if (!(error instanceof AuthenticationError) || error.status === undefined) return false;
  return error.status === 429 || RETRYABLE_SERVER_STATUSES.includes(error.status);
}

/** How long to wait before trying a failed refresh again, or undefined when it must not be tried again. Pure. */
export function refreshRetryDelayMs(
  error: unknown, attempt: number, settings: RefreshRetrySettings, random?: () => number,
): number | undefined {
  if (attempt >= maxAttemptsFor(error, settings) || !isTransientRefreshFailure(error)) return undefined;
  const backoff = backoffDelayMs(attempt, settings.backoff, random);
  const retryAfter = error instanceof AuthenticationError && error.status === 429 ? error.retryAfterSeconds : undefined;
  if (retryAfter === undefined) return backoff;
  return retryAfter <= settings.maxRetryAfterSeconds ? retryAfter * 1000 : undefined;
}

/** Attempts one refresh may take after this failure, the first included. */
function maxAttemptsFor(error: unknown, settings: RefreshRetrySettings): number {
  return error instanceof TransportError && neverConnected(error.failure) ? settings.maxConnectAttempts : settings.maxAttempts;
}

/** A refresher that tries again after 429, 5xx and lost connections, never more than Lightspeed allows. */
export class RetryingRefresher implements TokenRefresher {
  /** Times of this connection's recent refresh attempts, oldest first. */
  private readonly recentAttempts: number[] = [];

  constructor(
    private readonly inner: TokenRefresher,
    private readonly clock: Clock,
    private readonly settings: RefreshRetrySettings,
    private readonly logger: Logger,
  ) {}

  async refresh(refreshToken: string): Promise<TokenSet> {
    const started = this.clock.now();
    for (let attempt = 1; ; attempt += 1) {
      await this.waitForAttemptSlot();
      try {
        return await this.inner.refresh(refreshToken);
      } catch (error) {
        const delayMs = refreshRetryDelayMs(error, attempt, this.settings);
        if (delayMs === undefined) throw isTransientRefreshFailure(error) ? this.gaveUp(error, attempt, started) : error;
        this.logger.info(`${(error as Error).message} Trying again in ${(delayMs / 1000).toFixed(1)} s (attempt ${attempt + 1} of at most ${maxAttemptsFor(error, this.settings)}).`);
        await this.clock.sleep(delayMs);
      }
    }
  }

  /** Waits until fewer than `attemptsPerMinute` attempts fall in the last minute, then counts this one. */
  private async waitForAttemptSlot(): Promise<void> {
    const now = this.clock.now();
    while (this.recentAttempts.length > 0 && this.recentAttempts[0] <= now - MINUTE_MS) this.recentAttempts.shift();
    if (this.recentAttempts.length >= this.settings.attemptsPerMinute) {
      const wait = this.recentAttempts[0] + MINUTE_MS - now;
      this.logger.info(`Waiting ${(wait / 1000).toFixed(1)} s before refreshing the access token: Lightspeed allows ${this.settings.attemptsPerMinute} refresh attempts per minute.`);
      await this.clock.sleep(wait);
      this.recentAttempts.shift();
    }
    this.recentAttempts.push(this.clock.now());
  }

  /** A transient failure we stopped retrying: the refresh token was not spent, and the user should know it. */
  private gaveUp(error: unknown, attempts: number, started: number): unknown {
    if (!(error instanceof Error)) return error;
    const seconds = Math.round((this.clock.now() - started) / 1000);
    error.message = `${error.message.replace(/\.$/, '')} (${attempts} attempts in ${seconds} s). `
      + 'The stored refresh token was not used up and still works: the next run tries again.';
    return error;
  }
}
