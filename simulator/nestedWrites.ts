/** Writes of nested containers: Item Prices and ItemShops, Contacts, a Sale's SaleLines/SalePayments. */
import { ApiServices } from './context';
import { parseBody } from './bodies';
import { emptyContact } from './seedContacts';
import { Table } from './table';
import { ApiError, SimEntity, WireObject } from './types';
import { toWire, unwrapList, wrapList } from './wire';

const PRICE_LEVELS: Array<[string, string]> = [['1', 'Default'], ['2', 'MSRP'], ['3', 'Online']];
const CONTACT_LISTS: Array<[string, string]> = [
  ['Addresses', 'ContactAddress'], ['Phones', 'ContactPhone'], ['Emails', 'ContactEmail'], ['Websites', 'ContactWebsite'],
];
const CONTACT_TABLES = new Set(['Customer', 'Vendor', 'Employee', 'Shop']);

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function existingPrices(row: WireObject | undefined): WireObject[] {
  const prices = row?.Prices;
  if (!prices) return PRICE_LEVELS.map(([useTypeID, useType]) => ({ amount: '0', useTypeID, useType }));
  return unwrapList(prices, 'ItemPrice').map((p) => ({ ...(asObject(p) as WireObject) }));
}

/** Merges posted ItemPrices into the Item's Prices by useTypeID (or useType). */
function mergePrices(entity: SimEntity, current: WireObject[], posted: unknown): WireObject {
  for (const raw of unwrapList(posted, 'ItemPrice')) {
    const price = asObject(raw);
    const amount = String(price.amount ?? '').trim();
    if (!/^-?\d+(\.\d+)?$/.test(amount)) {
      throw new ApiError(400, `Invalid value for ${entity.responseKey}.Prices.ItemPrice.amount: ${JSON.stringify(price.amount)} is not a number`, 'ValidationException');
    }
    const id = price.useTypeID !== undefined ? String(price.useTypeID) : undefined;
    const type = price.useType !== undefined ? String(price.useType) : undefined;
    const match = current.find((p) => (id !== undefined && p.useTypeID === id) || (type !== undefined && p.useType === type));
    if (match) match.amount = amount;
    else current.push({ amount, useTypeID: id ?? '0', useType: type ?? '' });
  }
  return { ItemPrice: current };
}

/** Merges a posted Contact over the stored (or an empty) one; lists are replaced when given. */
function mergeContact(base: WireObject, posted: unknown, stamp: string): WireObject {
  const contact: WireObject = { ...base };
  const body = asObject(posted);
  for (const [key, value] of Object.entries(body)) {
    const list = CONTACT_LISTS.find(([wrapper]) => wrapper === key);
    if (list) contact[key] = wrapList(list[1], unwrapList(value, list[1]).map((v) => toWire(asObject(v)) as WireObject));
    else if (typeof value !== 'object' || value === null) contact[key] = toWire(value);
  }
  contact.timeStamp = stamp;
  return contact;
}

/** Values to store with the record itself (Item Prices), computed before insert/update. */
export function inlineNested(entity: SimEntity, table: Table, row: WireObject | undefined, nested: Record<string, unknown>): WireObject {
  if (table.name !== 'Item') return {};
  if (!row || nested.Prices !== undefined) return { Prices: mergePrices(entity, existingPrices(row), nested.Prices) };
  return {};
}

/** Side effects after the record is stored: ItemShops, Contact, Sale children. */
export function writeNested(svc: ApiServices, table: Table, row: WireObject, nested: Record<string, unknown>, created: boolean): void {
  const id = table.pkOf(row);
  const stamp = String(row.timeStamp);
  if (table.name === 'Item' && created) {
    const shops = svc.store.table('Shop')?.rows ?? [];
    for (const shopID of ['0', ...shops.map((s) => String(s.shopID))]) {
      svc.store.create('ItemShop', { itemID: String(id), shopID, qoh: '0', sellable: '0' });
    }
  }
  if (table.name === 'Item' && nested.ItemShops !== undefined) writeItemShops(svc, String(id), unwrapList(nested.ItemShops, 'ItemShop'), created);
  if (CONTACT_TABLES.has(table.name) && (created || nested.Contact !== undefined)) {
    const base = svc.store.getEmbedded(table.name, 'Contact', id) ?? emptyContact(id, stamp);
    svc.store.setEmbedded(table.name, 'Contact', id, mergeContact(base, nested.Contact, stamp));
  }
  if (table.name === 'Sale') {
    for (const [container, element] of [['SaleLines', 'SaleLine'], ['SalePayments', 'SalePayment']]) {
      const childTable = svc.store.table(element);
      const childEntity = svc.store.entities.get(element);
      if (!childTable || !childEntity || nested[container] === undefined) continue;
      for (const child of unwrapList(nested[container], element)) {
        const parsed = parseBody(childEntity, childTable, svc.relations, child, 'update');
        svc.store.create(element, { ...parsed.values, saleID: String(id) });
      }
    }
  }
}

