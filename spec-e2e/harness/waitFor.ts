/** Polling for a condition with a deadline: the suite's only way to wait. */

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Calls `probe` until it returns something other than undefined/false, and resolves with that value.
 * Rejects with `description` and the elapsed time when the deadline passes, or as soon as `probe` throws.
 */
export async function waitFor<T>(description: string, probe: () => T | undefined | false | Promise<T | undefined | false>, options: WaitOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 50;
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started >= timeoutMs) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}`);
    }
    await delay(intervalMs);
  }
}

/** One poll interval. Exported for the rare negative check ("nothing more arrives within N ms"). */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
