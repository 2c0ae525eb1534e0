/** Set Stock Level's `{in, out}` for the designer: the item key chosen in "Match by", the shop, the levels. */
import { toPlatformSchema } from '../catalog/platformSchema';
import { JsonSchema } from '../catalog/jsonSchema';
import { stockLevelSchema, stockMatchField } from '../input/stockLevelInput';
import { MetaModel } from '../metadata';
import { StepConfig } from '../runtime/context';

const integer = (title: string): JsonSchema => ({ type: 'integer', title });

/** What the action emits (every number as Lightspeed answered it), described for the mapper. */
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

/** `getMetaModel` of Set Stock Level. */
export async function stockLevelMetaModel(cfg: StepConfig): Promise<MetaModel> {
  return { in: toPlatformSchema(stockLevelSchema(stockMatchField(cfg))), out: STOCK_LEVEL_OUT };
}
