import { MatchField } from '../catalog/matchFields';
import { hasArchive } from '../catalog/schemaIn';
import { EntitySpec } from '../catalog/types';
import { EntityApi } from '../client/entityApi';
import { ComponentError } from '../client/http';
import { JsonRecord } from '../catalog/records';
import { literalValue } from '../input/filters';
import { matchInput } from '../input/matchInput';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
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
    const match = await findMatch(api, entity, field, value);
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

/** The one record carrying `value`, or undefined; several, or one that does not carry it, is an error. */
async function findMatch(api: EntityApi, entity: EntitySpec, field: MatchField, value: string): Promise<JsonRecord | undefined> {
  const params: Record<string, string> = { [field.key]: literalValue(value) };
  if (hasArchive(entity)) params.archived = 'true';
  const matches: JsonRecord[] = [];
  for await (const record of api.records(entity, { params, loadRelations: field.loadRelations })) {
    // Lightspeed compares text loosely (letter case, trailing spaces) and may not apply a filter it does not know:
    // write only to a record that carries the key itself.
    if (!field.valuesOf(record).some((candidate) => sameKey(field, candidate, value))) {
      throw refusal(`Lightspeed returned ${entity.name} ${record[entity.primaryKey as string]} for ${field.key} ${JSON.stringify(value)}, `
        + `but it carries ${describeValues(field.valuesOf(record))}`);
    }
    matches.push(record);
  }
  if (matches.length > 1) {
    const ids = matches.map((record) => record[entity.primaryKey as string]).join(', ');
    throw refusal(`${matches.length} ${entity.name} records have ${field.key} ${JSON.stringify(value)} (${entity.primaryKey} ${ids}); keep one of them`);
  }
  return matches[0];
}

function sameKey(field: MatchField, candidate: unknown, value: string): boolean {
  if (candidate === undefined || candidate === null) return false;
  return field.ignoreCase ? String(candidate).toLowerCase() === value.toLowerCase() : String(candidate) === value;
}

function withoutReadOnlyKey(body: JsonRecord, field: MatchField): JsonRecord {
  if (!field.readOnly) return body;
  const rest = { ...body };
  delete rest[field.key];
  return rest;
}

function describeValues(values: unknown[]): string {
  const present = values.filter((value) => value !== undefined && value !== null && value !== '');
  return present.length === 0 ? 'none' : present.map((value) => JSON.stringify(value)).join(', ');
}

function refusal(reason: string): ComponentError {
  return new ComponentError(`Upsert by key: ${reason}. Nothing was written.`);
}
