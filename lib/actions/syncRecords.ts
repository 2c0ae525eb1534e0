/** Action "Sync records": many records of one entity per message, matched by a key, written only where they differ. */
import { prepareRecords, syncable, syncConfig } from '../input/syncInput';
import { matchFieldsModel, objectTypesModel, syncRecordsMetaModel } from '../metadata';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { emitData, withLightspeed } from '../runtime/session';
import { syncEntityRecords, syncRecordsOf } from '../runtime/sync/entitySync';

export async function process(this: HandlerContext, msg: IncomingMessage, cfg: StepConfig): Promise<void> {
  const config = syncConfig(cfg);
  const prepared = prepareRecords(await syncRecordsOf(msg), config);
  const individually = config.emit === 'emitIndividually';
  const summary = await withLightspeed(this, cfg, (api, client) => syncEntityRecords(api, client, config, prepared, {
    logger: this.logger,
    onResult: individually ? async (result) => { await emitData(this, result); } : undefined,
  }));
  if (!individually) await emitData(this, summary);
}

export const getMetaModel = syncRecordsMetaModel;
export const getObjectTypes = objectTypesModel(syncable);
export const getMatchFields = matchFieldsModel;
