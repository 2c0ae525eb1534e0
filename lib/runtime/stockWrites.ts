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

/**
 * Writes `changes` to the ItemShop `stock` (as read from Lightspeed) and returns the ItemShop as Lightspeed last
 * answered it. An answer that does not hold a value asked for fails with `fail`, naming both numbers.
 */
export async function writeStock(api: EntityApi, stock: JsonRecord, changes: Partial<StockLevels>, fail: Refusal): Promise<JsonRecord> {
  let answered = stock;
  if (changes.qoh !== undefined) {
    answered = await writeQuantity(api, stock, changes.qoh);
    expectAnswered(answered, { qoh: changes.qoh }, fail);
  }
  const reorder = Object.fromEntries(REORDER.filter((field) => changes[field] !== undefined).map((field) => [field, changes[field] as number]));
  if (Object.keys(reorder).length > 0) {
    answered = await api.update(getEntity('ItemShop'), { itemShopID: stock.itemShopID }, reorder);
    expectAnswered(answered, reorder, fail);
  }
  return answered;
}

/**
 * `PUT Item/{itemID}.json` with the one stock entry, named by its itemShopID and carrying nothing but the quantity;
 * the ItemShop as the answer holds it (a PUT of an Item answers with its ItemShops), else as read back.
 */
async function writeQuantity(api: EntityApi, stock: JsonRecord, qoh: number): Promise<JsonRecord> {
  const itemShopID = Number(stock.itemShopID);
  const item = await api.update(getEntity('Item'), { itemID: stock.itemID }, { ItemShops: { ItemShop: [{ itemShopID, qoh }] } });
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
