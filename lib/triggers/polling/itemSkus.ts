/** The Item's SKUs and barcodes added to ItemShop records: one Item lookup per page, never one per record. */
import { getEntity } from '../../catalog';
import { JsonRecord } from '../../catalog/records';
import { fieldSchema } from '../../catalog/fieldSchemas';
import { JsonType } from '../../catalog/jsonSchema';
import { JsonSchema } from '../../catalog/schemas';
import { EntityApi } from '../../client/entityApi';

/** The Item fields a stock record carries with "Add SKUs": what a web shop finds its product by. */
export const SKU_FIELDS = ['customSku', 'systemSku', 'upc', 'ean'] as const;

/** Lightspeed's `IN` takes at most 100 values: a page of at most 100 records needs one request. */
const IN_LIMIT = 100;

/** Copies of `records` (ItemShops) with their Item's SKUs; an Item not found leaves them empty. */
export async function withItemSkus(api: EntityApi, records: JsonRecord[]): Promise<JsonRecord[]> {
  const ids = [...new Set(records.map((record) => Number(record.itemID)).filter((id) => Number.isSafeInteger(id) && id > 0))];
  const items = new Map<number, JsonRecord>();
  for (let start = 0; start < ids.length; start += IN_LIMIT) {
    const params = { itemID: `IN,[${ids.slice(start, start + IN_LIMIT).join(',')}]`, archived: 'true' };
    for await (const item of api.records(getEntity('Item'), { params })) items.set(Number(item.itemID), item);
  }
  return records.map((record) => {
    const item = items.get(Number(record.itemID));
    return { ...record, ...Object.fromEntries(SKU_FIELDS.map((field) => [field, item?.[field] ?? null])) };
  });
}

/** The added fields in the trigger's output schema, typed as the Item's (systemSku is a number). */
export function skuSchemas(): Record<string, JsonSchema> {
  const item = getEntity('Item');
  return Object.fromEntries(SKU_FIELDS.map((name) => {
    const spec = item.fields.find((field) => field.name === name);
    const type = spec ? fieldSchema(spec).type : 'string';
    return [name, { type: [type as JsonType, 'null'], title: `Item ${name}` }];
  }));
}
