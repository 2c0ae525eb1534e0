/** Trigger "Stock changes": each ItemShop (an Item's stock in one shop) whose quantity or settings changed. */
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { accountListModel } from '../runtime/accountLists';
import { runPolling } from './polling/engine';
import { skuSchemas, withItemSkus } from './polling/itemSkus';
import { PollingSnapshot } from './polling/plan';
import { checkbox, equalsFilter, optionalId, readyMadeMetaModel } from './polling/readyMade';

/** The Polling entity trigger's fields for this step: ItemShop by timeStamp, of one shop when one is chosen. */
export function stockChangesCfg(cfg: StepConfig): StepConfig {
  checkbox(cfg, 'addSkus'); // checked before any request
  return { ...cfg, objectType: 'ItemShop', pollingField: 'timeStamp', loadRelations: [], filters: equalsFilter('shopID', optionalId(cfg, 'shopID')) };
}

export async function process(this: HandlerContext, _msg: IncomingMessage, cfg: StepConfig, snapshot?: PollingSnapshot): Promise<void> {
  const pollingCfg = stockChangesCfg(cfg);
  await runPolling(this, pollingCfg, snapshot, checkbox(cfg, 'addSkus') ? { enrich: withItemSkus } : {});
}

export const getMetaModel = readyMadeMetaModel(stockChangesCfg, (cfg) => (checkbox(cfg, 'addSkus') ? skuSchemas() : {}));
export const getShops = accountListModel('Shop', 'name');
