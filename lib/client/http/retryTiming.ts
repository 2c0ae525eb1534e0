/** How long to wait before the next attempt. Pure functions; the caller sleeps. */

/** Seconds from a `Retry-After` header (seconds or HTTP date); undefined when absent or malformed. */
export function parseRetryAfter(value: string | undefined, nowMs: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, (date - nowMs) / 1000);
}

export interface BackoffSettings {
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Exponential backoff with full jitter for attempt 1, 2, 3... `random` is injectable for tests. */
export function backoffDelayMs(attempt: number, settings: BackoffSettings, random: () => number = Math.random): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
  // Half fixed, half jitter: never zero, and concurrent retries spread out.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
