/**
 * Stock levels as the sync engine syncs them: ItemShop records matched by (item, shop). A window of up to 100 levels
 * costs one `GET ItemShop.json?itemID=IN,[...]&shopID=IN,[...]` (and, by a SKU, one `IN` query of the Items first);
 * `IN` on both fields returns every pair of them, which is never more pages than one query per shop. Only the levels
 * that differ are written, where Lightspeed sets them (lib/runtime/stockWrites.ts): the quantities of one Item in one
 * PUT of its stock entries, the reorder settings through each ItemShop.
 */
import { getEntity } from '../../catalog';
import { MatchField } from '../../catalog/matchFields';
import { JsonRecord } from '../../catalog/records';
import { EntityApi } from '../../client/entityApi';
import { ComponentError } from '../../client/http';
import { StockLevels } from '../../input/stockLevelInput';
import { findByKeys, KeyLookup, severalRecords } from '../findByKeys';
import { changedLevels, putQuantities, QuantityEntry, stockAnswered, writeStock } from '../stockWrites';
import { ChangeResult, UnappliedWriteError } from './changeWrite';
import { Keyed, SyncTarget } from './engine';

/** A level ready to sync: its item's key as given, its shop resolved, what to set. */
export interface LevelItem extends Keyed {
  key: string;
  itemKey: string;
  shopID: number;
  levels: StockLevels;
}

/** The quantities of one Item that differ in a window, sent together once the first of them is settled. */
interface ItemQuantities {
  entries: QuantityEntry[];
  answer?: Promise<JsonRecord>;
}

/** The engine's target for `levels` (every level of the input, by its key), their items named by `field` or itemID. */
export function stockTarget(api: EntityApi, field: MatchField | undefined, levels: LevelItem[]): SyncTarget<LevelItem> {
  const byKey = new Map(levels.map((level) => [level.key, level]));
  let pending = new Map<number, ItemQuantities>();

  /** The ItemShop as Lightspeed answered the PUT of its Item's quantities that differ in this window. */
  const quantity = async (stock: JsonRecord, qoh: number): Promise<JsonRecord> => {
    const itemShopID = Number(stock.itemShopID);
    const planned = pending.get(Number(stock.itemID));
    const entries = planned?.entries.some((entry) => entry.itemShopID === itemShopID && entry.qoh === qoh) ? planned.entries : undefined;
    if (!planned || !entries) return stockAnswered(api, await putQuantities(api, Number(stock.itemID), [{ itemShopID, qoh }]), itemShopID);
    planned.answer ??= putQuantities(api, Number(stock.itemID), entries);
    return stockAnswered(api, await planned.answer, itemShopID);
  };

  return {
    noun: 'stock level',
    keyName: 'stock level',
    foldKey: (key) => key,
    lookup: async (keys) => {
      const window = keys.map((key) => byKey.get(key) as LevelItem);
      const found = await lookUpLevels(api, field, window);
      pending = quantitiesThatDiffer(window, found);
      return found;
    },
    several: (level, records) => `Lightspeed returned ${records.length} stock records of Item ${String(records[0].itemID)} in shop ${level.shopID} `
      + `(itemShopID ${records.map((record) => record.itemShopID).join(', ')})`,
    cannotCreate: (level) => `Lightspeed has no stock record for ${level.key}, and a stock level is never created`,
    create: () => Promise.reject(new ComponentError('a stock level is never created')),
    refuseMatch: () => undefined,
    update: async (level, stored): Promise<ChangeResult> => {
      const changes = changedLevels(stored, level.levels);
      const changed = Object.keys(changes);
      if (changed.length === 0) return { outcome: 'unchanged', record: stored, changed };
      const record = await writeStock(api, stored, changes, (reason) => new UnappliedWriteError(reason), quantity);
      return { outcome: 'updated', record, changed };
    },
    idOf: (record) => record.itemShopID,
  };
}

