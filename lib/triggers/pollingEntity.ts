/** Trigger "Polling entity": every record whose polling field changed since the last run, exactly once, in order. */
import { JsonRecord } from '../client/normalize';
import { metaModelFor, objectTypesModel, pollingFieldsModel } from '../metadata';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { emitData, withLightspeed } from '../runtime/session';
import { PollingConfig, parsePollingConfig } from './polling/config';
import { PollingPlan, PollingSnapshot, planRun } from './polling/plan';

/** A "Retrieve sample" run shows this many records, then stops without touching the snapshot. */
export const SAMPLE_SIZE = 10;

export async function processTrigger(
  this: HandlerContext, _msg: IncomingMessage, cfg: StepConfig, snapshot?: PollingSnapshot,
): Promise<void> {
  const config = parsePollingConfig(cfg);
  const sample = process.env.ELASTICIO_FLOW_TYPE === 'debug';
  const plan = planRun(config, sample ? undefined : snapshot, Date.now());
  const emitted = await withLightspeed(this, cfg, async (api) => {
    let count = 0;
    const pages = api.pages(config.entity, { params: plan.params, loadRelations: config.loadRelations, pageSize: { max: config.pageSize } });
    for await (const page of pages) {
      const selection = plan.select(page.records);
      const fresh = selection.records.slice(0, sample ? SAMPLE_SIZE - count : undefined);
      await emitRecords(this, config, plan, fresh);
      count += fresh.length;
      this.logger.info(`${config.entity.name}: page ${page.number} (limit ${page.limit}), ${count} records emitted so far`);
      if (sample && count >= SAMPLE_SIZE) return count;
      // After the page's records: a crash now repeats at most this page, and never loses one.
      if (!sample && fresh.length > 0) await this.emit('snapshot', plan.snapshot());
      if (selection.done) break; // the rest is past this run's upper bound: the next run's
    }
    if (!sample) await this.emit('snapshot', plan.finished());
    return count;
  });
  if (sample && emitted === 0) throw noSampleError(config);
  this.logger.info(`${config.entity.name}: ${emitted} changed records emitted`);
}

async function emitRecords(context: HandlerContext, config: PollingConfig, plan: PollingPlan, records: JsonRecord[]): Promise<void> {
  if (config.emitBehavior === 'emitPage') {
    if (records.length > 0) await emitData(context, { results: records });
    records.forEach((record) => plan.advance(record));
    return;
  }
  for (const record of records) {
    await emitData(context, record);
    plan.advance(record);
  }
}

function noSampleError(config: PollingConfig): Error {
  const since = config.startTime ? ` since ${config.startTime}` : '';
  return new Error(`No ${config.entity.name} records found${since} by ${config.polling.field}: `
    + 'create or change one in Lightspeed (or set an earlier Start time), then retrieve the sample again.');
}

export { processTrigger as process };
export const getMetaModel = metaModelFor('trigger');
export const getObjectTypes = objectTypesModel('poll');
export const getPollingFields = pollingFieldsModel;
