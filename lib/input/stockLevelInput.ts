/** Set Stock Level's input: which item (by itemID or a Match by key), which shop (ID or name), the quantities. */
import { getEntity } from '../catalog';
import { fieldSchema, idSchema } from '../catalog/fieldSchemas';
import { JsonSchema } from '../catalog/jsonSchema';
import { MatchField } from '../catalog/matchFields';
import { ValidationError } from '../client/http';
import { IncomingMessage, StepConfig } from '../runtime/context';
import { matchFieldFromConfig } from './matchInput';
import { bodyObject, validated } from './validate';
import { checkQoh } from './writeRules';

/** The item: its ID, or the value of a match key that finds it. */
export type ItemRef = { itemID: number } | { field: MatchField; value: string };

/** The shop: its ID, or its name as the account shows it. */
export type ShopRef = { shopID: number } | { name: string };

/** What to write: the quantity on hand, and the reorder settings when given. */
export interface StockLevels {
  qoh: number;
  reorderPoint?: number;
  reorderLevel?: number;
}

export interface StockLevelInput {
  item: ItemRef;
  shop: ShopRef;
  levels: StockLevels;
}

const count = (title: string, description: string): JsonSchema => ({ type: 'integer', minimum: 0, title, description });

/** The action's input schema for the step's "Match by" (itemID when empty). */
export function stockLevelSchema(field: MatchField | undefined): JsonSchema {
  const item = getEntity('Item');
  const keySpec = field ? item.fields.find((candidate) => candidate.name === field.key) : undefined;
  const key: Record<string, JsonSchema> = field ? { [field.key]: { ...(keySpec ? fieldSchema(keySpec) : { type: 'string' as const }), description: `Finds the Item by ${field.label}` } } : { itemID: idSchema('itemID', 'The Item') };
  return {
    type: 'object',
    description: 'Sets the stock of one item in one shop; writes only what changed.',
    properties: {
      ...key,
      shopID: idSchema('shopID', 'The shop (or give shopName)'),
      shopName: { type: 'string', title: 'Shop name', description: 'The shop by its name, when shopID is not given' },
      qoh: { type: 'integer', title: 'Quantity on hand', description: 'The quantity to set (not a change to add), 0 or more' },
      reorderPoint: count('Reorder point', 'Optional: reorder when the stock falls to this'),
      reorderLevel: count('Reorder level', 'Optional: the stock to reorder up to'),
    },
    required: [field ? field.key : 'itemID', 'qoh'],
    additionalProperties: false,
  };
}

/** The step's "Match by" for Items: undefined for itemID. */
export function stockMatchField(cfg: StepConfig): MatchField | undefined {
  return matchFieldFromConfig(cfg, getEntity('Item'));
}

/** The message body, validated before any request. */
export function stockLevelInput(msg: IncomingMessage, cfg: StepConfig): StockLevelInput {
  return stockLevelAt(bodyObject(msg.body), stockMatchField(cfg), 'body');
}

/**
 * One level, validated: the body (`at` = `body`) or an element of a list (`levels[3]`), every error naming its field
 * there. The same compiled schema serves both.
 */
export function stockLevelAt(raw: Record<string, unknown>, field: MatchField | undefined, at: string): StockLevelInput {
  let body: Record<string, unknown>;
  try {
    body = validated(`SetStockLevel:${field?.key ?? 'itemID'}`, stockLevelSchema(field), raw, 'the stock level');
  } catch (error) {
    if (error instanceof ValidationError && at !== 'body') throw new ValidationError(error.field.replace(/^body/, at), error.problem.replace(/\bbody\./g, `${at}.`));
    throw error;
  }
  return { item: itemRef(body, field, at), shop: shopRef(body, at), levels: levels(body, at) };
}

function itemRef(body: Record<string, unknown>, field: MatchField | undefined, at: string): ItemRef {
  if (!field) return { itemID: body.itemID as number };
  const value = body[field.key];
  if (value === undefined || value === null || String(value).trim() === '') throw new ValidationError(`${at}.${field.key}`, `is required to find the Item by ${field.label}`);
  return { field, value: String(value) };
}

function shopRef(body: Record<string, unknown>, at: string): ShopRef {
  const name = typeof body.shopName === 'string' ? body.shopName.trim() : '';
  if (body.shopID !== undefined && name !== '') throw new ValidationError(`${at}.shopName`, 'must be left out when shopID is given: give one of them');
  if (body.shopID !== undefined) return { shopID: body.shopID as number };
  if (name === '') throw new ValidationError(`${at}.shopID`, `is required (or ${at}.shopName): the shop whose stock to set`);
  return { name };
}

function levels(body: Record<string, unknown>, at: string): StockLevels {
  const result: StockLevels = { qoh: body.qoh as number };
  checkQoh(`${at}.qoh`, result.qoh);
  if (body.reorderPoint !== undefined) result.reorderPoint = body.reorderPoint as number;
  if (body.reorderLevel !== undefined) result.reorderLevel = body.reorderLevel as number;
  return result;
}
