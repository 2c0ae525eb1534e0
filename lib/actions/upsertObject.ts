/** Action "Upsert Object": update by primary key when the body has one, else create. */
import { metaModelFor, objectTypesModel } from '../metadata';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { writeRecord } from './writeRecord';

export function process(this: HandlerContext, msg: IncomingMessage, cfg: StepConfig): Promise<void> {
  return writeRecord(this, msg, cfg, 'upsert');
}

export const getMetaModel = metaModelFor('upsert');
export const getObjectTypes = objectTypesModel('upsert');
