/**
 * One item's stock in one shop, written where Lightspeed sets it and checked against what it answered: the quantity
 * through the Item, the reorder settings through the ItemShop (the only fields that endpoint changes, changelog
 * 2025-06-06). Both writes set values, never add them, so a retry after a lost answer changes nothing twice.
 */
import { getEntity } from '../catalog';
import { JsonRecord } from '../catalog/records';
import { EntityApi } from '../client/entityApi';
import { StockLevels } from '../input/stockLevelInput';
import { Refusal } from './findByKey';

type Level = keyof StockLevels;
const REORDER: readonly Level[] = ['reorderPoint', 'reorderLevel'];

/** The levels that differ from the stored ones: none when the stock is already right. */
export function changedLevels(stock: JsonRecord, levels: StockLevels): Partial<StockLevels> {
  return Object.fromEntries(Object.entries(levels).filter(([field, value]) => Number(stock[field]) !== value));
}

/** Sends a quantity and returns the ItemShop as Lightspeed answered it. */
export type QuantityWriter = (stock: JsonRecord, qoh: number) => Promise<JsonRecord>;

/** One stock entry of an Item write: the ItemShop by its ID, and nothing but the quantity. */
export interface QuantityEntry {
  itemShopID: number;
  qoh: number;
}

/**
 * Writes `changes` to the ItemShop `stock` (as read from Lightspeed) and returns the ItemShop as Lightspeed last
 * answered it. An answer that does not hold a value asked for fails with `fail`, naming both numbers. The quantity
 * goes through `writeQuantity`: by default a PUT of the Item with this one entry (a list of levels sends an Item's
 * several entries in one PUT).
 */
export async function writeStock(
  api: EntityApi, stock: JsonRecord, changes: Partial<StockLevels>, fail: Refusal, writeQuantity: QuantityWriter = (one, qoh) => quantityOfOne(api, one, qoh),
): Promise<JsonRecord> {
  let answered = stock;
  if (changes.qoh !== undefined) {
    answered = await writeQuantity(stock, changes.qoh);
    expectAnswered(answered, { qoh: changes.qoh }, fail);
  }
  const reorder = Object.fromEntries(REORDER.filter((field) => changes[field] !== undefined).map((field) => [field, changes[field] as number]));
  if (Object.keys(reorder).length > 0) {
    answered = await api.update(getEntity('ItemShop'), { itemShopID: stock.itemShopID }, reorder);
    expectAnswered(answered, reorder, fail);
  }
  return answered;
}

async function quantityOfOne(api: EntityApi, stock: JsonRecord, qoh: number): Promise<JsonRecord> {
  const itemShopID = Number(stock.itemShopID);
  return stockAnswered(api, await putQuantities(api, Number(stock.itemID), [{ itemShopID, qoh }]), itemShopID);
}

/**
 * `PUT Item/{itemID}.json` with stock entries, each named by its itemShopID and carrying nothing but the quantity
 * (Lightspeed sets each entry, never adds one: a retry is safe). Returns the Item as answered.
 */
export function putQuantities(api: EntityApi, itemID: number, entries: QuantityEntry[]): Promise<JsonRecord> {
  return api.update(getEntity('Item'), { itemID }, { ItemShops: { ItemShop: entries.map(({ itemShopID, qoh }) => ({ itemShopID, qoh })) } });
}

/** The ItemShop as the Item's answer holds it (a PUT of an Item answers with its ItemShops), else as read back. */
export async function stockAnswered(api: EntityApi, item: JsonRecord, itemShopID: number): Promise<JsonRecord> {
  return stockIn(item, itemShopID) ?? api.read(getEntity('ItemShop'), { itemShopID });
}

function stockIn(item: JsonRecord, itemShopID: number): JsonRecord | undefined {
  const container = item.ItemShops;
  const list = typeof container === 'object' && container !== null ? (container as JsonRecord).ItemShop : undefined;
  return Array.isArray(list) ? (list as JsonRecord[]).find((entry) => Number(entry.itemShopID) === itemShopID) : undefined;
}

function expectAnswered(answered: JsonRecord, asked: Partial<StockLevels>, fail: Refusal): void {
  for (const [field, value] of Object.entries(asked)) {
    if (Number(answered[field]) === value) continue;
    throw fail(`Lightspeed answered ${field} ${String(answered[field])} for Item ${String(answered.itemID)} in shop `
      + `${String(answered.shopID)} (itemShopID ${String(answered.itemShopID)}), not the ${value} sent: it did not take it`);
  }
}