/** The ItemShop of each level of a window, or why it has none that can be trusted. */
async function lookUpLevels(api: EntityApi, field: MatchField | undefined, window: LevelItem[]): Promise<Map<string, KeyLookup>> {
  const items = await itemIDs(api, field, window);
  const found = new Map<string, KeyLookup>();
  const resolved: Array<[LevelItem, number]> = [];
  for (const level of window) {
    const item = items.get(level.itemKey);
    if (typeof item === 'string') found.set(level.key, { refusal: item });
    else if (item !== undefined) resolved.push([level, item]);
  }
  if (resolved.length === 0) return found;
  const stock = await stockRecords(api, resolved.map(([, itemID]) => itemID), resolved.map(([level]) => level.shopID));
  const missing: Array<[LevelItem, number]> = [];
  for (const [level, itemID] of resolved) {
    const records = typeof stock === 'string' ? stock : stock.get(pairKey(itemID, level.shopID)) ?? [];
    if (typeof records === 'string') found.set(level.key, { refusal: records });
    else if (records.length > 0) found.set(level.key, { records });
    else missing.push([level, itemID]);
  }
  const existing = missing.length > 0 && !field ? await existingItems(api, missing.map(([, itemID]) => itemID)) : undefined;
  for (const [level, itemID] of missing) {
    const known = existing === undefined || existing.has(itemID);
    found.set(level.key, { refusal: known ? `Item ${itemID} has no stock record in shop ${level.shopID}` : `no Item has itemID ${itemID}` });
  }
  return found;
}

/** Each item key's itemID, or why it has none: by itemID as given, by a match key one `IN` query per 100 keys. */
async function itemIDs(api: EntityApi, field: MatchField | undefined, window: LevelItem[]): Promise<Map<string, number | string>> {
  const keys = [...new Set(window.map((level) => level.itemKey))];
  if (!field) return new Map(keys.map((key) => [key, Number(key)]));
  const item = getEntity('Item');
  const found = await findByKeys(api, item, field, keys);
  return new Map(keys.map((key): [string, number | string] => {
    const lookup = found.get(key) ?? { records: [] };
    if ('refusal' in lookup) return [key, lookup.refusal];
    if (lookup.records.length > 1) return [key, severalRecords(item, field, key, lookup.records)];
    const [record] = lookup.records;
    return [key, record ? Number(record.itemID) : `no Item has ${field.key} ${JSON.stringify(key)} (archived included)`];
  }));
}

/**
 * The ItemShops of these items in these shops, by `${itemID}/${shopID}`. A record of another item or shop (a filter
 * Lightspeed did not apply) makes the whole answer untrusted: the refusal, as text, for every level of the window.
 */
async function stockRecords(api: EntityApi, items: number[], shops: number[]): Promise<Map<string, JsonRecord[]> | string> {
  const itemSet = new Set(items);
  const shopSet = new Set(shops);
  const params = { itemID: idFilter(itemSet), shopID: idFilter(shopSet) };
  const found = new Map<string, JsonRecord[]>();
  for await (const record of api.records(getEntity('ItemShop'), { params })) {
    const itemID = Number(record.itemID);
    const shopID = Number(record.shopID);
    if (!itemSet.has(itemID) || !shopSet.has(shopID)) {
      return `Lightspeed returned ItemShop ${String(record.itemShopID)} (Item ${itemID}, shop ${shopID}) for itemID ${params.itemID} and shopID ${params.shopID}`;
    }
    const key = pairKey(itemID, shopID);
    found.set(key, [...found.get(key) ?? [], record]);
  }
  return found;
}

/** Which of these itemIDs name an Item (archived ones included): asked only for levels Lightspeed has no stock of. */
async function existingItems(api: EntityApi, items: number[]): Promise<Set<number>> {
  const existing = new Set<number>();
  const params = { itemID: idFilter(new Set(items)), archived: 'true' };
  for await (const record of api.records(getEntity('Item'), { params })) existing.add(Number(record.itemID));
  return existing;
}

/** `7`, or `IN,[7,8,9]` (at most 100: a window's levels). */
function idFilter(ids: Set<number>): string {
  const list = [...ids].sort((a, b) => a - b);
  return list.length === 1 ? String(list[0]) : `IN,[${list.join(',')}]`;
}

function pairKey(itemID: number, shopID: number): string {
  return `${itemID}/${shopID}`;
}

/** The quantities of a window that differ, by Item: those of one Item go in one PUT. */
function quantitiesThatDiffer(window: LevelItem[], found: Map<string, KeyLookup>): Map<number, ItemQuantities> {
  const pending = new Map<number, ItemQuantities>();
  for (const level of window) {
    const lookup = found.get(level.key);
    if (!lookup || 'refusal' in lookup || lookup.records.length !== 1) continue;
    const [stock] = lookup.records;
    const { qoh } = changedLevels(stock, level.levels);
    if (qoh === undefined) continue;
    const itemID = Number(stock.itemID);
    const entries = pending.get(itemID)?.entries ?? [];
    entries.push({ itemShopID: Number(stock.itemShopID), qoh });
    pending.set(itemID, { entries });
  }
  return pending;
}
