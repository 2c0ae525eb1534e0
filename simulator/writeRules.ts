/**
 * What Lightspeed's documentation says a write does beyond storing the fields it is given: fields a PUT ignores,
 * deletes it refuses, stock a DELETE zeroes, what an action endpoint answers. The record handlers ask here, so that
 * the simulator ignores and refuses what Lightspeed does (data/lightspeed-api/catalog.json's notes, the changelog).
 */
import { ApiServices } from './context';
import { refreshStockSummary } from './nestedWrites';
import { Table } from './table';
import { ApiError, WireObject } from './types';

/** `PUT ItemShop/{itemShopID}.json` changes these only (changelog 2025-06-06); a quantity is set through the Item. */
const ITEM_SHOP_PUT_FIELDS = new Set(['reorderPoint', 'reorderLevel']);

/**
 * The values of a PUT that Lightspeed applies: on an ItemShop only the reorder settings (a `qoh` is answered 200 with
 * the record unchanged), on an Item no `archived: true` (an Item is archived by DELETE; `false` restores it).
 */
export function appliedOnUpdate(table: Table, row: WireObject, values: WireObject): WireObject {
  if (table.name === 'ItemShop') return Object.fromEntries(Object.entries(values).filter(([key]) => ITEM_SHOP_PUT_FIELDS.has(key)));
  if (table.name !== 'Item' || values.archived !== 'true' || row.archived === 'true') return values;
  return Object.fromEntries(Object.entries(values).filter(([key]) => key !== 'archived'));
}

/**
 * Whether a PUT stores anything on the record itself (and so moves its timeStamp), given the values it applies: an
 * ItemShop PUT of ignored fields changes nothing, and an Item's timeStamp "doesn't include changes to related records
 * (e.g., ItemShops)" (the Item page). Any other PUT stamps its record.
 */
export function changesRecord(table: Table, applied: WireObject): boolean {
  return Object.keys(applied).length > 0 || (table.name !== 'Item' && table.name !== 'ItemShop');
}

/** Deletes the docs say Lightspeed refuses: a completed Sale, a line of a completed or voided one, a TaxClass in use. */
export function checkDelete(svc: ApiServices, table: Table, row: WireObject): void {
  const id = String(table.pkOf(row));
  if (table.name === 'Sale' && row.completed === 'true') {
    throw new ApiError(400, `Sale not archived. Sale ${id} is completed, and a completed sale cannot be archived.`, 'ValidationException');
  }
  if (table.name === 'SaleLine') {
    const sale = svc.store.get('Sale', Number(row.saleID));
    if (sale && (sale.completed === 'true' || sale.voided === 'true')) {
      throw new ApiError(400, `SaleLine not deleted. Sale ${String(row.saleID)} is ${sale.voided === 'true' ? 'voided' : 'completed'}; its lines cannot be deleted.`, 'ValidationException');
    }
  }
  if (table.name === 'TaxClass') {
    const users = ['Item', 'SaleLine'].filter((name) => svc.store.list(name).some((other) => other.taxClassID === id));
    if (users.length > 0) throw new ApiError(400, `TaxClass not deleted. TaxClass ${id} is in use by ${users.join(' and ')} records.`, 'ValidationException');
  }
}

/** What a DELETE does besides archiving: an archived Item's stock is zeroed in every shop (the Item page). */
export function afterDelete(svc: ApiServices, table: Table, row: WireObject): void {
  if (table.name !== 'Item') return;
  const itemID = String(table.pkOf(row));
  for (const stock of svc.store.list('ItemShop').filter((other) => other.itemID === itemID && other.shopID !== '0')) {
    if (stock.qoh !== '0' || stock.sellable !== '0') svc.store.update('ItemShop', stock, { qoh: '0', sellable: '0' });
  }
  refreshStockSummary(svc, itemID);
}

/**
 * The answer of a POST to an action endpoint without records of its own. `Sale/{saleID}/EmailReceipt.json` answers a
 * message (the Sale EmailReceipt page) and needs `emailAddress`; other such endpoints are acknowledged with `{}`.
 */
export function keylessActionAnswer(entityName: string, body: unknown): WireObject {
  if (entityName !== 'SaleEmailReceipt') return {};
  const address = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).emailAddress : undefined;
  if (typeof address !== 'string' || address.trim() === '') {
    throw new ApiError(400, 'Receipt not emailed. emailAddress is required.', 'ValidationException');
  }
  return { message: `Receipt emailed to: ${address.trim()}` };
}
