import { EntitySpec } from '../catalog/types';
import { EntityApi } from '../client/entityApi';
import { NotFoundError } from '../client/http';
import { JsonRecord } from '../catalog/records';
import { actionInput } from '../input/actionInput';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { emitData, withLightspeed } from '../runtime/session';

/**
 * Create, update or upsert one record and emit what Lightspeed answered. Path parameters (`registerID`,
 * `saleID`, the primary key) come from the body.
 */
export async function writeRecord(context: HandlerContext, msg: IncomingMessage, cfg: StepConfig, verb: 'create' | 'update' | 'upsert'): Promise<void> {
  const { entity, body } = actionInput(msg, cfg, verb);
  const record = await withLightspeed(context, cfg, (api) => write(api, entity, body, verb));
  await emitData(context, record);
}

function write(api: EntityApi, entity: EntitySpec, body: JsonRecord, verb: 'create' | 'update' | 'upsert'): Promise<JsonRecord> {
  const hasKey = entity.primaryKey !== null && body[entity.primaryKey] !== undefined;
  if (verb === 'create' || (verb === 'upsert' && !hasKey)) return api.create(entity, body, body);
  return api.update(entity, body, body).catch((error: unknown) => {
    if (verb === 'upsert' && error instanceof NotFoundError) {
      error.message = `${entity.name} ${body[entity.primaryKey as string]} does not exist: upsert updates the record whose `
        + `${entity.primaryKey} is given and never creates one with a chosen ID (remove ${entity.primaryKey} to create). ${error.message}`;
    }
    throw error;
  });
}
