import { EntitySpec } from '../catalog/types';
import { ValidationError } from './http';

/** The API root an entity lives under. */
export function rootPath(root: EntitySpec['root'], accountId: string | undefined): string {
  if (root === 'api') return '/API/';
  if (root === 'v3') return '/API/V3/';
  return `/API/V3/Account/${accountId}/`;
}

/**
 * A path template with its `{field}` placeholders filled. Every placeholder is an ID, so only positive whole
 * numbers go in: `"1/../2"` or `"abc"` must never reach a URL.
 */
export function fillPath(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_match, field: string) => String(parseId(field, values[field])));
}

/** The placeholders of a path template. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

/** A record ID as Lightspeed has them: a positive whole number, given as a number or as digits. */
export function parseId(field: string, value: unknown): number {
  if (value === undefined || value === null || value === '') throw new ValidationError(field, 'is required');
  const id = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    throw new ValidationError(field, `must be a positive whole number, got ${JSON.stringify(value)}`);
  }
  return id;
}

/** One segment of a path under the account: letters, digits, `_ - ~ .`, and not starting with a dot. */
const SAFE_SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9_.~-]*$/;

/**
 * A path relative to the account (`Item.json`, `Sale/12/refund.json`), checked to stay there. Only plain segments
 * pass, so `..`, an absolute URL, another host, a query or fragment, and every encoded form of them (`%2e%2e`,
 * `%2F`, `%3F`) are refused before a URL is built: the bearer token goes to no other path than the account's.
 */
export function accountRelativePath(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(field, 'is required, such as "Item.json"');
  const path = value.trim();
  const bad = path.split('/').find((segment) => !SAFE_SEGMENT.test(segment));
  if (bad !== undefined) {
    const what = bad === '' ? 'an empty segment (a leading, doubled or trailing "/")' : `"${bad}"`;
    throw new ValidationError(field, `must be a path relative to the account such as "Item.json" or "Sale/12/refund.json"; `
      + `it has ${what} (only letters, digits, "_", "-", "~" and "." inside segments; no "..", "?", "#", "%" or host)`);
  }
  return path;
}
