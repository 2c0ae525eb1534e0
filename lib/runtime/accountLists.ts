/** Select models read from the account at design time (its shops, its customer types), with the step's credential. */
import { getEntity } from '../catalog';
import { HandlerContext, StepConfig } from './context';
import { withLightspeed } from './session';

/** A select model `{id: name}` of the account's records of `entityName` (archived ones left out). */
export function accountListModel(entityName: string, nameField: string): (this: HandlerContext, cfg: StepConfig) => Promise<Record<string, string>> {
  return async function listModel(this: HandlerContext, cfg: StepConfig): Promise<Record<string, string>> {
    const entity = getEntity(entityName);
    const primaryKey = entity.primaryKey as string;
    // Sailor's service mode gives `this` an emit that stores a rotated token, as a flow step's does.
    return withLightspeed(this, cfg, async (api) => {
      const model: Record<string, string> = {};
      for await (const record of api.records(entity, { params: { sort: primaryKey } })) {
        model[String(record[primaryKey])] = String(record[nameField] ?? record[primaryKey]);
      }
      return model;
    });
  };
}
