/** Finding the one record a key of the other system names (customSku, upc, an e-mail): Upsert, Upload Image, Set Stock Level. */
import { MatchField } from '../catalog/matchFields';
import { JsonRecord } from '../catalog/records';
import { EntitySpec } from '../catalog/types';
import { EntityApi } from '../client/entityApi';
import { findByKeys, severalRecords } from './findByKeys';

/** Turns the reason a match failed into the caller's error (each says what it did not write). */
export type Refusal = (reason: string) => Error;

/**
 * The one record carrying `value` (archived ones included), or undefined: a lookup of one key (`?customSku=value`).
 * Several, or one Lightspeed returns that does not carry the value itself, are refused with `refuse(reason)`.
 * `loadRelations` adds relations the caller needs on the record.
 */
export async function findByKey(
  api: EntityApi, entity: EntitySpec, field: MatchField, value: string, refuse: Refusal, loadRelations: string[] = [],
): Promise<JsonRecord | undefined> {
  const lookup = (await findByKeys(api, entity, field, [value], { loadRelations })).get(value);
  if (!lookup) return undefined;
  if ('refusal' in lookup) throw refuse(lookup.refusal);
  if (lookup.records.length > 1) throw refuse(severalRecords(entity, field, value, lookup.records));
  return lookup.records[0];
}
