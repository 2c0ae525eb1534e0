import { MatchField, matchFieldsOf, matchSchema } from '../catalog/matchFields';
import { EntitySpec } from '../catalog/types';
import { ValidationError } from '../client/http';
import { JsonRecord } from '../catalog/records';
import { IncomingMessage, StepConfig } from '../runtime/context';
import { didYouMean } from '../text/suggest';
import { bodyObject, validated } from './validate';
import { checkGivenValues } from './writeRules';

/** The step's "Match by": undefined for the primary key (the upsert by ID), else the match field. */
export function matchFieldFromConfig(cfg: StepConfig, entity: EntitySpec): MatchField | undefined {
  const key = typeof cfg.matchField === 'string' ? cfg.matchField.trim() : '';
  if (key === '' || key === entity.primaryKey) return undefined;
  const fields = matchFieldsOf(entity);
  const field = fields.find((candidate) => candidate.key === key);
  if (!field) {
    const choices = [entity.primaryKey as string, ...fields.map((candidate) => candidate.key)];
    throw new ValidationError('matchField', `${entity.name} cannot be matched by "${key}" (choose one of ${choices.join(', ')})${didYouMean(key, choices)}`);
  }
  return field;
}

/** The body of an upsert by `field`, validated, and the value it matches on. */
export function matchInput(msg: IncomingMessage, entity: EntitySpec, field: MatchField): { body: JsonRecord; value: string } {
  const raw = bodyObject(msg.body);
  const primaryKey = entity.primaryKey as string;
  if (raw[primaryKey] !== undefined) {
    throw new ValidationError(`body.${primaryKey}`, `must be left out when matching by ${field.label}: the match finds the record`);
  }
  const body = validated(`${entity.name}:upsert:${field.key}`, matchSchema(entity, field), raw, entity.name);
  checkGivenValues(entity, body);
  const value = field.valueIn(body);
  if (value === undefined || value === null || String(value).trim() === '') {
    throw new ValidationError(field.bodyPath, `is required to match by ${field.label}`);
  }
  return { body, value: String(value) };
}
