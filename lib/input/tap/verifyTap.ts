/**
 * Lightspeed's check of a custom menu button tap (Tutorials -> Custom Buttons, and its PHP demo): the four signature
 * parameters present, `alg` RS256 (pinned: the request's word alone never picks the algorithm), `exp` not past, then
 * the RSASSA-PKCS1-v1_5 SHA-256 signature over the signed text, with the key of the key set that `kid` names.
 */
import { KeyObject, verify } from 'node:crypto';
import { KeySetUnavailableError } from '../../client/keySet';
import { buttonBase, signedMessage } from './signedMessage';
import { TapRefused } from './tapRefused';

/** Seconds a tap is still taken after its `exp`: clocks of Lightspeed and of the platform may differ a little. */
export const CLOCK_SKEW_SECONDS = 10;
const SIGNATURE_PARAMS = ['signature', 'exp', 'kid', 'alg'] as const;

/** What the check needs besides the tap: the step's Button URL, the key set and the time. */
export interface TapCheck {
  buttonUrl: URL;
  /** The key `kid` names, undefined when the set lacks it; throws KeySetUnavailableError. */
  key(kid: string): Promise<KeyObject | undefined>;
  /** Where the keys come from, for the reasons. */
  keySetUrl: string;
  nowMs: number;
}

/** The tap's parameters without the signature, once the signature holds; else TapRefused. */
export async function verifyTap(params: Record<string, string>, check: TapCheck): Promise<Record<string, string>> {
  const missing = SIGNATURE_PARAMS.filter((name) => !params[name]);
  if (missing.length > 0) throw new TapRefused(401, `the tap has no ${missing.join(', ')}: only a tap on a Lightspeed button, which signs it, is accepted`);
  const { signature, ...signed } = params;
  if (signed.alg !== 'RS256') throw new TapRefused(401, `alg is "${signed.alg}": Lightspeed signs taps with RS256 only`);
  checkExpiry(signed.exp, check.nowMs);
  const bytes = base64url(signature);
  const key = await keyFor(signed.kid, check);
  const message = signedMessage(check.buttonUrl, signed);
  if (!verify('sha256', Buffer.from(message, 'utf8'), key, bytes)) {
    throw new TapRefused(401, `the signature does not match the tap: is Button URL (${buttonBase(check.buttonUrl)}) exactly the URL in the button's settings in Lightspeed?`);
  }
  return signed;
}

function checkExpiry(exp: string, nowMs: number): void {
  if (!/^\d{1,12}$/.test(exp)) throw new TapRefused(401, `exp "${exp}" is not a Unix time`);
  const expiresMs = Number(exp) * 1000;
  if (nowMs > expiresMs + CLOCK_SKEW_SECONDS * 1000) {
    throw new TapRefused(401, `the tap expired at ${new Date(expiresMs).toISOString()} (now ${new Date(nowMs).toISOString()}): tap the button again`);
  }
}

/** Base64url with or without padding; anything else (`+`, `/`, blanks) is refused rather than skipped. */
function base64url(text: string): Buffer {
  const unpadded = text.replace(/={1,2}$/, '');
  if (!/^[A-Za-z0-9_-]+$/.test(unpadded) || unpadded.length % 4 === 1 || (text !== unpadded && text.length % 4 !== 0)) {
    throw new TapRefused(401, 'the signature is not base64url');
  }
  return Buffer.from(unpadded, 'base64url');
}

async function keyFor(kid: string, check: TapCheck): Promise<KeyObject> {
  let key: KeyObject | undefined;
  try {
    key = await check.key(kid);
  } catch (error) {
    if (error instanceof KeySetUnavailableError) throw new TapRefused(503, error.message);
    throw error;
  }
  if (!key) throw new TapRefused(401, `Lightspeed's key set ${check.keySetUrl} has no key "${kid}"`);
  return key;
}
