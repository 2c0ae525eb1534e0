/** Action "Update Object": PUT the body to the record its primary key names, emit the updated record. */
import { metaModelFor, objectTypesModel } from '../metadata';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { writeRecord } from './writeRecord';

export async function process(this: HandlerContext, msg: IncomingMessage, cfg: StepConfig): Promise<void> {
  await writeRecord(this, msg, cfg, 'update');
}

export const getMetaModel = metaModelFor('update');
export const getObjectTypes = objectTypesModel('update');
