/**
 * The records a verified tap names, loaded with the step's relations: the Sale (sale, refund and layaway screens)
 * or the Workorder (workorder screen) by `saleID`, and the Customer by `customerID`. Lightspeed documents neither the
 * other screens' `type` nor what their `saleID` holds, so those load no sale rather than a wrong one.
 */
import { getEntity } from '../catalog';
import { JsonRecord } from '../catalog/records';
import { EntityApi } from '../client/entityApi';
import { TapEntity, TapLoad } from '../input/tap/buttonConfig';

const SALE_SCREENS = new Set(['sale', 'refund', 'layaway']);

/** `{Sale: {...}, Customer: {...}}`: each record the tap names, one request each, in the order of Load records. */
export async function loadTapRecords(api: EntityApi, loads: TapLoad[], tap: Record<string, string>): Promise<Record<string, JsonRecord>> {
  const loaded: Record<string, JsonRecord> = {};
  for (const load of loads) {
    const id = tapRecordId(load.entity, tap);
    if (id === undefined) continue;
    const entity = getEntity(load.entity);
    loaded[load.entity] = await api.read(entity, { [entity.primaryKey as string]: id }, load.relations);
  }
  return loaded;
}

/** The ID of `entity` in the tap, or undefined when the tap names none (`0`, empty, or another screen's record). */
export function tapRecordId(entity: TapEntity, tap: Record<string, string>): number | undefined {
  const screen = (tap.type ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (entity === 'Customer') return positiveId(tap.customerID);
  if (entity === 'Workorder') return screen === 'workorder' ? positiveId(tap.saleID) : undefined;
  return SALE_SCREENS.has(screen) ? positiveId(tap.saleID) : undefined;
}

function positiveId(value: string | undefined): number | undefined {
  return value !== undefined && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : undefined;
}
