/** Action "Delete Object By ID": DELETE body.id; Lightspeed archives or deletes, as the catalog says. */
import { metaModelFor, objectTypesModel } from '../metadata';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { emitData, withLightspeed } from '../runtime/session';
import { actionInput } from '../input/actionInput';

export async function process(this: HandlerContext, msg: IncomingMessage, cfg: StepConfig): Promise<void> {
  const { entity, body } = actionInput(msg, cfg, 'delete');
  const pathValues = { ...body, [entity.primaryKey as string]: body.id };
  const record = await withLightspeed(this, cfg, (api) => api.delete(entity, pathValues));
  await emitData(this, { id: body.id, result: entity.deleteSemantics === 'archive' ? 'archived' : 'deleted', record });
}

export const getMetaModel = metaModelFor('delete');
export const getObjectTypes = objectTypesModel('delete');
