/** A tap taken or refused: its signature checked (verifyTap.ts), then its account, before anything is loaded. */
import { keySetFor } from '../../client/keySet';
import { IncomingMessage } from '../../runtime/context';
import { ButtonConfig } from './buttonConfig';
import { tapParams } from './tapParams';
import { TapRefused } from './tapRefused';
import { verifyTap } from './verifyTap';

/**
 * The tap's parameters (without the signature) when Lightspeed signed them for this step's Button URL and the
 * credential's account; else TapRefused. `accountId` is asked only for a tap whose signature holds.
 */
export async function acceptTap(
  msg: IncomingMessage, config: ButtonConfig, accountId: () => Promise<string>, nowMs: number = Date.now(),
): Promise<Record<string, string>> {
  const keySet = keySetFor(config.keySetUrl);
  const tap = await verifyTap(tapParams(msg), { buttonUrl: config.buttonUrl, keySetUrl: config.keySetUrl, key: (kid) => keySet.key(kid), nowMs });
  const account = await accountId();
  if (tap.accountID !== account) {
    throw new TapRefused(403, `the tap comes from Lightspeed account ${tap.accountID ?? '(none named)'}, not from the credential's account ${account}`);
  }
  return tap;
}
