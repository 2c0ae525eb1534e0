/** Timestamps as Lightspeed writes them: ISO 8601, second resolution, `+00:00` offset. */

const DATETIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+\- ]\d{2}:?\d{2})?$/i;

/** Formats epoch milliseconds as `YYYY-MM-DDTHH:MM:SS+00:00` (seconds truncated). */
export function formatTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19) + '+00:00';
}

/**
 * Parses an ISO 8601 date or datetime to epoch milliseconds, or null.
 * A space where the offset sign should be is read as `+`, because an unencoded `+` in a query
 * string arrives as a space.
 */
export function parseInstant(value: string): number | null {
  const match = DATETIME_PATTERN.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', offset] = match;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(utc)) return null;
  if (!offset || offset.toUpperCase() === 'Z') return utc;
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return utc - sign * minutes * 60_000;
}

/** Normalises a datetime string to the stored form, or null when it is not a datetime. */
export function canonicalTimestamp(value: string): string | null {
  const ms = parseInstant(value);
  return ms === null ? null : formatTimestamp(ms);
}
