import { EntitySpec } from '../catalog/types';
import { EntityApi } from '../client/entityApi';
import { Logger, NotFoundError } from '../client/http';
import { JsonRecord } from '../catalog/records';
import { actionInput } from '../input/actionInput';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { emitData, withLightspeed } from '../runtime/session';
import { relationsToCompare, updateChecked } from '../runtime/sync/changeWrite';

/**
 * Create, update or upsert one record and emit what Lightspeed answered. Path parameters (`registerID`,
 * `saleID`, the primary key) come from the body.
 */
export async function writeRecord(context: HandlerContext, msg: IncomingMessage, cfg: StepConfig, verb: 'create' | 'update' | 'upsert'): Promise<void> {
  const { entity, body } = actionInput(msg, cfg, verb);
  const record = await withLightspeed(context, cfg, (api) => write(api, entity, body, verb, context.logger));
  await emitData(context, record);
}

function write(api: EntityApi, entity: EntitySpec, body: JsonRecord, verb: 'create' | 'update' | 'upsert', logger: Logger): Promise<JsonRecord> {
  const hasKey = entity.primaryKey !== null && body[entity.primaryKey] !== undefined;
  if (verb === 'create' || (verb === 'upsert' && !hasKey)) return api.create(entity, body, body);
  if (verb === 'update') return api.update(entity, body, body);
  return upsertById(api, entity, body, logger);
}

/**
 * Upsert by primary key: the record read first (with the relations the body's nested lists need), then a PUT of only
 * what differs, or none when nothing does. One GET more than Update Object's plain PUT, and no write of an unchanged
 * record (which would still cost its drips and move its timeStamp for every flow polling it).
 */
async function upsertById(api: EntityApi, entity: EntitySpec, body: JsonRecord, logger: Logger): Promise<JsonRecord> {
  const primaryKey = entity.primaryKey as string;
  const stored = await api.read(entity, body, relationsToCompare(entity, [body])).catch((error: unknown) => {
    if (error instanceof NotFoundError) {
      error.message = `${entity.name} ${String(body[primaryKey])} does not exist: upsert updates the record whose `
        + `${primaryKey} is given and never creates one with a chosen ID (remove ${primaryKey} to create). ${error.message}`;
    }
    throw error;
  });
  const { outcome, record } = await updateChecked(api, entity, stored, body);
  if (outcome === 'unchanged') logger.info(`Upsert: ${entity.name} ${String(body[primaryKey])} already holds every field of the body; nothing was written`);
  return record;
}
