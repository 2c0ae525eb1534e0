/**
 * How the entries of a nested list are told apart (an Item's prices by price level, its stock by shop, a contact's
 * e-mails by address) and how a PUT treats the list: what a comparison needs to pair an incoming entry with the stored
 * one, and a write to send only the entries that differ without losing the others.
 */
import { findEntity, listEntities } from './index';
import { resolveElement } from './elements';
import { EntitySpec, FieldSpec } from './types';

/** What identifies an entry of a list, and how Lightspeed applies a list sent in a PUT. */
export interface ListKeys {
  /** The entry's own ID (`itemShopID`), when the catalog gives its records one. */
  identity?: string;
  /** Fields the other system names an entry by, each enough alone, tried in order (`useTypeID`, then `useType`). */
  natural: string[];
  /** Natural keys compared whatever their letter case (e-mail addresses). */
  ignoreCase: string[];
  /**
   * `byKey`: Lightspeed updates the entry a sent one names (by its ID, or by a key it documents matching on) and adds
   * the others, so only the entries that differ are sent. `whole`: nothing names an entry to Lightspeed, so the list
   * sent replaces the stored one, and a write sends every entry (the stored ones with the changes applied).
   */
  write: 'byKey' | 'whole';
}

/**
 * Natural keys the catalog cannot tell by its references: lists of values without IDs (a contact's e-mails, phones,
 * websites) and an Item's components, whose both references point at Items. A Shop's registers are named by their
 * ID only (the one other reference, the employee who opened it, names nothing).
 */
const NAMED_BY: Readonly<Record<string, readonly string[]>> = {
  ContactEmail: ['address'],
  ContactPhone: ['useType'],
  ContactWebsite: ['url'],
  ItemComponent: ['componentItemID'],
  Register: [],
};

/** E-mail addresses are one whatever their letter case (Upsert's match by e-mail takes them so too). */
const CASE_INSENSITIVE = new Set(['ContactEmail.address']);

/**
 * Lists whose entries Lightspeed documents matching by a key other than their ID: an Item PUT's ItemShop by `shopID`
 * (changelog, June 2025) and its ItemPrice by price level (`useTypeID` or `useType`).
 */
const MATCHED_BY_LIGHTSPEED = new Set(['ItemShop', 'ItemPrice']);

const cache = new Map<string, ListKeys>();

/** The keys of `element`'s entries in a list of `owner` (`ItemPrice` in Item). */
export function listKeys(owner: EntitySpec, element: string): ListKeys {
  const cacheKey = `${owner.name}/${element}`;
  let keys = cache.get(cacheKey);
  if (!keys) {
    keys = keysOf(owner, element, resolveElement(listEntities(), owner, element)?.fields ?? []);
    cache.set(cacheKey, keys);
  }
  return keys;
}

function keysOf(owner: EntitySpec, element: string, fields: FieldSpec[]): ListKeys {
  const identity = identityOf(element, fields);
  const natural = [...(NAMED_BY[element] ?? referenceKeys(owner, fields))];
  const ignoreCase = natural.filter((name) => CASE_INSENSITIVE.has(`${element}.${name}`));
  const write = identity !== undefined || MATCHED_BY_LIGHTSPEED.has(element) ? 'byKey' : 'whole';
  return { ...(identity === undefined ? {} : { identity }), natural, ignoreCase, write };
}

/** The element's primary key in the catalog (`ItemShop` -> `itemShopID`), or its `<element>ID` field. */
function identityOf(element: string, fields: FieldSpec[]): string | undefined {
  const entity = findEntity(element) ?? listEntities().find((candidate) => candidate.responseKey === element);
  if (entity?.primaryKey && fields.some((field) => field.name === entity.primaryKey)) return entity.primaryKey;
  const own = `${element[0].toLowerCase()}${element.slice(1)}ID`;
  return fields.some((field) => field.name === own) ? own : undefined;
}

/**
 * An entry that points at exactly one record other than its owner is named by that reference (an ItemShop by its
 * `shopID`, an ItemVendorNum by its `vendorID`), and by the text field beside it when there is one (an ItemPrice's
 * `useType`, the name of the price level its `useTypeID` points at).
 */
function referenceKeys(owner: EntitySpec, fields: FieldSpec[]): string[] {
  const references = fields.filter((field) => field.ref !== undefined && field.ref !== owner.name && field.name.endsWith('ID'));
  if (references.length !== 1) return [];
  const [reference] = references;
  const alias = fields.find((field) => field.name === reference.name.slice(0, -2) && field.type === 'string');
  return alias ? [reference.name, alias.name] : [reference.name];
}