/**
 * Refuses, before anything is stored, nested entries Lightspeed would refuse: an Item's stock entries (below). `row`
 * is the record a PUT updates; a POST checks against the shops its new record will get.
 */
export function checkNested(svc: ApiServices, table: Table, row: WireObject | undefined, nested: Record<string, unknown>): void {
  if (table.name !== 'Item' || nested.ItemShops === undefined) return;
  const given = unwrapList(nested.ItemShops, 'ItemShop');
  if (row) {
    const itemID = String(table.pkOf(row));
    planItemShops(svc, `Item ${itemID}`, stockRows(svc, itemID), given, false);
    return;
  }
  // A new Item gets a stock record in every shop and shop 0, none with an itemShopID yet.
  const shopIDs = ['0', ...(svc.store.table('Shop')?.rows ?? []).map((shop) => String(shop.shopID))];
  planItemShops(svc, 'The new Item', shopIDs.map((shopID) => ({ shopID })), given, true);
}

function stockRows(svc: ApiServices, itemID: string): WireObject[] {
  return svc.store.list('ItemShop').filter((candidate) => candidate.itemID === itemID);
}

/**
 * Stock levels sent with an Item: each entry names its ItemShop by `itemShopID` or (since 2025-06-06) `shopID` and
 * sets the values given; shop 0, the summary, then holds the sum, as Lightspeed keeps it.
 */
function writeItemShops(svc: ApiServices, itemID: string, given: unknown[], created: boolean): void {
  for (const [row, values] of planItemShops(svc, `Item ${itemID}`, stockRows(svc, itemID), given, created)) svc.store.update('ItemShop', row, values);
  refreshStockSummary(svc, itemID);
}

/**
 * Each stock entry matched to its row and its values parsed, all checked first, as Lightspeed validates "invalid or
 * redundant" entries (changelog 2025-06-06): one without either key, one for a shop the Item has no stock record in
 * (or shop 0), two for the same shop, a negative `qoh` (Lightspeed staff: qoh cannot be set negative through the
 * API). `sellable` is computed from qoh, never taken.
 */
function planItemShops(svc: ApiServices, item: string, rows: WireObject[], given: unknown[], created: boolean): Array<[WireObject, WireObject]> {
  const childTable = svc.store.table('ItemShop');
  const childEntity = svc.store.entities.get('ItemShop');
  if (!childTable || !childEntity) return [];
  const refuse = (problem: string): ApiError => new ApiError(400, `Item not ${created ? 'created' : 'updated'}. ${problem}`, 'ValidationException');
  const plan: Array<[WireObject, WireObject]> = [];
  for (const child of given) {
    const entry = asObject(child);
    const { itemShopID, shopID } = entry;
    if (itemShopID === undefined && shopID === undefined) throw refuse('An ItemShop must name its itemShopID or its shopID.');
    const row = rows.find((candidate) => (itemShopID !== undefined ? candidate.itemShopID === String(itemShopID) : candidate.shopID === String(shopID)));
    if (!row || row.shopID === '0') throw refuse(`${item} has no ItemShop ${String(itemShopID ?? `for shop ${String(shopID)}`)}.`);
    if (plan.some(([other]) => other === row)) throw refuse(`Two ItemShops name shop ${String(row.shopID)}.`);
    const values = parseBody(childEntity, childTable, svc.relations, entry, 'update').values;
    delete values.sellable; // computed from qoh
    if (values.qoh !== undefined && Number(values.qoh) < 0) throw refuse(`ItemShop qoh cannot be set to a negative value (${String(values.qoh)}).`);
    if (values.qoh !== undefined) values.sellable = values.qoh;
    plan.push([row, values]);
  }
  return plan;
}

/**
 * The shop 0 summary of an Item holds the sum of its shops' stock, as Lightspeed keeps it; rewriting it moves its
 * timeStamp too, so a poll of ItemShop by timeStamp sees every stock write, the summary's included.
 */
export function refreshStockSummary(svc: ApiServices, itemID: string): void {
  const rows = svc.store.table('ItemShop')?.rows.filter((row) => row.itemID === itemID) ?? [];
  const summary = rows.find((row) => row.shopID === '0');
  const shops = rows.filter((row) => row.shopID !== '0');
  const total = shops.reduce((sum, row) => sum + Number(row.qoh || 0), 0);
  const sellable = shops.reduce((sum, row) => sum + Math.max(0, Number(row.qoh || 0)), 0);
  if (summary) svc.store.update('ItemShop', summary, { qoh: String(total), sellable: String(sellable) });
}

/** Number of nested records in a body (each costs 0.5 drip on POST/PUT). */
export function countNestedRecords(body: unknown, depth = 0): number {
  if (Array.isArray(body)) return body.reduce((n: number, v) => n + countNestedRecords(v, depth), 0);
  if (typeof body !== 'object' || body === null) return 0;
  const values = Object.values(body as Record<string, unknown>);
  const isRecord = values.some((v) => typeof v !== 'object' || v === null);
  const own = depth > 0 && isRecord ? 1 : 0;
  return own + values.reduce((n: number, v) => n + countNestedRecords(v, depth + 1), 0);
}
