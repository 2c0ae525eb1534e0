import { Logger } from '../../lib/client/http';

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

/** The first run of `words` words a line says twice (`GET Item 7: GET Item 7:`, `502 Bad Gateway 502 Bad Gateway`). */
export function repeatedPhrase(line: string, words = 3): string | undefined {
  const tokens = line.split(/\s+/).filter(Boolean);
  const seen = new Set<string>();
  for (let i = 0; i + words <= tokens.length; i += 1) {
    const phrase = tokens.slice(i, i + words).join(' ');
    if (seen.has(phrase)) return phrase;
    seen.add(phrase);
  }
  return undefined;
}
