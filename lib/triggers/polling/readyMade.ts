/**
 * What the ready-made triggers (Completed sales, Stock changes, New customers) share: their own fields read into the
 * Polling entity trigger's fields, so that each runs the one polling engine with a fixed entity, field and filters.
 */
import { JsonSchema } from '../../catalog/schemas';
import { ValidationError } from '../../client/http';
import { MetaModel } from '../../metadata';
import { StepConfig } from '../../runtime/context';
import { triggerMetaModel } from './metadata';

/** How a ready-made trigger turns its step's fields into the Polling entity trigger's. */
export type PollingCfgBuilder = (cfg: StepConfig) => StepConfig;

/** An optional ID from a select (shopID, customerTypeID): undefined when empty, else a positive whole number. */
export function optionalId(cfg: StepConfig, field: string): number | undefined {
  const value = cfg[field];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  const id = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    throw new ValidationError(field, `must be an ID from the list (a positive whole number), got ${JSON.stringify(value)}`);
  }
  return id;
}

/** A checkbox: true, false or empty. */
export function checkbox(cfg: StepConfig, field: string): boolean {
  const value = cfg[field];
  if (value === true || value === 'true') return true;
  if (value === undefined || value === null || value === '' || value === false || value === 'false') return false;
  throw new ValidationError(field, `must be true or false, got ${JSON.stringify(value)}`);
}

/** `{field: "=,id"}` when the ID is set, else nothing. */
export function equalsFilter(field: string, id: number | undefined): Record<string, string> {
  return id === undefined ? {} : { [field]: `=,${id}` };
}

/** The step's relations to load, or the trigger's defaults when the field is empty. */
export function relationsOr(cfg: StepConfig, defaults: string[]): unknown {
  const value = cfg.loadRelations;
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? defaults : value;
}

/** `getMetaModel` of a ready-made trigger: the polled entity's records, plus `extra` output fields. */
export function readyMadeMetaModel(build: PollingCfgBuilder, extra: (cfg: StepConfig) => Record<string, JsonSchema> = () => ({})): (cfg: StepConfig) => Promise<MetaModel> {
  return async (cfg) => {
    const model = await triggerMetaModel(build(cfg));
    const added = extra(cfg);
    if (Object.keys(added).length === 0) return model;
    const withExtra = (record: JsonSchema): JsonSchema => ({ ...record, properties: { ...record.properties, ...added } });
    const results = model.out.properties?.results;
    const out = results?.items
      ? { ...model.out, properties: { results: { ...results, items: withExtra(results.items) } } }
      : withExtra(model.out);
    return { ...model, out };
  };
}
