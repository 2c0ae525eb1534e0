/** Action "Upload Image": a picture from an attachment, a URL or base64 onto an Item or ItemMatrix. */
import { MatchField } from '../catalog/matchFields';
import { EntitySpec } from '../catalog/types';
import { EntityApi } from '../client/entityApi';
import { ComponentError } from '../client/http';
import { ImageApi } from '../client/imageApi';
import { uploadImageInput } from '../input/imageInput';
import { uploadImageMetaModel } from '../metadata';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { findByKey } from '../runtime/findByKey';
import { readImage } from '../runtime/imageFiles';
import { emitData, withLightspeed } from '../runtime/session';

export async function process(this: HandlerContext, msg: IncomingMessage, cfg: StepConfig): Promise<void> {
  const input = uploadImageInput(msg, cfg);
  const image = await readImage(input.source);
  try {
    const { record, recovery } = await withLightspeed(this, cfg, async (api) => new ImageApi(api).upload({
      parent: input.parent,
      parentId: 'id' in input.target ? input.target.id : await idByKey(api, input.entity, input.target.field, input.target.value),
      description: input.description,
      ordering: input.ordering,
      file: image,
    }));
    if (recovery) this.logger.warn(recovery);
    await emitData(this, record);
  } finally {
    await image.dispose();
  }
}

async function idByKey(api: EntityApi, entity: EntitySpec, field: MatchField, value: string): Promise<number> {
  const refuse = (reason: string): Error => new ComponentError(`Upload Image: ${reason}. Nothing was uploaded.`);
  const record = await findByKey(api, entity, field, value, refuse);
  if (!record) throw refuse(`no ${entity.name} has ${field.key} ${JSON.stringify(value)} (archived included)`);
  return record[entity.primaryKey as string] as number;
}

export const getMetaModel = uploadImageMetaModel;
export async function getObjectTypes(): Promise<Record<string, string>> {
  return { Item: 'Item', ItemMatrix: 'Item Matrix' };
}
export { imageMatchFieldsModel as getMatchFields } from '../metadata';
