/** Design-time models of the polling trigger: which entities it can poll, on which fields, and what it emits. */
import { findEntity } from '../../catalog';
import { outSchema } from '../../catalog/schemas';
import { MetaModel, objectTypesModel, resultsOf } from '../../metadata';
import { StepConfig } from '../../runtime/context';
import { pollableEntityFromConfig } from './config';
import { pollingChoices } from './fields';

/** Select model of the entities the trigger can poll (those with a datetime field to follow). */
export const pollableObjectTypes = objectTypesModel((entity) => pollingChoices(entity).length > 0);

/** The trigger's output: one record, or `{results: [...]}` per page. */
export async function triggerMetaModel(cfg: StepConfig): Promise<MetaModel> {
  const entity = pollableEntityFromConfig(cfg);
  const record = outSchema(entity);
  return { in: { type: 'object', properties: {} }, out: cfg.emitBehavior === 'emitPage' ? resultsOf(record) : record };
}

/** Datetime fields the trigger can poll on, for the chosen entity. */
export async function pollingFieldsModel(cfg: StepConfig): Promise<Record<string, string>> {
  const entity = findEntity(String(cfg.objectType ?? ''));
  return entity ? Object.fromEntries(pollingChoices(entity).map((choice) => [choice.field, choice.label])) : {};
}
