import { MatchField } from '../catalog/matchFields';
import { EntitySpec } from '../catalog/types';
import { ComponentError } from '../client/http';
import { JsonRecord } from '../catalog/records';
import { matchInput } from '../input/matchInput';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { findByKey } from '../runtime/findByKey';
import { emitData, withLightspeed } from '../runtime/session';
import { createChecked, relationsToCompare, updateChecked } from '../runtime/sync/changeWrite';
import { archiveRefusal } from '../runtime/sync/entityTarget';

/** What an upsert by key emits: a wrapper, so `matched` never clashes with a field of the record. */
export interface MatchedRecord {
  matched: 'created' | 'updated' | 'unchanged';
  record: JsonRecord;
}

/**
 * Upsert by a key the other system knows: look the record up by equality, archived ones included (with the relations
 * the body's nested lists need for the comparison), then create it (no match), update only what differs (one; nothing
 * when nothing does) or refuse (several, or an archived one the body does not restore). Nothing is written on a refusal.
 */
export async function upsertByKey(context: HandlerContext, msg: IncomingMessage, cfg: StepConfig, entity: EntitySpec, field: MatchField): Promise<void> {
  const { body, value } = matchInput(msg, entity, field);
  const result = await withLightspeed(context, cfg, async (api): Promise<MatchedRecord> => {
    const match = await findByKey(api, entity, field, value, refusal, relationsToCompare(entity, [body]));
    if (!match) {
      if (field.readOnly) throw refusal(`no ${entity.name} has ${field.key} ${JSON.stringify(value)} (archived included), and a new one cannot be given it`);
      return { matched: 'created', record: (await createChecked(api, entity, body)).record };
    }
    const refused = archiveRefusal(entity, field, value, match, body, 'body');
    if (refused) throw refusal(refused);
    const { outcome, record } = await updateChecked(api, entity, match, body);
    if (outcome === 'unchanged') context.logger.info(`Upsert by key: ${entity.name} ${String(match[entity.primaryKey as string])} already holds every field of the body; nothing was written`);
    return { matched: outcome === 'unchanged' ? 'unchanged' : 'updated', record };
  });
  await emitData(context, result);
}

function refusal(reason: string): ComponentError {
  return new ComponentError(`Upsert by key: ${reason}. Nothing was written.`);
}
