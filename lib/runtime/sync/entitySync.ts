/** Sync records of one entity: the records read, their keys looked up, each compared and written where it differs. */
import { LightspeedClient } from '../../client/LightspeedClient';
import { EntityApi } from '../../client/entityApi';
import { Logger } from '../../client/http';
import { recordList, recordsSource, RefusedRecord, SyncConfig, SyncItem } from '../../input/syncInput';
import { IncomingMessage } from '../context';
import { readJsonAttachment } from '../recordsAttachment';
import { relationsToCompare } from './changeWrite';
import { runSync } from './engine';
import { entityTarget } from './entityTarget';
import { RecordResult, SyncSummary } from './outcomes';

/** The message's records: from its body or its attachment, checked as a whole (an array of 1 to 10,000). */
export async function syncRecordsOf(msg: IncomingMessage): Promise<unknown[]> {
  const source = recordsSource(msg);
  if (source.kind === 'body') return recordList(source.records, 'body.records');
  return recordList(await readJsonAttachment(source.field, source.attachment), source.field);
}

export interface EntitySyncOptions {
  logger: Logger;
  /** One message per record instead of the summary. */
  onResult?: (result: RecordResult) => Promise<void> | void;
}

/** Syncs the prepared records; returns the summary (with what Lightspeed charged for this message's requests). */
export async function syncEntityRecords(
  api: EntityApi, client: LightspeedClient, config: SyncConfig, prepared: { items: SyncItem[]; refused: RefusedRecord[] }, options: EntitySyncOptions,
): Promise<SyncSummary> {
  const { entity, field, byPrimaryKey, mode } = config;
  const loadRelations = relationsToCompare(entity, prepared.items.map((item) => item.record));
  const total = prepared.items.length + prepared.refused.length;
  const keyed = prepared.items.filter((item) => item.key !== undefined).length;
  if (!field.inList && keyed > 0) {
    options.logger.info(`Sync records: Lightspeed documents no IN search for ${field.key}, so the ${keyed} keys are looked up one query each `
      + `(1 drip each, plus ${field.loadRelations.join(', ')} loaded), not 100 to a query`);
  }
  const target = entityTarget(api, { entity, field, byPrimaryKey, loadRelations });
  const tally = await runSync(target, { label: { progress: 'Sync records', stop: 'Sync' }, ...prepared, total, mode, logger: options.logger, spending: client.spending, onResult: options.onResult });
  return tally.summary(client.spending.drips);
}
