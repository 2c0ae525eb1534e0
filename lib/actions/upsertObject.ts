/** Action "Upsert Object": by primary key (update when the body has one, else create), or by a "Match by" key. */
import { entityForAction } from '../input/entity';
import { matchFieldFromConfig } from '../input/matchInput';
import { matchFieldsModel, objectTypesModel, upsertMetaModel } from '../metadata';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { upsertByKey } from './upsertByKey';
import { writeRecord } from './writeRecord';

export async function process(this: HandlerContext, msg: IncomingMessage, cfg: StepConfig): Promise<void> {
  const entity = entityForAction(cfg, 'upsert');
  const field = matchFieldFromConfig(cfg, entity);
  return field ? upsertByKey(this, msg, cfg, entity, field) : writeRecord(this, msg, cfg, 'upsert');
}

export const getMetaModel = upsertMetaModel;
export const getObjectTypes = objectTypesModel('upsert');
export const getMatchFields = matchFieldsModel;
