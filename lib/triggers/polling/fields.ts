import { EntitySpec } from '../../catalog/types';

/**
 * How a run walks the changes:
 * - `sorted`: Lightspeed sorts by the polling field (primary key breaks ties), so the snapshot is the last
 *   (value, id) emitted and a run restarts from that value, skipping what it already emitted;
 * - `window`: the field cannot be sorted on, so a run takes a fixed time window in primary-key order and the
 *   snapshot is the window plus the last id emitted in it.
 */
export type PollingStrategy = 'sorted' | 'window';

export interface PollingChoice {
  field: string;
  label: string;
  strategy: PollingStrategy;
}

/**
 * Datetime fields the trigger can poll on. Only entities with a primary key (the tie-breaker) and a plain
 * collection path (no parent ID or report dates to fill in) can be polled exactly once.
 */
export function pollingChoices(entity: EntitySpec): PollingChoice[] {
  const path = entity.paths.query;
  if (!entity.actions.query || !path || entity.primaryKey === null || path.includes('{') || entity.pathQuery) return [];
  // timeStamp (the last change) is what users mean by "changed": offer it first.
  const fields = [...entity.datetimeFields].sort((a, b) => Number(b === 'timeStamp') - Number(a === 'timeStamp'));
  return fields.map((field) => {
    const strategy: PollingStrategy = entity.sortable.includes(field) ? 'sorted' : 'window';
    return { field, strategy, label: field === 'timeStamp' ? 'timeStamp (last change)' : field };
  });
}
