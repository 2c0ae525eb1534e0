import { MatchField } from '../catalog/matchFields';
import { EntitySpec } from '../catalog/types';
import { ComponentError } from '../client/http';
import { JsonRecord } from '../catalog/records';
import { matchInput } from '../input/matchInput';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { findByKey } from '../runtime/findByKey';
import { emitData, withLightspeed } from '../runtime/session';

/** What an upsert by key emits: a wrapper, so `matched` never clashes with a field of the record. */
export interface MatchedRecord {
  matched: 'created' | 'updated';
  record: JsonRecord;
}

/**
 * Upsert by a key the other system knows: look the record up by equality, archived ones included, then create it
 * (no match), update it (one) or refuse (several, or an archived one the body does not restore). Nothing is
 * written on a refusal.
 */
export async function upsertByKey(context: HandlerContext, msg: IncomingMessage, cfg: StepConfig, entity: EntitySpec, field: MatchField): Promise<void> {
  const { body, value } = matchInput(msg, entity, field);
  const result = await withLightspeed(context, cfg, async (api): Promise<MatchedRecord> => {
    const match = await findByKey(api, entity, field, value, refusal);
    if (!match) {
      if (field.readOnly) throw refusal(`no ${entity.name} has ${field.key} ${JSON.stringify(value)} (archived included), and a new one cannot be given it`);
      return { matched: 'created', record: await api.create(entity, body, body) };
    }
    const primaryKey = entity.primaryKey as string;
    const id = match[primaryKey];
    if (match.archived === true && body.archived === undefined) {
      throw refusal(`${entity.name} ${id} (${field.key} ${JSON.stringify(value)}) is archived. Add "archived": false to the body to restore and update it`);
    }
    const changes = { ...withoutReadOnlyKey(body, field), [primaryKey]: id };
    return { matched: 'updated', record: await api.update(entity, changes, changes) };
  });
  await emitData(context, result);
}

function withoutReadOnlyKey(body: JsonRecord, field: MatchField): JsonRecord {
  if (!field.readOnly) return body;
  const rest = { ...body };
  delete rest[field.key];
  return rest;
}

function refusal(reason: string): ComponentError {
  return new ComponentError(`Upsert by key: ${reason}. Nothing was written.`);
}
