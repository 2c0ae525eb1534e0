/**
 * The polling engine every polling trigger runs: the run's plan from the snapshot, the page walk, the records
 * emitted, the snapshot after each page. A trigger only says what to poll (a cfg for `parsePollingConfig`).
 */
import { EntityApi } from '../../client/entityApi';
import { JsonRecord } from '../../catalog/records';
import { HandlerContext, StepConfig } from '../../runtime/context';
import { emitData, withLightspeed } from '../../runtime/session';
import { PollingConfig, parsePollingConfig } from './config';
import { PollingPass, PollingPlan, PollingSnapshot, planRun } from './plan';

/** A "Retrieve sample" run shows this many records, then stops without touching the snapshot. */
export const SAMPLE_SIZE = 10;

/** What a trigger may add to the engine's walk. */
export interface PollingHooks {
  /** A page's records as they are emitted (copies with more fields): at most a request or two per page. */
  enrich?(api: EntityApi, records: JsonRecord[]): Promise<JsonRecord[]>;
}

/** One polling run of the trigger whose fields are `cfg` (the Polling entity trigger's fields). */
export async function runPolling(context: HandlerContext, cfg: StepConfig, snapshot: PollingSnapshot | undefined, hooks: PollingHooks = {}): Promise<void> {
  const sample = process.env.ELASTICIO_FLOW_TYPE === 'debug';
  const previous = sample ? undefined : snapshot;
  const config = parsePollingConfig(cfg, previous);
  const plan = planRun(config, previous, Date.now());
  if (plan.filtersNote) context.logger.info(plan.filtersNote);
  const run: Run = { context, config, plan, sample, hooks, emitted: 0 };
  await withLightspeed(context, cfg, async (api) => {
    for (const pass of plan.passes) {
      if (await walk(run, api, pass)) break;
    }
    if (!sample) await context.emit('snapshot', plan.finished());
  });
  if (sample && run.emitted === 0) throw noSampleError(config);
  const overflow = plan.overflowNote();
  if (overflow) context.logger.warn(overflow);
  context.logger.info(`${config.entity.name}: ${run.emitted} changed records emitted`);
}

interface Run {
  context: HandlerContext;
  config: PollingConfig;
  plan: PollingPlan;
  sample: boolean;
  hooks: PollingHooks;
  emitted: number;
}

/** Walks one pass's pages; true when a sample has enough records. */
async function walk(run: Run, api: EntityApi, pass: PollingPass): Promise<boolean> {
  const { context, config, plan, sample, hooks } = run;
  const pages = api.pages(config.entity, { params: pass.params, loadRelations: config.loadRelations, pageSize: { max: config.pageSize } });
  for await (const page of pages) {
    const selection = pass.select(page.records);
    const fresh = selection.records.slice(0, sample ? SAMPLE_SIZE - run.emitted : undefined);
    const shown = hooks.enrich && fresh.length > 0 ? await hooks.enrich(api, fresh) : fresh;
    await emitRecords(context, config, shown);
    pass.advance(fresh); // the records as selected: the pass knows them by identity
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
