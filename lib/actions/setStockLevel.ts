/**
 * Action "Set Stock Level": sets the quantity on hand (and optionally the reorder settings) of one item in one shop,
 * where Lightspeed sets them (lib/runtime/stockWrites.ts), or of a list of up to 10,000 such levels, synced as Sync
 * records syncs records (lib/runtime/sync/stockSync.ts). Setting, not adding, so that a retry after a lost answer
 * changes nothing twice; only what differs is written, and what Lightspeed answered is emitted.
 */
import { getEntity } from '../catalog';
import { matchFieldsOf } from '../catalog/matchFields';
import { JsonRecord } from '../catalog/records';
import { EntityApi } from '../client/entityApi';
import { ComponentError, NotFoundError } from '../client/http';
import { literalValue } from '../input/filters';
import { ItemRef, ShopRef, StockLevelInput } from '../input/stockLevelInput';
import { StockLevelList, stockLevelRequest } from '../input/stockLevelList';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { findByKey } from '../runtime/findByKey';
import { emitData, withLightspeed } from '../runtime/session';
import { changedLevels, writeStock } from '../runtime/stockWrites';
import { syncStockLevels } from '../runtime/sync/stockSync';
import { stockLevelMetaModel } from './stockLevelMetadata';

/** What the action emits: every number as Lightspeed answered it. */
export interface StockLevelResult {
  itemID: number;
  shopID: number;
  itemShopID: number;
  qohBefore: number;
  qoh: number;
  reorderPoint: number;
  reorderLevel: number;
  changed: boolean;
}

export async function process(this: HandlerContext, msg: IncomingMessage, cfg: StepConfig): Promise<void> {
  const request = stockLevelRequest(msg, cfg);
  if (request.kind === 'list') return setStockLevels(this, cfg, request.list);
  const result = await withLightspeed(this, cfg, (api) => setStockLevel(api, request.input));
  await emitData(this, result);
}

/** A list: one summary (or one message per level, as it is settled). */
async function setStockLevels(context: HandlerContext, cfg: StepConfig, list: StockLevelList): Promise<void> {
  const individually = list.emit === 'emitIndividually';
  const summary = await withLightspeed(context, cfg, (api, client) => syncStockLevels(api, client, list, {
    logger: context.logger,
    onResult: individually ? async (result) => { await emitData(context, result); } : undefined,
  }));
  if (!individually) await emitData(context, summary);
}

async function setStockLevel(api: EntityApi, input: StockLevelInput): Promise<StockLevelResult> {
  const itemID = await itemIdOf(api, input.item);
  const shopID = await shopIdOf(api, input.shop);
  const stock = await itemShopOf(api, itemID, shopID);
  const changes = changedLevels(stock, input.levels);
  const changed = Object.keys(changes).length > 0;
  const answered = changed ? await writeStock(api, stock, changes, notTaken) : stock;
  return {
    itemID: Number(answered.itemID),
    shopID: Number(answered.shopID),
    itemShopID: Number(answered.itemShopID),
    qohBefore: Number(stock.qoh),
    qoh: Number(answered.qoh),
    reorderPoint: Number(answered.reorderPoint),
    reorderLevel: Number(answered.reorderLevel),
    changed,
  };
}

async function itemIdOf(api: EntityApi, item: ItemRef): Promise<number> {
  if ('itemID' in item) return item.itemID;
  const { field, value } = item;
  const match = await findByKey(api, getEntity('Item'), field, value, refusal);
  if (!match) throw refusal(`no Item has ${field.key} ${JSON.stringify(value)} (archived included)`);
  return Number(match.itemID);
}

async function shopIdOf(api: EntityApi, shop: ShopRef): Promise<number> {
  if ('shopID' in shop) return shop.shopID;
  const shops = getEntity('Shop');
  const named = await collect(api.records(shops, { params: { name: literalValue(shop.name) } }));
  const exact = named.filter((record) => String(record.name).trim().toLowerCase() === shop.name.toLowerCase());
  if (exact.length === 1) return Number(exact[0].shopID);
  if (exact.length > 1) throw refusal(`${exact.length} shops are named ${JSON.stringify(shop.name)} (shopID ${exact.map((record) => record.shopID).join(', ')}): give shopID`);
  const all = await collect(api.records(shops));
  throw refusal(`no shop is named ${JSON.stringify(shop.name)} (the account has ${all.map((record) => `${record.shopID} ${JSON.stringify(record.name)}`).join(', ')})`);
}

/** The item's stock record in the shop; when there is none, says whether the item or the shop does not exist. */
async function itemShopOf(api: EntityApi, itemID: number, shopID: number): Promise<JsonRecord> {
  const params = { itemID: String(itemID), shopID: String(shopID) };
  const [stock, ...more] = await collect(api.records(getEntity('ItemShop'), { params }));
  if (stock && more.length === 0) return stock;
  if (stock) throw refusal(`Lightspeed returned ${more.length + 1} stock records of Item ${itemID} in shop ${shopID}`);
  try {
    await api.read(getEntity('Item'), { itemID });
  } catch (error) {
    if (error instanceof NotFoundError) throw refusal(`no Item has itemID ${itemID}`);
    throw error;
  }
  throw refusal(`Item ${itemID} has no stock record in shop ${shopID}: no shop has shopID ${shopID}`);
}

async function collect(records: AsyncGenerator<JsonRecord>): Promise<JsonRecord[]> {
  const list: JsonRecord[] = [];
  for await (const record of records) list.push(record);
  return list;
}

function refusal(reason: string): ComponentError {
  return new ComponentError(`Set Stock Level: ${reason}. Nothing was written.`);
}

/** An answer that does not hold what was sent. */
function notTaken(reason: string): ComponentError {
  return new ComponentError(`Set Stock Level: ${reason}.`);
}

export const getMetaModel = stockLevelMetaModel;
/** "Match by" choices: itemID, then the Item's keys (no "updates only" note: this action never creates an Item). */
export async function getMatchFields(): Promise<Record<string, string>> {
  return Object.fromEntries([['itemID', 'itemID (default)'], ...matchFieldsOf(getEntity('Item')).map((field) => [field.key, field.key])]);
}
