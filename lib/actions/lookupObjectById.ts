/** Action "Lookup Object By ID": one record by `body.id`, or the records matching `body.filters`. */
import { EntitySpec } from '../catalog/types';
import { EntityApi } from '../client/entityApi';
import { ComponentError, NotFoundError, ValidationError } from '../client/http';
import { JsonRecord } from '../catalog/records';
import { actionInput } from '../input/actionInput';
import { filterParams } from '../input/filters';
import { LookupConfig, parseLookupConfig } from '../input/lookupConfig';
import { relations } from '../input/relations';
import { metaModelFor, objectTypesModel } from '../metadata';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { attachImages, checkAttachImages, imagesIn } from '../runtime/attachImages';
import { emitData, withLightspeed } from '../runtime/session';

export async function process(this: HandlerContext, msg: IncomingMessage, cfg: StepConfig): Promise<void> {
  const config = parseLookupConfig(cfg);
  if (config.attachImages) checkAttachImages();
  const { entity, body } = actionInput(msg, cfg, 'lookup');
  const loadRelations = relations(body.loadRelations, entity, 'body.loadRelations');
  const query = body.id === undefined ? queryFrom(entity, body, loadRelations) : undefined;
  if (!query && !entity.actions.read) throw new ValidationError('body.id', `${entity.name} cannot be read by ID: look it up with filters`);
  const found = await withLightspeed(this, cfg, (api) =>
    (query ? emitMatches(this, api, entity, query, config) : emitOne(this, api, entity, body, loadRelations, config)));
  if (found === 0) await emitNothingFound(this, entity, body, config);
}

interface Query {
  params: Record<string, string>;
  loadRelations: string[];
  pathValues: JsonRecord;
}

function queryFrom(entity: EntitySpec, body: JsonRecord, loadRelations: string[]): Query {
  if (!entity.actions.query) throw new ValidationError('body.id', `is required: ${entity.name} can only be read by ID`);
  const narrowed = Object.keys(body.filters ?? {}).length > 0 || body.archived !== undefined || entity.parentKeys.length > 0;
  // A mapping that lost its id must not turn a lookup into "list every record of the account".
  if (!narrowed) throw new ValidationError('body.id', 'is required, or give body.filters to list the matching records');
  const params = filterParams(entity, (body.filters ?? {}) as Record<string, unknown>, loadRelations);
  if (body.archived !== undefined) params.archived = String(body.archived);
  return { params, loadRelations, pathValues: body };
}

async function emitOne(
  context: HandlerContext, api: EntityApi, entity: EntitySpec, body: JsonRecord, loadRelations: string[], config: LookupConfig,
): Promise<number> {
  try {
    const record = await api.read(entity, { ...body, [entity.primaryKey as string]: body.id }, loadRelations);
    await emitRecords(context, config.emitBehavior === 'emitIndividually' ? record : { results: [record] }, [record], config);
    return 1;
  } catch (error) {
    if (error instanceof NotFoundError && config.allowZeroResults) return 0;
    throw error;
  }
}

async function emitMatches(context: HandlerContext, api: EntityApi, entity: EntitySpec, query: Query, config: LookupConfig): Promise<number> {
  const all: JsonRecord[] = [];
  let count = 0;
  for await (const page of api.pages(entity, query)) {
    count += page.records.length;
    if (config.emitBehavior === 'emitIndividually') for (const record of page.records) await emitRecords(context, record, [record], config);
    else if (config.emitBehavior === 'emitPage') await emitRecords(context, { results: page.records }, page.records, config);
    else if (count > config.maxResults) throw tooManyResults(entity, config);
    else all.push(...page.records);
  }
  if (config.emitBehavior === 'emitAll' && count > 0) await emitRecords(context, { results: all }, all, config);
  return count;
}

/** One message; with "Attach images", the pictures of its Image records as its attachments. */
async function emitRecords(context: HandlerContext, body: unknown, records: JsonRecord[], config: LookupConfig): Promise<void> {
  await emitData(context, body, config.attachImages ? await attachImages(imagesIn(records)) : undefined);
}

async function emitNothingFound(context: HandlerContext, entity: EntitySpec, body: JsonRecord, config: LookupConfig): Promise<void> {
  if (!config.allowZeroResults) {
    const what = body.id === undefined ? 'matches the filters' : `has ID ${body.id}`;
    throw new ComponentError(`No ${entity.name} ${what} (turn on "Allow zero results" to emit an empty message instead)`);
  }
  await emitData(context, config.emitBehavior === 'emitIndividually' ? {} : { results: [] });
}

function tooManyResults(entity: EntitySpec, config: LookupConfig): ComponentError {
  return new ComponentError(`More than ${config.maxResults} ${entity.name} records match: narrow the filters, raise `
    + '"Maximum results", or use "Emit page"');
}

export const getMetaModel = metaModelFor('lookup');
export const getObjectTypes = objectTypesModel('lookup');
