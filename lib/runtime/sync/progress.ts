/**
 * The line a long sync writes every 100 records: how far it is, what it spent, and how long the rest takes if it keeps
 * spending at this rate per record, at the drip rate Lightspeed reports (the bucket refills no faster, whatever the
 * room left in it now).
 */
import type { Tally } from './outcomes';

/** What the account has spent so far for this message, as Lightspeed reports it. */
export interface SpendingMeter {
  drips: number;
  dripPerSecond: number | undefined;
}

/** `Sync records: 300 of 10000 done (created 2, updated 15, unchanged 283); 18.4 drips spent; about 10 min left at 1 drip/s`. */
export function progressLine(label: string, tally: Tally, total: number, spending: SpendingMeter, elapsedMs: number): string {
  const done = tally.done;
  const head = `${label}: ${done} of ${total} done (${tally.describe()}); ${round(spending.drips)} drip${spending.drips === 1 ? '' : 's'} spent`;
  if (done >= total) return `${head}, in ${duration(elapsedMs / 1000)}`;
  const rate = spending.dripPerSecond;
  if (rate === undefined || done === 0) return head;
  const seconds = (spending.drips / done) * (total - done) / rate;
  return `${head}; about ${duration(seconds)} left at ${round(rate)} drip${rate === 1 ? '' : 's'}/s`;
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** `40 s`, `14 min`, `2 h 41 min`. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
