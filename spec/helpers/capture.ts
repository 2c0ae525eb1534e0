import { Logger } from '../../lib/client/logger';

/** A logger that keeps every line, to assert on what was (and was not) logged. */
export function capturingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => { lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')); };
  return { lines, debug: keep, info: keep, warn: keep, error: keep };
}

/** Secret values used by the specs' credentials; none may ever show up in output. */
export const SECRETS = {
  clientSecret: 'client-secret-s3cr3t-value',
  refreshToken: 'refresh-token-r3fr3sh-value-0',
  accessToken: 'access-token-acc3ss-value-0',
};

/** Every secret found in `text` (an empty list is what a test wants). */
export function leakedSecrets(text: string, extra: string[] = []): string[] {
  return [...Object.values(SECRETS), ...extra].filter((secret) => text.includes(secret));
}
