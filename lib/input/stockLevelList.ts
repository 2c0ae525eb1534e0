/**
 * Set Stock Level's message: one level (the fields at the top, as always) or a list of up to 10,000 under `levels`,
 * synced as Sync records syncs records. The list is checked as a whole before any request (an array of 1 to 10,000,
 * nothing beside it); a level that fails its checks is that level's failure, naming the field (`levels[3].qoh`).
 */
import { MatchField } from '../catalog/matchFields';
import { isRecord } from '../catalog/records';
import { ValidationError } from '../client/http';
import { IncomingMessage, StepConfig } from '../runtime/context';
import { StockLevelInput, stockLevelAt, stockMatchField } from './stockLevelInput';
import { MAX_SYNC_BODY_BYTES, RefusedRecord, recordList, SyncEmit, syncEmit } from './syncInput';
import { bodyObject } from './validate';

/** One level of a list: where it stands in the input, and what it names. */
export interface StockLevelEntry extends StockLevelInput {
  index: number;
}

export interface StockLevelList {
  field: MatchField | undefined;
  entries: StockLevelEntry[];
  refused: RefusedRecord[];
  /** Levels in the input (entries and refused together). */
  total: number;
  emit: SyncEmit;
}

/** What the message asks: one level, or a list. */
export type StockLevelRequest = { kind: 'one'; input: StockLevelInput } | { kind: 'list'; list: StockLevelList };

/** The message read and checked before any request; one level exactly as before lists existed. */
export function stockLevelRequest(msg: IncomingMessage, cfg: StepConfig): StockLevelRequest {
  const emit = syncEmit(cfg);
  const field = stockMatchField(cfg);
  const body = bodyObject(msg.body, MAX_SYNC_BODY_BYTES);
  if (body.levels === undefined) return { kind: 'one', input: stockLevelAt(bodyObject(body), field, 'body') };
  const beside = Object.keys(body).filter((key) => key !== 'levels');
  if (beside.length > 0) {
    throw new ValidationError(`body.${beside[0]}`, 'must be left out when body.levels is given: each level names its item, shop and quantities');
  }
  const raw = recordList(body.levels, 'body.levels');
  const entries: StockLevelEntry[] = [];
  const refused: RefusedRecord[] = [];
  raw.forEach((level, index) => {
    const at = `levels[${index}]`;
    try {
      if (!isRecord(level)) throw new ValidationError(at, `must be a stock level (a JSON object), got ${Array.isArray(level) ? 'an array' : level === null ? 'null' : typeof level}`);
      entries.push({ index, ...stockLevelAt(level, field, at) });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      refused.push({ index, key: givenKey(level, field), error: error.message });
    }
  });
  return { kind: 'list', list: { field, entries, refused, total: raw.length, emit } };
}

/** The level's key as given, for a refused one: `SKU-1 in shop 2`, or the item's key alone. */
function givenKey(level: unknown, field: MatchField | undefined): string | undefined {
  if (!isRecord(level)) return undefined;
  const item = level[field?.key ?? 'itemID'];
  if (item === undefined || item === null || String(item).trim() === '') return undefined;
  const shop = level.shopID ?? (typeof level.shopName === 'string' ? JSON.stringify(level.shopName.trim()) : undefined);
  return shop === undefined ? String(item) : levelKey(String(item), String(shop));
}

/** How a level is named in results and errors: its item's key as given, and its shop. */
export function levelKey(itemKey: string, shop: string | number): string {
  return `${itemKey} in shop ${shop}`;
}
