/**
 * Records of one entity matched by their primary key or a "Match by" key, as Sync records syncs them; the archive rules
 * are Upsert's, shared with it.
 */
import { MatchField } from '../../catalog/matchFields';
import { JsonRecord } from '../../catalog/records';
import { EntitySpec } from '../../catalog/types';
import { EntityApi } from '../../client/entityApi';
import type { SyncItem } from '../../input/syncInput';
import { findByKeys, severalRecords } from '../findByKeys';
import { createChecked, updateChecked } from './changeWrite';
import { SyncTarget } from './engine';

export interface EntityTargetOptions {
  entity: EntitySpec;
  field: MatchField;
  /** Matching by the primary key: records without it are new. */
  byPrimaryKey: boolean;
  /** Relations loaded with each record looked up, for the comparison. */
  loadRelations: string[];
}

export function entityTarget(api: EntityApi, options: EntityTargetOptions): SyncTarget<SyncItem> {
  const { entity, field, byPrimaryKey, loadRelations } = options;
  const primaryKey = entity.primaryKey as string;
  return {
    noun: entity.name,
    keyName: field.key,
    foldKey: (key) => (field.ignoreCase ? key.toLowerCase() : key),
    lookup: (keys) => findByKeys(api, entity, field, keys, { loadRelations }),
    several: (item, records) => severalRecords(entity, field, item.key as string, records),
    cannotCreate: (item) => {
      if (byPrimaryKey) {
        return item.key === undefined ? undefined
          : `${entity.name} ${item.key} does not exist (archived included): a record is never created with an ID of its choosing (leave ${primaryKey} out to create one)`;
      }
      return field.readOnly ? `no ${entity.name} has ${field.key} ${JSON.stringify(item.key)} (archived included), and a new one cannot be given it` : undefined;
    },
    create: (item) => createChecked(api, entity, item.record),
    refuseMatch: (item, stored) => archiveRefusal(entity, field, item.key as string, stored, item.record, 'record'),
    update: (item, stored) => updateChecked(api, entity, stored, item.record),
    idOf: (record) => record[primaryKey],
  };
}

/**
 * Why an archived match, or an archive asked of an active one, is not written: archiving is how a merchant retires a
 * product or customer, so only a record that says `"archived": false` restores one; and Lightspeed archives through a
 * DELETE, not a PUT (the catalog: "archived flag cannot be set to true by PUT"). `where` is what carries the input.
 */
export function archiveRefusal(
  entity: EntitySpec, field: MatchField, value: string, stored: JsonRecord, incoming: JsonRecord, where: 'body' | 'record',
): string | undefined {
  const id = stored[entity.primaryKey as string];
  const named = `${entity.name} ${String(id)} (${field.key} ${JSON.stringify(value)})`;
  if (stored.archived === true && incoming.archived === undefined) {
    return `${named} is archived. Add "archived": false to the ${where} to restore and update it`;
  }
  if (stored.archived !== true && isTrue(incoming.archived)) {
    return `${named} is not archived, and Lightspeed archives only through a DELETE (Delete Object By ID), not a write`;
  }
  return undefined;
}

function isTrue(value: unknown): boolean {
  return value === true || String(value).toLowerCase() === 'true';
}
