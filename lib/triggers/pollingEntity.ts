/** Trigger "Polling entity": every record whose polling field changed since the last run, exactly once, in order. */
import { EntityApi } from '../client/entityApi';
import { JsonRecord } from '../catalog/records';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { emitData, withLightspeed } from '../runtime/session';
import { PollingConfig, parsePollingConfig } from './polling/config';
import { pollableObjectTypes, pollingFieldsModel, triggerMetaModel } from './polling/metadata';
import { PollingPass, PollingPlan, PollingSnapshot, planRun } from './polling/plan';

/** A "Retrieve sample" run shows this many records, then stops without touching the snapshot. */
export const SAMPLE_SIZE = 10;

export async function processTrigger(
  this: HandlerContext, _msg: IncomingMessage, cfg: StepConfig, snapshot?: PollingSnapshot,
): Promise<void> {
  const sample = process.env.ELASTICIO_FLOW_TYPE === 'debug';
  const previous = sample ? undefined : snapshot;
  const config = parsePollingConfig(cfg, previous);
  const plan = planRun(config, previous, Date.now());
  const run: Run = { context: this, config, plan, sample, emitted: 0 };
  await withLightspeed(this, cfg, async (api) => {
    for (const pass of plan.passes) {
      if (await walk(run, api, pass)) break;
    }
    if (!sample) await this.emit('snapshot', plan.finished());
  });
  if (sample && run.emitted === 0) throw noSampleError(config);
  const overflow = plan.overflowNote();
  if (overflow) this.logger.warn(overflow);
  this.logger.info(`${config.entity.name}: ${run.emitted} changed records emitted`);
}

interface Run {
  context: HandlerContext;
  config: PollingConfig;
  plan: PollingPlan;
  sample: boolean;
  emitted: number;
}

/** Walks one pass's pages; true when a sample has enough records. */
async function walk(run: Run, api: EntityApi, pass: PollingPass): Promise<boolean> {
  const { context, config, plan, sample } = run;
  const pages = api.pages(config.entity, { params: pass.params, loadRelations: config.loadRelations, pageSize: { max: config.pageSize } });
  for await (const page of pages) {
    const selection = pass.select(page.records);
    const fresh = selection.records.slice(0, sample ? SAMPLE_SIZE - run.emitted : undefined);
    await emitRecords(context, config, fresh);
    pass.advance(fresh);
    run.emitted += fresh.length;
    context.logger.info(`${config.entity.name}: page ${page.number} by ${pass.field} (limit ${page.limit}), ${run.emitted} records emitted so far`);
    if (sample && run.emitted >= SAMPLE_SIZE) return true;
    // After the page's records: a crash now repeats at most this page, and never loses one.
    if (!sample && fresh.length > 0) await context.emit('snapshot', plan.snapshot());
    if (selection.done) break; // the rest is past this run's upper bound: the next run's
  }
  return false;
}

async function emitRecords(context: HandlerContext, config: PollingConfig, records: JsonRecord[]): Promise<void> {
  if (config.emitBehavior === 'emitPage') {
    if (records.length > 0) await emitData(context, { results: records });
    return;
  }
  for (const record of records) await emitData(context, record);
}

function noSampleError(config: PollingConfig): Error {
  const since = config.startTime ? ` since ${config.startTime}` : '';
  return new Error(`No ${config.entity.name} records found${since} by ${config.polling.field}: `
    + 'create or change one in Lightspeed (or set an earlier Start time), then retrieve the sample again.');
}

export { processTrigger as process };
export const getMetaModel = triggerMetaModel;
export const getObjectTypes = pollableObjectTypes;
export const getPollingFields = pollingFieldsModel;
