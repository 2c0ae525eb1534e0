/**
 * Relation search on an embedded Contact (`Customer.json?load_relations=["Contact"]&Contact.email=...`).
 * Lightspeed documents relation search one level deep, but lists no `email` field on Contact: the addresses sit
 * two levels down (`Contact.Emails.ContactEmail[].address`). Other clients search `Contact.email` all the same, so
 * the simulator answers it in each of the ways Lightspeed plausibly does (`contactEmailSearch`).
 */
import { Condition, parseCondition } from './query';
import { ApiError, WireObject, WireValue } from './types';

/** How `Contact.email` is answered: matched against every address, refused as an unknown field, or ignored. */
export type ContactEmailSearch = 'match' | 'reject' | 'ignore';

/** A predicate over a record's Contact, or null when the filter is ignored. */
export function contactPredicate(
  relation: string, field: string, raw: string, mode: ContactEmailSearch, contactOf: (row: WireObject) => WireObject | undefined,
): ((row: WireObject) => boolean) | null {
  if (field !== 'email') {
    const condition = parseCondition(field, raw, undefined, relation);
    return (row) => condition.test(text(contactOf(row)?.[field]));
  }
  if (mode === 'ignore') return null;
  if (mode === 'reject') throw new ApiError(400, `Invalid search field '${relation}.${field}'`, 'InvalidQueryException');
  const condition: Condition = parseCondition(field, raw, 'string', relation);
  return (row) => emailAddresses(contactOf(row)).some((address) => condition.test(address));
}

function emailAddresses(contact: WireObject | undefined): string[] {
  const emails = contact?.Emails;
  if (typeof emails !== 'object' || Array.isArray(emails)) return [];
  const list = emails.ContactEmail;
  const elements = Array.isArray(list) ? list : list === undefined ? [] : [list];
  return elements.map((email) => text(typeof email === 'object' && !Array.isArray(email) ? email.address : undefined));
}

function text(value: WireValue | undefined): string {
  return typeof value === 'string' ? value : '';
}
