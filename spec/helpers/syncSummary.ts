/** The one summary message of a batch (Sync records, Set Stock Level given a list), for specs that read it. */
import { expect } from 'chai';
import { SyncSummary } from '../../lib/runtime/sync/outcomes';
import { Emitted } from './component';

/** The run's only message, as a summary; fails the spec when the run threw or emitted anything else. */
export function summaryOf(result: Emitted & { thrown?: Error }): SyncSummary {
  expect(result.thrown, result.thrown?.stack).to.equal(undefined);
  expect(result.data, 'one message').to.have.length(1);
  return result.data[0] as SyncSummary;
}

/** The outcomes counted: one for each input record. */
export function total(summary: SyncSummary): number {
  return summary.created + summary.updated + summary.unchanged + summary.skipped + summary.failed;
}
