/** Trigger "New customers": each customer once when created (or, with "New and updated", on every change). */
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { accountListModel } from '../runtime/accountLists';
import { runPolling } from './polling/engine';
import { PollingSnapshot } from './polling/plan';
import { checkbox, equalsFilter, optionalId, readyMadeMetaModel, relationsOr } from './polling/readyMade';

/** The Polling entity trigger's fields for this step: Customer by createTime (timeStamp for new and updated). */
export function newCustomersCfg(cfg: StepConfig): StepConfig {
  const pollingField = checkbox(cfg, 'newAndUpdated') ? 'timeStamp' : 'createTime';
  const filters = equalsFilter('customerTypeID', optionalId(cfg, 'customerTypeID'));
  return { ...cfg, objectType: 'Customer', pollingField, loadRelations: relationsOr(cfg, ['Contact']), filters };
}

export async function process(this: HandlerContext, _msg: IncomingMessage, cfg: StepConfig, snapshot?: PollingSnapshot): Promise<void> {
  await runPolling(this, newCustomersCfg(cfg), snapshot);
}

export const getMetaModel = readyMadeMetaModel(newCustomersCfg);
export const getCustomerTypes = accountListModel('CustomerType', 'name');
