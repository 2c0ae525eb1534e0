/**
 * Sync records' step fields and message, checked before any request: the entity, its "Match by" key, what to do with
 * new and existing records, where the records are, and each record against the entity's input schema. A mistake
 * about the whole input is an error of the step; a record that fails its schema is that record's failure.
 */
import { JsonSchema } from '../catalog/jsonSchema';
import { MatchField, matchSchema, primaryKeyMatch } from '../catalog/matchFields';
import { isRecord, JsonRecord } from '../catalog/records';
import { inSchema, supportsInVerb } from '../catalog/schemas';
import { EntitySpec } from '../catalog/types';
import { ValidationError } from '../client/http';
import type { Attachment } from '../runtime/attachments';
import { IncomingMessage, StepConfig } from '../runtime/context';
import { didYouMean } from '../text/suggest';
import { entityForAction } from './entity';
import { matchFieldFromConfig } from './matchInput';
import { bodyObject, MAX_BODY_BYTES, validated } from './validate';
import { checkWriteValues, refuseIgnoredFields } from './writeRules';

export type SyncMode = 'createAndUpdate' | 'updateOnly' | 'createOnly';
export type SyncEmit = 'emitSummary' | 'emitIndividually';

export const SYNC_MODES: Readonly<Record<SyncMode, string>> = {
  createAndUpdate: 'Create and update (default)',
  updateOnly: 'Update only',
  createOnly: 'Create only',
};
export const SYNC_EMITS: Readonly<Record<SyncEmit, string>> = {
  emitSummary: 'Emit summary (default)',
  emitIndividually: 'Emit individually',
};

/** Most records one message may carry. */
export const MAX_SYNC_RECORDS = 10_000;
/** A message's body holds the records: the platform's message limit (10 MB), not one request's. */
export const MAX_SYNC_BODY_BYTES = 10 * 1024 * 1024;

export interface SyncConfig {
  entity: EntitySpec;
  /** The "Match by" key; the primary key when the step names none. */
  field: MatchField;
  /** Whether `field` is the primary key (records without it are new). */
  byPrimaryKey: boolean;
  mode: SyncMode;
  emit: SyncEmit;
}

/** Where the records are: the body's `records`, or an attachment holding a JSON array. */
export type RecordsSource =
  | { kind: 'body'; records: unknown }
  | { kind: 'attachment'; field: string; name: string; attachment: Attachment };

/** One record ready to sync: validated, with its key. */
export interface SyncItem {
  index: number;
  /** The match value (or ID) as text; undefined for a new record matched by primary key. */
  key?: string;
  record: JsonRecord;
}

/** A record refused before any request, and why. */
export interface RefusedRecord {
  index: number;
  key?: string;
  error: string;
}

/**
 * Entities a sync can take: created, updated, and looked up by a key in one collection (a nested path such as
 * `Sale/{saleID}/SaleLine.json` lists one parent's records only).
 */
export function syncable(entity: EntitySpec): boolean {
  return supportsInVerb(entity, 'upsert') && entity.actions.query && entity.paths.query !== null && entity.primaryKey !== null
    && entity.parentKeys.length === 0;
}

/** The step's fields, or a ValidationError naming the field. */
export function syncConfig(cfg: StepConfig): SyncConfig {
  const entity = entityForAction(cfg, 'upsert');
  if (!syncable(entity)) {
    throw new ValidationError('objectType', `${entity.name} records cannot be looked up by a key in one list, so they cannot be synced (Upsert Object takes them one by one)`);
  }
  const chosen = matchFieldFromConfig(cfg, entity);
  return {
    entity,
    field: chosen ?? primaryKeyMatch(entity),
    byPrimaryKey: chosen === undefined,
    mode: choice(cfg, 'syncMode', SYNC_MODES, 'createAndUpdate'),
    emit: syncEmit(cfg),
  };
}

/** The step's Emit behavior for a batch: one summary (default) or one message per record. */
export function syncEmit(cfg: StepConfig): SyncEmit {
  return choice(cfg, 'emitBehavior', SYNC_EMITS, 'emitSummary');
}

/** The records' source named by the body, or a ValidationError. */
export function recordsSource(msg: IncomingMessage): RecordsSource {
  const body = bodyObject(msg.body, MAX_SYNC_BODY_BYTES);
  const name = typeof body.recordsAttachment === 'string' ? body.recordsAttachment.trim() : '';
  const extra = Object.keys(body).filter((key) => key !== 'records' && key !== 'recordsAttachment');
  if (extra.length > 0) {
    throw new ValidationError(`body.${extra[0]}`, `not a field of Sync records' message${didYouMean(extra[0], ['records', 'recordsAttachment'])}: it takes records (an array) or recordsAttachment`);
  }
  if (body.records !== undefined && name !== '') throw new ValidationError('body.recordsAttachment', 'must be left out when body.records is given: give one of them');
  if (body.records !== undefined) return { kind: 'body', records: body.records };
  if (body.recordsAttachment !== undefined && typeof body.recordsAttachment !== 'string') throw new ValidationError('body.recordsAttachment', 'must be the name of an attachment of the message');
  if (name === '') throw new ValidationError('body.records', 'is required: an array of records, or the name of a JSON attachment holding one in body.recordsAttachment');
  return attachmentSource(msg.attachments ?? {}, name);
}

