import { createNeedsFields, fieldsToWrite, suggestedFields } from '../catalog/createFields';
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
  if (verb === 'create' || (verb === 'upsert' && !isGiven(entity.primaryKey === null ? undefined : raw[entity.primaryKey]))) {
    checkSomethingToWrite(entity, verb, raw);
  }
  if (verb === 'create' || verb === 'update' || verb === 'upsert') checkWriteValues(entity, verb, body);
  return { entity, body };
}

/**
 * A create with nothing to write (`{}`, or only the path's keys, or only empty values: a mapping that lost its
 * fields) would add an empty record: refused, naming fields it could carry.
 */
function checkSomethingToWrite(entity: EntitySpec, verb: 'create' | 'upsert', raw: JsonRecord): void {
  const schema = inSchema(entity, 'create');
  if (!createNeedsFields(entity, schema) || fieldsToWrite(schema).some((name) => isGiven(raw[name]))) return;
  const keys = (schema.required ?? []).filter((name) => isGiven(raw[name]));
  const beside = keys.length === 0 ? '' : ` beside ${keys.join(', ')}`;
  const fields = suggestedFields(schema);
  const such = `such as ${fields.slice(0, -1).join(', ')}${fields.length > 1 ? ' or ' : ''}${fields.at(-1)}`;
  throw new ValidationError('body', verb === 'create'
    ? `has nothing to write${beside}: give at least one of ${entity.name}'s fields, ${such} (an empty create would add an empty record)`
    : `has nothing to write${beside}: give ${entity.primaryKey} to update that ${entity.name}, or at least one of its fields to create one, ${such}`);
}

/** A value that writes something: not missing, null, blank, nor an object or list of nothing but such. */
function isGiven(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(isGiven);
  if (typeof value === 'object') return Object.values(value).some(isGiven);
  return true;
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
