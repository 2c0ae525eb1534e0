/**
 * Scenario 8's inputs, built from what the simulator holds, as an ERP would send them: the catalog by customSku with
 * 5% of the records differing (half a description, half the default price) and 1% new; and the stock of each shop
 * of half the Items with 5% of the levels different. The changed records are spread evenly, so the first 500
 * records (the per-message sample) hold the same mix as the whole input.
 */
import { Simulator } from '../simulator';

type Row = Record<string, unknown>;

/** One record of the catalog input: what the ERP holds of an Item. */
export interface CatalogRecord {
  customSku: string;
  description: string;
  Prices: { ItemPrice: Array<{ amount: number; useType: 'Default' }> };
}

/** One stock level of the stock input. */
export interface StockLevelRecord {
  customSku: string;
  shopID: number;
  qoh: number;
}

/** How a record of the catalog input differs from the Item it names. */
export type Change = 'none' | 'description' | 'price' | 'new';

/** Record `index`'s change: 1 in 100 new, 1 in 40 a new description, 1 in 40 a new price; the rest as stored. */
export function changeOf(index: number): Change {
  if (index % 100 === 99) return 'new';
  if (index % 40 === 3) return 'description';
  if (index % 40 === 23) return 'price';
  return 'none';
}

/** Whether stock level `index` differs from what Lightspeed holds (1 in 20). */
export function stockDiffers(index: number): boolean {
  return index % 20 === 7;
}

/** The Default price of a stored Item. */
function defaultPrice(item: Row): number {
  const prices = (item.Prices as { ItemPrice: Row[] }).ItemPrice;
  return Number(prices.find((price) => price.useType === 'Default')?.amount);
}

/** `records` catalog records, record i naming Item i + 1 (or a new SKU), as `changeOf` says. */
export function catalogInput(sim: Simulator, records: number): CatalogRecord[] {
  return Array.from({ length: records }, (_, index): CatalogRecord => {
    const change = changeOf(index);
    if (change === 'new') return { customSku: `NEW-${String(index).padStart(6, '0')}`, description: `New from the ERP ${index}`, Prices: { ItemPrice: [{ amount: 19.99, useType: 'Default' }] } };
    const item = sim.store.get('Item', index + 1) as Row;
    const price = defaultPrice(item);
    return {
      customSku: String(item.customSku),
      description: change === 'description' ? `${String(item.description)} (new title)` : String(item.description),
      Prices: { ItemPrice: [{ amount: change === 'price' ? Math.round((price + 1) * 100) / 100 : price, useType: 'Default' }] },
    };
  });
}

/** `levels` stock levels: every shop of Items 1, 2... in turn, level i one more than stored when `stockDiffers`. */
export function stockInput(sim: Simulator, levels: number): StockLevelRecord[] {
  const shops = sim.store.list('Shop').map((shop) => Number(shop.shopID)).sort((a, b) => a - b);
  const byItemAndShop = new Map(sim.store.list('ItemShop').map((row) => [`${String(row.itemID)}/${String(row.shopID)}`, Number(row.qoh)]));
  return Array.from({ length: levels }, (_, index): StockLevelRecord => {
    const itemID = Math.floor(index / shops.length) + 1;
    const shopID = shops[index % shops.length];
    const qoh = byItemAndShop.get(`${itemID}/${shopID}`) ?? 0;
    return { customSku: `SKU-${String(itemID).padStart(6, '0')}`, shopID, qoh: stockDiffers(index) ? qoh + 1 : qoh };
  });
}

/** The mix an input of `records` holds: how many records each outcome should get. */
export function expectedOutcomes(records: number): { created: number; updated: number; unchanged: number } {
  const changes = Array.from({ length: records }, (_, index) => changeOf(index));
  const created = changes.filter((change) => change === 'new').length;
  const updated = changes.filter((change) => change === 'description' || change === 'price').length;
  return { created, updated, unchanged: records - created - updated };
}