function attachmentSource(attachments: Record<string, unknown>, name: string): RecordsSource {
  const names = Object.keys(attachments);
  if (!Object.hasOwn(attachments, name)) {
    throw new ValidationError('body.recordsAttachment', `the message has no attachment "${name}" (it has ${names.length === 0 ? 'none' : names.join(', ')})${didYouMean(name, names)}`);
  }
  const field = `attachments["${name}"]`;
  const attachment = attachments[name];
  if (!isRecord(attachment) || typeof attachment.url !== 'string' || attachment.url === '') {
    throw new ValidationError(field, 'has no url: the platform puts {url, size, "content-type"} there');
  }
  return { kind: 'attachment', field, name, attachment: attachment as unknown as Attachment };
}

/** The list of records, checked as a whole: an array of 1 to 10,000. `field` names where it came from. */
export function recordList(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new ValidationError(field, `must be an array of records, got ${value === null ? 'null' : typeof value}`);
  if (value.length === 0) throw new ValidationError(field, 'is empty: there is nothing to sync');
  if (value.length > MAX_SYNC_RECORDS) {
    throw new ValidationError(field, `holds ${value.length} records; the limit is ${MAX_SYNC_RECORDS.toLocaleString('en-US')} a message: split the input`);
  }
  return value;
}

/** The schema each record is checked against: Upsert's for the same "Match by". */
export function syncRecordSchema(config: Pick<SyncConfig, 'entity' | 'field' | 'byPrimaryKey'>): JsonSchema {
  return config.byPrimaryKey ? inSchema(config.entity, 'upsert') : matchSchema(config.entity, config.field);
}

/**
 * Each record checked against the entity's schema and what Lightspeed refuses or ignores in a write (lib/input/writeRules.ts),
 * and given its key; those that fail are refused with the field named (`records[3].defaultCost: must be number, got
 * "cheap"`, `records[4].ItemShops.ItemShop.0.qoh: must be 0 or more...`), the others go on.
 */
export function prepareRecords(records: unknown[], config: SyncConfig): { items: SyncItem[]; refused: RefusedRecord[] } {
  const schema = syncRecordSchema(config);
  // The schemas Upsert compiles for the same Match by (actionInput.ts, matchInput.ts): compiled once for both.
  const cacheKey = config.byPrimaryKey ? `${config.entity.name}:upsert` : `${config.entity.name}:upsert:${config.field.key}`;
  const items: SyncItem[] = [];
  const refused: RefusedRecord[] = [];
  records.forEach((raw, index) => {
    try {
      items.push(prepareOne(raw, index, schema, cacheKey, config));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      refused.push({ index, key: keyText(isRecord(raw) ? config.field.valueIn(raw) : undefined), error: error.message });
    }
  });
  return { items, refused };
}

function prepareOne(raw: unknown, index: number, schema: JsonSchema, cacheKey: string, config: SyncConfig): SyncItem {
  const at = `records[${index}]`;
  if (!isRecord(raw)) throw new ValidationError(at, `must be a record (a JSON object), got ${Array.isArray(raw) ? 'an array' : raw === null ? 'null' : typeof raw}`);
  const size = Buffer.byteLength(JSON.stringify(raw));
  if (size > MAX_BODY_BYTES) throw new ValidationError(at, `is ${Math.round(size / 1024)} KB; a record is sent in one request of at most ${MAX_BODY_BYTES / 1024} KB`);
  const primaryKey = config.entity.primaryKey as string;
  if (!config.byPrimaryKey && raw[primaryKey] !== undefined) {
    throw new ValidationError(`${at}.${primaryKey}`, `must be left out when matching by ${config.field.label}: the match finds the record`);
  }
  let record: JsonRecord;
  try {
    // What Upsert refuses for the same Match by, before any request: a read-only field, a stock entry naming no shop...
    if (config.byPrimaryKey) refuseIgnoredFields(config.entity, 'upsert', raw);
    record = validated(cacheKey, schema, raw, config.entity.name);
    checkWriteValues(config.entity, 'upsert', record);
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(error.field.replace(/^body/, at), error.problem);
    throw error;
  }
  const key = keyText(config.field.valueIn(record));
  if (key === undefined && !config.byPrimaryKey) {
    throw new ValidationError(config.field.bodyPath.replace(/^body/, at), `is required to match by ${config.field.label}`);
  }
  return { index, key, record };
}

function keyText(value: unknown): string | undefined {
  if (value === undefined || value === null || String(value).trim() === '') return undefined;
  return String(value);
}

function choice<T extends string>(cfg: StepConfig, name: string, choices: Readonly<Record<T, string>>, fallback: T): T {
  const value = typeof cfg[name] === 'string' ? (cfg[name] as string).trim() : '';
  if (value === '') return fallback;
  const keys = Object.keys(choices) as T[];
  if (keys.includes(value as T)) return value as T;
  throw new ValidationError(name, `must be one of ${keys.join(', ')}, got "${value}"${didYouMean(value, keys)}`);
}
