/** Set Stock Level's `{in, out}` for the designer: the item key chosen in "Match by", the shop, the levels; or a list. */
import { getEntity } from '../catalog';
import { toPlatformSchema } from '../catalog/platformSchema';
import { JsonSchema } from '../catalog/jsonSchema';
import { outSchema } from '../catalog/schemas';
import { stockLevelSchema, stockMatchField } from '../input/stockLevelInput';
import { MAX_SYNC_RECORDS, syncEmit } from '../input/syncInput';
import { MetaModel, syncResultSchema, syncSummarySchema } from '../metadata';
import { StepConfig } from '../runtime/context';

const integer = (title: string): JsonSchema => ({ type: 'integer', title });

/** What the action emits for one level (every number as Lightspeed answered it), described for the mapper. */
export const STOCK_LEVEL_OUT: JsonSchema = {
  type: 'object',
  properties: {
    itemID: integer('Item ID'),
    shopID: integer('Shop ID'),
    itemShopID: integer('Item Shop ID'),
    qohBefore: integer('Quantity on hand before'),
    qoh: integer('Quantity on hand'),
    reorderPoint: integer('Reorder point'),
    reorderLevel: integer('Reorder level'),
    changed: { type: 'boolean', title: 'Changed', description: 'false when the stock was already right and nothing was written' },
  },
};

/**
 * `getMetaModel` of Set Stock Level. In: one level's fields, or `levels`, a list of them; none is marked required,
 * since a message carries one or the other (the step still refuses a level without its item key or qoh). Out: one
 * level's result, or, once Emit behavior is chosen, what a list emits.
 */
export async function stockLevelMetaModel(cfg: StepConfig): Promise<MetaModel> {
  const level = stockLevelSchema(stockMatchField(cfg));
  const input: JsonSchema = {
    type: 'object',
    description: `One stock level (the item's key, the shop, qoh: required then), or levels: up to ${MAX_SYNC_RECORDS.toLocaleString('en-US')} of them. Writes only what differs.`,
    properties: {
      ...level.properties,
      levels: { type: 'array', title: 'Levels', description: 'Instead of the fields above: a list of levels, each with those fields', items: { ...level, description: 'One stock level' } },
    },
  };
  return { in: toPlatformSchema(input), out: listOut(cfg) ?? STOCK_LEVEL_OUT };
}

/** What a list emits under the chosen Emit behavior; undefined while none is chosen (one level's result). */
function listOut(cfg: StepConfig): JsonSchema | undefined {
  if (typeof cfg.emitBehavior !== 'string' || cfg.emitBehavior.trim() === '') return undefined;
  if (syncEmit(cfg) === 'emitIndividually') return syncResultSchema(outSchema(getEntity('ItemShop')));
  return syncSummarySchema(syncResultSchema(undefined));
}
