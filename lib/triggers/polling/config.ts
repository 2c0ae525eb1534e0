import { hasArchive } from '../../catalog/schemaIn';
import { EntitySpec } from '../../catalog/types';
import { ValidationError } from '../../client/http';
import { entityFromConfig } from '../../input/entity';
import { relations } from '../../input/relations';
import { pollingFilters } from './filters';
import { didYouMean } from '../../text/suggest';
import { StepConfig } from '../../runtime/context';
import { PollingChoice, pollingChoices } from './fields';
import { lightspeedTime } from './time';

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
  /** Ask for archived records too (Lightspeed's "deletes" of Items, Customers, Sales...). */
  includeArchived: boolean;
  /** How far each run reads back behind what it emitted, for records that became visible late. */
  lookbackSeconds: number;
  /** Query parameters of the step's Filters, sent with every page of every pass (empty without filters). */
  filters: Record<string, string>;
  /** A short digest of `filters`, kept in the snapshot to notice a change; undefined without filters. */
  filtersDigest?: string;
}

/**
 * Records can become visible to the API a few seconds after others stamped later (a long transaction, a replica
 * behind, clocks apart): a minute covers that many times over, and costs each run one re-read of the last minute.
 */
export const DEFAULT_LOOKBACK_SECONDS = 60;
/** A day: beyond that a record is not late, it is lost elsewhere, and the re-read would cost every run dearly. */
const MAX_LOOKBACK_SECONDS = 86_400;

/** The step's entity, if the trigger can poll it. */
export function pollableEntityFromConfig(cfg: StepConfig): EntitySpec {
  const entity = entityFromConfig(cfg);
  if (pollingChoices(entity).length === 0) {
    throw new ValidationError('objectType', `${entity.name} cannot be polled: it has no datetime field to follow, or needs a parent ID`);
  }
  return entity;
}

/** The trigger's config; `snapshot` is the stored one, whose polling field is kept when the step names none. */
export function parsePollingConfig(cfg: StepConfig, snapshot?: { objectType?: unknown; pollingField?: unknown }): PollingConfig {
  const entity = pollableEntityFromConfig(cfg);
  const startTime = parseTime(cfg, 'startTime');
  const endTime = parseTime(cfg, 'endTime');
  if (startTime && endTime && Date.parse(endTime) <= Date.parse(startTime)) {
    throw new ValidationError('endTime', `(${endTime}) must be after startTime (${startTime})`);
  }
  const polling = pollingField(cfg, entity, snapshot?.objectType === entity.name ? snapshot.pollingField : undefined);
  const loadRelations = relations(cfg.loadRelations, entity);
  return {
    entity,
    polling,
    pageSize: pageSize(cfg.pageSize),
    startTime,
    endTime,
    emitBehavior: emitBehavior(cfg.emitBehavior),
    loadRelations,
    includeArchived: includeArchived(cfg.includeArchived, entity),
    lookbackSeconds: lookbackSeconds(cfg.lookbackSeconds),
    ...pollingFilters(cfg.filters, entity, polling, loadRelations),
  };
}

/**
 * The step's field; without one, the field a stored snapshot was made with (a changed default must not restart a
 * running flow), else the entity's default (the first choice).
 */
function pollingField(cfg: StepConfig, entity: EntitySpec, snapshotField: unknown): PollingChoice {
  const choices = pollingChoices(entity);
  const requested = typeof cfg.pollingField === 'string' && cfg.pollingField.trim() ? cfg.pollingField.trim() : undefined;
  const kept = choices.find((candidate) => candidate.field === snapshotField);
  const choice = requested ? choices.find((candidate) => candidate.field === requested) : kept ?? choices[0];
  if (!choice) {
    const fields = choices.map((candidate) => candidate.field);
    throw new ValidationError('pollingField', `"${requested}" is not a datetime field of ${entity.name} (choose one of ${fields.join(', ')})${didYouMean(requested ?? '', fields)}`);
  }
  return choice;
}

function includeArchived(value: unknown, entity: EntitySpec): boolean {
  const on = value === true || value === 'true';
  if (!on && value !== undefined && value !== null && value !== '' && value !== false && value !== 'false') {
    throw new ValidationError('includeArchived', `must be true or false, got ${JSON.stringify(value)}`);
  }
  if (on && !hasArchive(entity)) {
    throw new ValidationError('includeArchived', `${entity.name} records are never archived (Lightspeed deletes them or keeps them): turn it off`);
  }
  return on;
}

function lookbackSeconds(value: unknown): number {
  if (value === undefined || value === null || value === '') return DEFAULT_LOOKBACK_SECONDS;
  const seconds = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0 || seconds > MAX_LOOKBACK_SECONDS) {
    throw new ValidationError('lookbackSeconds', `must be a whole number of seconds from 0 to ${MAX_LOOKBACK_SECONDS}, got ${JSON.stringify(value)}`);
  }
  return seconds;
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
