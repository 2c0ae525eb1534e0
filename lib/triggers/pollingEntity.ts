/** Trigger "Polling entity": every record whose polling field changed since the last run, exactly once, in order. */
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { runPolling } from './polling/engine';
import { pollableObjectTypes, pollingFieldsModel, triggerMetaModel } from './polling/metadata';
import { PollingSnapshot } from './polling/plan';

export { SAMPLE_SIZE } from './polling/engine';

/** One run of the trigger on the step's own fields. */
export async function processTrigger(
  this: HandlerContext, _msg: IncomingMessage, cfg: StepConfig, snapshot?: PollingSnapshot,
): Promise<void> {
  await runPolling(this, cfg, snapshot);
}

export { processTrigger as process };
export const getMetaModel = triggerMetaModel;
export const getObjectTypes = pollableObjectTypes;
export const getPollingFields = pollingFieldsModel;
