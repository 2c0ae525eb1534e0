import { Logger } from './logger';

/** JWTs (Lightspeed's access tokens) even when we never saw them: three base64url parts. */
const JWT = /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;
const MASK = '[redacted]';

/** Removes a credential's secrets from text that may reach a log line or an error message. */
export class SecretRedactor {
  private readonly secrets = new Set<string>();

  /** Remembers secrets to mask; short values are ignored so that ordinary words are never masked. */
  add(...values: Array<string | undefined>): void {
    for (const value of values) if (value !== undefined && value.length >= 8) this.secrets.add(value);
  }

  redact(text: string): string {
    let clean = text.replace(JWT, MASK);
    for (const secret of this.secrets) if (clean.includes(secret)) clean = clean.split(secret).join(MASK);
    return clean;
  }
}

/** A parsed JSON value (or a text) with every secret masked, as in `redact`: for answers passed on as they came. */
export function redactJson(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === undefined) return value;
  const text = JSON.stringify(value);
  const clean = redact(text);
  return clean === text ? value : JSON.parse(clean);
}

/** A logger whose string arguments pass through the redactor. */
export function redactingLogger(logger: Logger, redactor: SecretRedactor): Logger {
  const wrap = (write: (...args: unknown[]) => void) => (...args: unknown[]) =>
    write(...args.map((arg) => (typeof arg === 'string' ? redactor.redact(arg) : arg)));
  return { debug: wrap(logger.debug.bind(logger)), info: wrap(logger.info.bind(logger)), warn: wrap(logger.warn.bind(logger)), error: wrap(logger.error.bind(logger)) };
}
