/** Action "Create Object": POST the body, emit the created record. */
import { metaModelFor, objectTypesModel } from '../metadata';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { writeRecord } from './writeRecord';

export async function process(this: HandlerContext, msg: IncomingMessage, cfg: StepConfig): Promise<void> {
  await writeRecord(this, msg, cfg, 'create');
}

export const getMetaModel = metaModelFor('create');
export const getObjectTypes = objectTypesModel('create');
