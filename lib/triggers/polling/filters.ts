/** The trigger's "Filters": the Lookup's filter syntax, checked the same way, AND-ed with the polling window. */
import { createHash } from 'node:crypto';
import { hasArchive } from '../../catalog/schemaIn';
import { EntitySpec } from '../../catalog/types';
import { ValidationError } from '../../client/http';
import { filterParams } from '../../input/filters';
import { PollingChoice } from './fields';

/** What the step's filters add to a PollingConfig. */
export interface PollingFilters {
  filters: Record<string, string>;
  filtersDigest?: string;
}

/**
 * The step's `filters` (a JSON object, or its text from the designer) as query parameters. The polling fields are
 * refused: the run sets their bounds itself, and a filter there would break the keyset walk.
 */
export function pollingFilters(value: unknown, entity: EntitySpec, polling: PollingChoice, loadRelations: string[]): PollingFilters {
  const given = filtersObject(value, entity);
  const refused: Record<string, string> = {};
  for (const field of polling.fields) {
    refused[field] = `${field} is the polling field: each run sets its window itself (a filter on it would break the walk); use Start time and End time`;
  }
  if (hasArchive(entity)) refused.archived = 'use "Include archived" to have archived records too';
  const filters = filterParams(entity, given, loadRelations, { path: 'filters', refused });
  return Object.keys(filters).length === 0 ? { filters } : { filters, filtersDigest: filtersDigest(filters) };
}

/** A short, order-independent digest of the filters as sent: only ever compared with an earlier one. */
export function filtersDigest(filters: Record<string, string>): string {
  const canonical = JSON.stringify(Object.entries(filters).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}

function filtersObject(value: unknown, entity: EntitySpec): Record<string, unknown> {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return {};
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new ValidationError('filters', `must be a JSON object such as ${exampleFilter(entity)}, got ${shortText(value)}`);
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ValidationError('filters', `must be a JSON object such as ${exampleFilter(entity)}, got ${shortText(JSON.stringify(parsed))}`);
  }
  return parsed as Record<string, unknown>;
}

/** An example that fits the step's entity: a filter on its own key, which every pollable entity has. */
function exampleFilter(entity: EntitySpec): string {
  return `{"${entity.primaryKey ?? 'timeStamp'}": "IN,[1,2]"}`;
}

function shortText(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
