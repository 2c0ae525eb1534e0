/** Which timestamps a write moves, entity by entity. */
import { Table } from './table';
import { WireObject } from './types';

/**
 * The stamps of a change. Everywhere `timeStamp` (and `updatetime` where the entity has it) is the last change; on a
 * Sale `timeStamp` is "last modified, or if complete the time it was completed" (Lightspeed's docs): once the sale is
 * complete it stays put, and only `updatetime` follows later edits.
 */
export function changeStamps(table: Table, row: WireObject, patch: WireObject, stamp: string): WireObject {
  const stamps: WireObject = {};
  if (table.fields.has('updatetime')) stamps.updatetime = stamp;
  if (table.name !== 'Sale') return table.fields.has('timeStamp') ? { ...stamps, timeStamp: stamp } : stamps;
  const wasComplete = row.completed === 'true';
  if (!wasComplete) stamps.timeStamp = stamp;
  if (!wasComplete && patch.completed === 'true') stamps.completeTime = stamp;
  return stamps;
}
