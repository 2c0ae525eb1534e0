/**
 * Trigger "Register button" (a webhook trigger): a cashier taps a custom menu button in Lightspeed's register, which
 * opens the flow's webhook URL with the sale's context and Lightspeed's signature. A tap is verified before anything
 * is loaded or emitted; a refused one is answered (when the caller waits) and logged, and emits nothing.
 */
import { getEntity } from '../catalog';
import { JsonSchema, outSchema } from '../catalog/schemas';
import { parseButtonConfig, parseLoadRecords } from '../input/tap/buttonConfig';
import { acceptTap } from '../input/tap/acceptTap';
import { TapRefused } from '../input/tap/tapRefused';
import { MetaModel } from '../metadata';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { logOnce, redirectReply, refusalReply, replyIfAwaited } from '../runtime/httpReply';
import { emitData, withLightspeed } from '../runtime/session';
import { loadTapRecords } from '../runtime/tapRecords';

export async function process(this: HandlerContext, msg: IncomingMessage, cfg: StepConfig): Promise<void> {
  const config = parseButtonConfig(cfg);
  await withLightspeed(this, cfg, async (api, client) => {
    let tap: Record<string, string>;
    try {
      tap = await acceptTap(msg, config, () => client.accountId());
    } catch (error) {
      if (!(error instanceof TapRefused)) throw error;
      this.logger.warn(`Register button: refused a tap (${error.status}): ${error.reason}`);
      await replyIfAwaited(this, msg, refusalReply(error.status, `Refused: ${error.reason}`));
      return;
    }
    this.logger.info(`Register button: tap on the ${tap.type ?? 'unnamed'} screen, sale ${tap.saleID ?? '-'}, account ${tap.accountID} verified`);
    // The cashier goes back to the register at once; the flow goes on without keeping the till waiting.
    if (config.reply === 'redirect') await answerTap(this, msg, tap);
    await emitData(this, { tap, ...await loadTapRecords(api, config.loadRecords, tap) });
  });
}

async function answerTap(context: HandlerContext, msg: IncomingMessage, tap: Record<string, string>): Promise<void> {
  if (await replyIfAwaited(context, msg, redirectReply(tap.returnURL, 'Back to the register'))) return;
  logOnce(context.logger, 'registerButton: no reply_to', 'Register button: this flow does not answer its caller, so the cashier sees '
    + 'the platform\'s "thank you" instead of going back to the register: turn on real-time for the flow (Enable real-time) to send the redirect');
}

const TAP_FIELDS = ['type', 'accountID', 'saleID', 'customerID', 'shopID', 'registerID', 'employeeID', 'systemUserID', 'returnURL', 'exp', 'kid', 'alg'];

/** `{tap: {...}, Sale: {...}, ...}`: the verified parameters as text, and each record Load records names. */
export async function getMetaModel(cfg: StepConfig): Promise<MetaModel> {
  const tap: JsonSchema = { type: 'object', title: 'Tap', properties: Object.fromEntries(TAP_FIELDS.map((name) => [name, { type: 'string', title: name }])) };
  const records = parseLoadRecords(cfg.loadRecords).map((load) => [load.entity, { ...outSchema(getEntity(load.entity)), title: load.entity }]);
  return { in: { type: 'object', properties: {} }, out: { type: 'object', properties: { tap, ...Object.fromEntries(records) } } };
}
