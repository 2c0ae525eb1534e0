import { InVerb, JsonSchema, inSchema } from '../catalog/schemas';
import { EntitySpec } from '../catalog/types';
import { ValidationError } from '../client/http';
import { JsonRecord } from '../catalog/records';
import { IncomingMessage, StepConfig } from '../runtime/context';
import { entityForAction } from './entity';
import { bodyObject, validated } from './validate';
import { checkWriteValues, refuseIgnoredFields } from './writeRules';

const ACTION_NAMES: Record<InVerb, string> = { create: 'Create', update: 'Update', upsert: 'Upsert', lookup: 'Lookup', delete: 'Delete' };

/**
 * The step's entity and the message body validated for `verb`: bad input fails here, before any request, and so does
 * what Lightspeed would refuse or ignore (lib/input/writeRules.ts).
 */
export function actionInput(msg: IncomingMessage, cfg: StepConfig, verb: InVerb): { entity: EntitySpec; body: JsonRecord } {
  const entity = entityForAction(cfg, verb);
  const schema = inSchema(entity, verb);
  const raw = bodyObject(msg.body);
  checkRecordKey(entity, verb, schema, raw);
  refuseIgnoredFields(entity, verb, raw);
  const body = validated(`${entity.name}:${verb}`, schema, raw, entity.name);
  if (verb === 'create' || verb === 'update' || verb === 'upsert') checkWriteValues(entity, verb, body);
  return { entity, body };
}

/**
 * Delete and Lookup take the record's ID as `id`; Update and Upsert under its own name (`customerID`); Create takes
 * none. The wrong one is answered with the right one, rather than as an unknown field.
 */
function checkRecordKey(entity: EntitySpec, verb: InVerb, schema: JsonSchema, body: JsonRecord): void {
  const { primaryKey } = entity;
  if (!primaryKey) return;
  const takes = (name: string): boolean => Object.hasOwn(schema.properties ?? {}, name);
  const given = [primaryKey, 'id'].find((name) => body[name] !== undefined && !takes(name));
  if (given === undefined) return;
  const wanted = [primaryKey, 'id'].find(takes);
  const action = ACTION_NAMES[verb];
  throw new ValidationError(`body.${given}`, wanted === undefined
    ? `${action} takes no record ID: Lightspeed assigns ${primaryKey} (Update or Upsert change an existing ${entity.name})`
    : `${action} takes the record's ID as "${wanted}": {"${wanted}": ${JSON.stringify(body[given])}}`);
}
