/** Finding the one record a key of the other system names (customSku, upc, an e-mail): Upsert, Upload Image, Set Stock Level. */
import { MatchField } from '../catalog/matchFields';
import { JsonRecord } from '../catalog/records';
import { hasArchive } from '../catalog/schemaIn';
import { EntitySpec } from '../catalog/types';
import { EntityApi } from '../client/entityApi';
import { literalValue } from '../input/filters';

/** Turns the reason a match failed into the caller's error (each says what it did not write). */
export type Refusal = (reason: string) => Error;

/**
 * The one record carrying `value` (archived ones included), or undefined. Several, or one Lightspeed returns that
 * does not carry the value itself, are refused with `refuse(reason)`.
 */
export async function findByKey(
  api: EntityApi, entity: EntitySpec, field: MatchField, value: string, refuse: Refusal,
): Promise<JsonRecord | undefined> {
  const params: Record<string, string> = { [field.key]: literalValue(value) };
  if (hasArchive(entity)) params.archived = 'true';
  const matches: JsonRecord[] = [];
  for await (const record of api.records(entity, { params, loadRelations: field.loadRelations })) {
    // Lightspeed compares text loosely (letter case, trailing spaces) and may not apply a filter it does not know:
    // take only a record that carries the key itself.
    if (!field.valuesOf(record).some((candidate) => sameKey(field, candidate, value))) {
      throw refuse(`Lightspeed returned ${entity.name} ${record[entity.primaryKey as string]} for ${field.key} ${JSON.stringify(value)}, `
        + `but it carries ${describeValues(field.valuesOf(record))}`);
    }
    matches.push(record);
  }
  if (matches.length > 1) {
    const ids = matches.map((record) => record[entity.primaryKey as string]).join(', ');
    throw refuse(`${matches.length} ${entity.name} records have ${field.key} ${JSON.stringify(value)} (${entity.primaryKey} ${ids}); keep one of them`);
  }
  return matches[0];
}

function sameKey(field: MatchField, candidate: unknown, value: string): boolean {
  if (candidate === undefined || candidate === null) return false;
  return field.ignoreCase ? String(candidate).toLowerCase() === value.toLowerCase() : String(candidate) === value;
}

function describeValues(values: unknown[]): string {
  const present = values.filter((value) => value !== undefined && value !== null && value !== '');
  return present.length === 0 ? 'none' : present.map((value) => JSON.stringify(value)).join(', ');
}
