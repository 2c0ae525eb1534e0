/** Set Stock Level given a list: the shops resolved once, then every level synced by the engine over the stock target. */
import { getEntity } from '../../catalog';
import { JsonRecord } from '../../catalog/records';
import { LightspeedClient } from '../../client/LightspeedClient';
import { EntityApi } from '../../client/entityApi';
import { Logger } from '../../client/http';
import { ShopRef } from '../../input/stockLevelInput';
import { levelKey, StockLevelList } from '../../input/stockLevelList';
import type { RefusedRecord } from '../../input/syncInput';
import { runSync } from './engine';
import { RecordResult, SyncSummary } from './outcomes';
import { LevelItem, stockTarget } from './stockTarget';

export interface StockSyncOptions {
  logger: Logger;
  /** One message per level instead of the summary. */
  onResult?: (result: RecordResult) => Promise<void> | void;
}

/** Syncs the list's levels; returns the summary (with what Lightspeed charged for this message's requests). */
export async function syncStockLevels(api: EntityApi, client: LightspeedClient, list: StockLevelList, options: StockSyncOptions): Promise<SyncSummary> {
  const shops = await accountShops(api);
  const items: LevelItem[] = [];
  const refused: RefusedRecord[] = [...list.refused];
  for (const { index, item, shop, levels } of list.entries) {
    const itemKey = 'itemID' in item ? String(item.itemID) : item.value;
    const shopID = shopIdIn(shops, shop);
    if (typeof shopID === 'number') items.push({ index, key: levelKey(itemKey, shopID), itemKey, shopID, levels });
    else refused.push({ index, key: levelKey(itemKey, 'shopID' in shop ? shop.shopID : JSON.stringify(shop.name)), error: shopID.refusal });
  }
  const target = stockTarget(api, list.field, items);
  const tally = await runSync(target, {
    label: { progress: 'Set Stock Level', stop: 'Set Stock Level' }, items, refused, total: list.total, mode: 'createAndUpdate',
    logger: options.logger, spending: client.spending, onResult: options.onResult,
  });
  return tally.summary(client.spending.drips);
}

/** The account's shops, read once for the whole list (one request for up to 100 shops). */
async function accountShops(api: EntityApi): Promise<JsonRecord[]> {
  const shops: JsonRecord[] = [];
  for await (const shop of api.records(getEntity('Shop'))) shops.push(shop);
  return shops;
}

/** The shop a level names, by ID or by name (letter case and surrounding spaces aside), or why there is none. */
function shopIdIn(shops: JsonRecord[], shop: ShopRef): number | { refusal: string } {
  const account = `the account has ${shops.map((record) => `${String(record.shopID)} ${JSON.stringify(record.name)}`).join(', ')}`;
  if ('shopID' in shop) {
    return shops.some((record) => Number(record.shopID) === shop.shopID) ? shop.shopID : { refusal: `no shop has shopID ${shop.shopID} (${account})` };
  }
  const named = shops.filter((record) => String(record.name).trim().toLowerCase() === shop.name.toLowerCase());
  if (named.length === 1) return Number(named[0].shopID);
  if (named.length > 1) return { refusal: `${named.length} shops are named ${JSON.stringify(shop.name)} (shopID ${named.map((record) => record.shopID).join(', ')}): give shopID` };
  return { refusal: `no shop is named ${JSON.stringify(shop.name)} (${account})` };
}
