/** One full run of the Polling entity trigger into a no-op emit, timed. */
import { IncomingMessage, StepConfig } from '../lib/runtime/context';
import { PlatformMessage } from '../lib/runtime/messages';
import { processTrigger } from '../lib/triggers/pollingEntity';
import { noopContext } from './noopContext';
import { elapsedSince } from './numbers';

export interface PollOutcome {
  ms: number;
  /** Data messages emitted (one per record with emitIndividually). */
  emitted: number;
}

const MESSAGE: IncomingMessage = { id: 'bench', body: {}, headers: {} };

/** Calls the trigger's `process` as sailor would, with no snapshot: every record is new. */
export async function pollEverything(step: StepConfig, onData?: (message: PlatformMessage) => void): Promise<PollOutcome> {
  const context = noopContext(onData);
  const started = performance.now();
  await processTrigger.call(context, MESSAGE, step, undefined);
  return { ms: elapsedSince(started), emitted: context.counts.data };
}

/** Throws when a run lost or repeated records: a fast run that does not sync everything proves nothing. */
export function assertEmittedAll(outcome: PollOutcome, expected: number, label: string): void {
  if (outcome.emitted !== expected) throw new Error(`${label}: emitted ${outcome.emitted} records, expected ${expected}`);
}
