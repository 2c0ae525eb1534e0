/** Trigger "Completed sales": each sale once, when it is completed, with its lines, payments and customer. */
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { accountListModel } from '../runtime/accountLists';
import { SALE_RELATIONS } from '../input/relations';
import { runPolling } from './polling/engine';
import { PollingSnapshot } from './polling/plan';
import { checkbox, equalsFilter, optionalId, readyMadeMetaModel, relationsOr } from './polling/readyMade';

/** The Polling entity trigger's fields for this step: Sale by completeTime, completed (and not voided) only. */
export function completedSalesCfg(cfg: StepConfig): StepConfig {
  const filters = {
    completed: '=,true',
    ...(checkbox(cfg, 'includeVoided') ? {} : { voided: '=,false' }),
    ...equalsFilter('shopID', optionalId(cfg, 'shopID')),
  };
  return { ...cfg, objectType: 'Sale', pollingField: 'completeTime', loadRelations: relationsOr(cfg, SALE_RELATIONS), filters };
}

export async function process(this: HandlerContext, _msg: IncomingMessage, cfg: StepConfig, snapshot?: PollingSnapshot): Promise<void> {
  await runPolling(this, completedSalesCfg(cfg), snapshot);
}

export const getMetaModel = readyMadeMetaModel(completedSalesCfg);
export const getShops = accountListModel('Shop', 'name');
