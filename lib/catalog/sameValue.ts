/**
 * Whether a value the other system sends means what Lightspeed holds, by the field's catalog type. Lightspeed answers
 * every scalar as text ("6.50", "true", "0" for an unset ID) and a mapping sends numbers and booleans either way, so
 * equality of the JSON values would see changes that are none, and write them.
 */
import { FieldType, ListItemType } from './types';

/** Amounts differ in the last digits of a float sum (0.1 + 0.2), never in a cent. */
const FLOAT_TOLERANCE = 1e-9;

/** `a` (incoming) and `b` (stored) mean the same value of a field of `type` (undefined: unknown, compared as text). */
export function sameValue(type: FieldType | ListItemType | undefined, a: unknown, b: unknown): boolean {
  switch (type) {
    case 'integer':
    case 'float':
      return sameNumber(a, b);
    case 'boolean':
      return asBoolean(a) === asBoolean(b);
    case 'datetime':
      return sameInstant(a, b);
    case 'date':
      return asText(a).slice(0, 10) === asText(b).slice(0, 10);
    default:
      return asText(a) === asText(b);
  }
}

/** "6.5" = 6.5 = "6.50"; an unset number ("", null) is 0, as Lightspeed stores it (an unset ID is "0"). */
function sameNumber(a: unknown, b: unknown): boolean {
  const [x, y] = [asNumber(a), asNumber(b)];
  if (x === undefined || y === undefined) return asText(a) === asText(b);
  return Math.abs(x - y) <= FLOAT_TOLERANCE * Math.max(1, Math.abs(x), Math.abs(y));
}

function asNumber(value: unknown): number | undefined {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const number = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isFinite(number) ? number : undefined;
}

/** "true" = true = "1"; unset ("", null) is false, as Lightspeed stores it. */
function asBoolean(value: unknown): boolean | string {
  if (value === null || value === undefined) return false;
  const text = String(value).trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0' || text === '') return false;
  return text;
}

/** Two date-times at the same second, whatever their offsets; Lightspeed stamps to the second. */
function sameInstant(a: unknown, b: unknown): boolean {
  const [x, y] = [asText(a).trim(), asText(b).trim()];
  if (x === '' || y === '') return x === y;
  const [ms1, ms2] = [Date.parse(x), Date.parse(y)];
  if (Number.isNaN(ms1) || Number.isNaN(ms2)) return x === y;
  return Math.floor(ms1 / 1000) === Math.floor(ms2 / 1000);
}

/** Text as Lightspeed holds it: null and absent are "" (a PUT of null clears the field). */
function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
