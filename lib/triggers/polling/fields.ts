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
  /** The step's `pollingField` value: a field, or two joined by `|` that are followed together. */
  field: string;
  /** The datetime fields a run reads, one query each. */
  fields: string[];
  label: string;
  strategy: PollingStrategy;
}

/**
 * Sale's `timeStamp` is "last modified, or if complete the time it was completed" (Lightspeed's docs): an edit after
 * completion does not move it, but moves the sortable `updatetime`, which older sales leave empty (a filter on it
 * never matches them). Together they miss no change: the default for an entity that has both.
 */
const LAST_CHANGE_PAIR = ['timeStamp', 'updatetime'];

/**
 * Datetime fields the trigger can poll on, the default first. Only entities with a primary key (the tie-breaker) and
 * a plain collection path (no parent ID or report dates to fill in) can be polled exactly once.
 */
export function pollingChoices(entity: EntitySpec): PollingChoice[] {
  const path = entity.paths.query;
  if (!entity.actions.query || !path || entity.primaryKey === null || path.includes('{') || entity.pathQuery) return [];
  // timeStamp (the last change) is what users mean by "changed": offer it first.
  const fields = [...entity.datetimeFields].sort((a, b) => Number(b === 'timeStamp') - Number(a === 'timeStamp'));
  const single = fields.map((field): PollingChoice => {
    const strategy: PollingStrategy = entity.sortable.includes(field) ? 'sorted' : 'window';
    return { field, fields: [field], strategy, label: field === 'timeStamp' ? 'timeStamp (last change)' : field };
  });
  if (!LAST_CHANGE_PAIR.every((field) => fields.includes(field) && entity.sortable.includes(field))) return single;
  const pair: PollingChoice = {
    field: LAST_CHANGE_PAIR.join('|'),
    fields: LAST_CHANGE_PAIR,
    strategy: 'sorted',
    label: 'timeStamp or updatetime (any change, edits after completion included)',
  };
  return [pair, ...single.map((choice) => (choice.field === 'timeStamp'
    ? { ...choice, label: 'timeStamp (last change while open; the completion time once complete)' }
    : choice))];
}
