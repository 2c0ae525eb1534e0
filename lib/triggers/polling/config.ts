import { EntitySpec } from '../../catalog/types';
import { ValidationError } from '../../client/errors';
import { entityFromConfig } from '../../input/entity';
import { relations } from '../../input/relations';
import { StepConfig } from '../../runtime/context';
import { PollingChoice, pollingChoices } from './fields';

export type EmitBehavior = 'emitIndividually' | 'emitPage';

/** The trigger's fields, parsed and validated once. */
export interface PollingConfig {
  entity: EntitySpec;
  polling: PollingChoice;
  pageSize: number;
  startTime?: string;
  endTime?: string;
  emitBehavior: EmitBehavior;
  loadRelations: string[];
}

/** The step's entity, if the trigger can poll it. */
export function pollableEntityFromConfig(cfg: StepConfig): EntitySpec {
  const entity = entityFromConfig(cfg);
  if (pollingChoices(entity).length === 0) {
    throw new ValidationError('objectType', `${entity.name} cannot be polled: it has no datetime field to follow, or needs a parent ID`);
  }
  return entity;
}

export function parsePollingConfig(cfg: StepConfig): PollingConfig {
  const entity = pollableEntityFromConfig(cfg);
  const startTime = parseTime(cfg, 'startTime');
  const endTime = parseTime(cfg, 'endTime');
  if (startTime && endTime && Date.parse(endTime) <= Date.parse(startTime)) {
    throw new ValidationError('endTime', `(${endTime}) must be after startTime (${startTime})`);
  }
  return {
    entity,
    polling: pollingField(cfg, entity),
    pageSize: pageSize(cfg.pageSize),
    startTime,
    endTime,
    emitBehavior: emitBehavior(cfg.emitBehavior),
    loadRelations: relations(cfg.loadRelations, entity),
  };
}

function pollingField(cfg: StepConfig, entity: EntitySpec): PollingChoice {
  const choices = pollingChoices(entity);
  const requested = typeof cfg.pollingField === 'string' && cfg.pollingField.trim() ? cfg.pollingField.trim() : undefined;
  const choice = choices.find((candidate) => candidate.field === (requested ?? 'timeStamp')) ?? (requested ? undefined : choices[0]);
  if (!choice) {
    throw new ValidationError('pollingField', `"${requested}" is not a datetime field of ${entity.name} (choose one of ${choices.map((c) => c.field).join(', ')})`);
  }
  return choice;
}

function pageSize(value: unknown): number {
  if (value === undefined || value === null || value === '') return 100;
  const size = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 100) {
    throw new ValidationError('pageSize', `must be a whole number from 1 to 100, got ${JSON.stringify(value)}`);
  }
  return size;
}

/** ISO 8601 only: Date.parse would also take "March 7", which nobody should rely on. */
function parseTime(cfg: StepConfig, field: 'startTime' | 'endTime'): string | undefined {
  const value = cfg[field];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  const text = String(value).trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) || Number.isNaN(Date.parse(text))) {
    throw new ValidationError(field, `is not an ISO 8601 date-time such as 2024-01-01T00:00:00Z, got "${text}"`);
  }
  return lightspeedTime(Date.parse(text));
}

function emitBehavior(value: unknown): EmitBehavior {
  if (value === undefined || value === null || value === '' || value === 'emitIndividually') return 'emitIndividually';
  if (value === 'emitPage') return 'emitPage';
  throw new ValidationError('emitBehavior', `must be emitIndividually or emitPage, got ${JSON.stringify(value)}`);
}

/** Epoch ms as Lightspeed writes datetimes: second precision, explicit UTC offset. */
export function lightspeedTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}+00:00`;
}
