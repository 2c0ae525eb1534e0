import { SecretRedactor } from '../lib/client/http';

/** The redacted stand-in for a secret value. */
export const REDACTED = '[redacted]';

/** Keys whose values are secrets wherever they appear in a credential or a token answer. */
const SECRET_KEYS = new Set(['clientSecret', 'refreshToken', 'accessToken', 'access_token', 'refresh_token', 'id_token', 'client_secret']);

/** A copy of `value` with every secret-named field replaced by "[redacted]" (the shape stays readable). */
export function maskSecretFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecretFields);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) =>
    [key, SECRET_KEYS.has(key) && typeof field === 'string' ? REDACTED : maskSecretFields(field)]));
}

/** Remembers every secret value found in `value` (a cfg, an updateKeys payload) so that output can mask it. */
export function learnSecrets(redactor: SecretRedactor, value: unknown): void {
  if (Array.isArray(value)) value.forEach((item) => learnSecrets(redactor, item));
  if (typeof value !== 'object' || value === null) return;
  for (const [key, field] of Object.entries(value)) {
    if (SECRET_KEYS.has(key) && typeof field === 'string') redactor.add(field);
    else learnSecrets(redactor, field);
  }
}

export { SecretRedactor };
