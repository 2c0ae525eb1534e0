/** Design-time models: select lists and the in/out metadata the designer shows. All from the catalog, no API call. */
import { findEntity, getEntity, listEntities } from './catalog';
import { InVerb, JsonSchema, PlatformSchema, outSchema, platformInSchema, supportsInVerb } from './catalog/schemas';
import { IMAGE_OWNERS } from './catalog/images';
import { matchFieldsOf, matchSchema } from './catalog/matchFields';
import { toPlatformSchema } from './catalog/platformSchema';
import { EntitySpec } from './catalog/types';
import { entityForAction } from './input/entity';
import { matchFieldFromConfig } from './input/matchInput';
import { imageMatchField, imageOwnerFromConfig, uploadImageBodySchema } from './input/imageInput';
import { syncConfig, syncRecordSchema } from './input/syncInput';
import { StepConfig } from './runtime/context';

/** What `getMetaModel` answers: the input in the platform's dialect, the output as JSON Schema. */
export type MetaModel = { in: PlatformSchema; out: JsonSchema };

/** Select model `{entityName: title}` of the entities that allow `verb`, or that `accepts` takes. */
export function objectTypesModel(verb: InVerb | ((entity: EntitySpec) => boolean)): (cfg?: StepConfig) => Promise<Record<string, string>> {
  const accepts = typeof verb === 'function' ? verb : (entity: EntitySpec) => supportsInVerb(entity, verb);
  const entities = listEntities().filter(accepts);
  const model = Object.fromEntries(entities.map((entity) => [entity.name, entity.title]));
  return async () => model;
}

/** `getMetaModel` of an action. */
export function metaModelFor(verb: InVerb): (cfg: StepConfig) => Promise<MetaModel> {
  return async (cfg) => actionMetaModel(verb, cfg);
}

/** `{in, out}` of an action for the chosen entity; `in` in the platform's dialect (the mapper marks required fields). */
export function actionMetaModel(verb: InVerb, cfg: StepConfig): MetaModel {
  const entity = entityForAction(cfg, verb);
  const record = outSchema(entity);
  return { in: platformInSchema(entity, verb), out: outputShape(verb, entity, record, cfg) };
}

/** Upsert's "Match by" choices for the chosen entity: the primary key (the default), then its match fields. */
export async function matchFieldsModel(cfg: StepConfig): Promise<Record<string, string>> {
  const entity = findEntity(String(cfg.objectType ?? ''));
  if (!entity?.primaryKey || !supportsInVerb(entity, 'upsert')) return {};
  const fields = matchFieldsOf(entity).map((field) => [field.key, field.label]);
  return Object.fromEntries([[entity.primaryKey, `${entity.primaryKey} (primary key)`], ...fields]);
}

/** Upsert's `{in, out}`: by primary key like the other writes; by a match field, `{matched, record}` out. */
export async function upsertMetaModel(cfg: StepConfig): Promise<MetaModel> {
  const entity = entityForAction(cfg, 'upsert');
  const field = matchFieldFromConfig(cfg, entity);
  if (!field) return actionMetaModel('upsert', cfg);
  const matched: JsonSchema = { type: 'string', enum: ['created', 'updated', 'unchanged'], title: 'Matched' };
  return { in: toPlatformSchema(matchSchema(entity, field)), out: { type: 'object', properties: { matched, record: outSchema(entity) } } };
}

/**
 * Sync records' `{in, out}`: `records`, a list of the entity's records as Upsert takes them for the same "Match by"
 * (or `recordsAttachment`); out, the summary, or one result per record.
 */
export async function syncRecordsMetaModel(cfg: StepConfig): Promise<MetaModel> {
  const config = syncConfig(cfg);
  const input: JsonSchema = {
    type: 'object',
    properties: {
      records: { type: 'array', title: 'Records', description: `Up to 10,000 ${config.entity.title} records`, items: syncRecordSchema(config) },
      recordsAttachment: { type: 'string', title: 'Records attachment', description: 'Instead of records: the name of the message\'s attachment holding them as a JSON array' },
    },
  };
  const result = syncResultSchema(config.emit === 'emitIndividually' ? outSchema(config.entity) : undefined);
  return { in: toPlatformSchema(input), out: config.emit === 'emitIndividually' ? result : syncSummarySchema(result) };
}

/** One record's result in a batch (`record`: what emitIndividually adds). */
export function syncResultSchema(record: JsonSchema | undefined): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    index: { type: 'integer', title: 'Position in the input (from 0)' },
    key: { type: 'string', title: 'Key' },
    outcome: { type: 'string', enum: ['created', 'updated', 'unchanged', 'skipped', 'failed'], title: 'Outcome' },
    id: { type: 'integer', title: 'Lightspeed ID' },
    changed: { type: 'array', title: 'Changed fields', items: { type: 'string' } },
    error: { type: 'string', title: 'Error (failed) or reason (skipped)' },
  };
  return { type: 'object', properties: record ? { ...properties, record } : properties };
}

/** A batch's summary: the counts, the drips, the results. */
export function syncSummarySchema(result: JsonSchema): JsonSchema {
  const count = (title: string): JsonSchema => ({ type: 'integer', title });
  return {
    type: 'object',
    properties: {
      created: count('Created'), updated: count('Updated'), unchanged: count('Unchanged'), skipped: count('Skipped'), failed: count('Failed'),
      drips: { type: 'number', title: 'Drips spent', description: 'What Lightspeed charged for this message\'s requests' },
      results: { type: 'array', title: 'Results (unchanged records are counted only)', items: result },
    },
  };
}

function outputShape(verb: InVerb, entity: EntitySpec, record: JsonSchema, cfg: StepConfig): JsonSchema {
  if (verb === 'delete') {
    return {
      type: 'object',
      properties: {
        id: { type: 'integer', title: `${entity.primaryKey ?? 'ID'}` },
        result: { type: 'string', enum: ['archived', 'deleted'], title: 'Result' },
        record,
      },
    };
  }
  const grouped = verb === 'lookup' && (cfg.emitBehavior === 'emitPage' || cfg.emitBehavior === 'emitAll');
  return grouped ? resultsOf(record) : record;
}

/** `{results: [...]}`: what a step emits per page. */
export function resultsOf(record: JsonSchema): JsonSchema {
  return { type: 'object', properties: { results: { type: 'array', title: 'Results', items: record } } };
}

/** Upload Image's `{in, out}`: the record by its ID or match key and the image's source in; the Image record out. */
export async function uploadImageMetaModel(cfg: StepConfig): Promise<MetaModel> {
  const owner = imageOwnerFromConfig(cfg);
  const schema = uploadImageBodySchema(owner, imageMatchField(cfg, owner));
  return { in: toPlatformSchema(schema), out: outSchema(getEntity(`${owner.name}Image`)) };
}

/** Upload Image's "Match by" choices: the record's ID (the default), then the match fields of Upsert. */
export async function imageMatchFieldsModel(cfg: StepConfig): Promise<Record<string, string>> {
  const owner = findEntity(String(cfg.objectType ?? ''));
  if (!owner?.primaryKey || !IMAGE_OWNERS.includes(owner.name)) return {};
  // Finding a record by a key Lightspeed assigns (systemSku) is fine here: an upload creates no record.
  const fields = matchFieldsOf(owner).map((field) => [field.key, field.key]);
  return Object.fromEntries([[owner.primaryKey, `${owner.primaryKey} (the record's ID)`], ...fields]);
}
