/**
 * Custom menu buttons: the simulator signs taps as Lightspeed does and serves the public keys at
 * `/.well-known/jwks`, so that the Register button trigger can be tried without a register. Its two RSA keys are
 * fixed (menuButtonKeys.json), so a tap signed by one simulator verifies against another: before the rotation the
 * set holds the first key and taps are signed with it; after `rotateButtonKey()` it holds both and taps use the second.
 * Written apart from lib/: the query is encoded here with encodeURIComponent turned into PHP's `urlencode`, so the
 * component's own encoder is checked against a second implementation (and against PHP's answers in spec/fixtures).
 */
import { createPrivateKey, createPublicKey, JsonWebKey, KeyObject, sign } from 'node:crypto';
import keyFile from './menuButtonKeys.json';
import { SimulatorOptions } from './options';
import { Store } from './store';

const KEYS: Array<{ kid: string; privateKey: KeyObject }> = keyFile.keys.map(({ kid, ...jwk }) => ({
  kid, privateKey: createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' }),
}));

/** Where Lightspeed's register sends the cashier back to (the tutorial's example). */
export const RETURN_URL = 'https://us.lightspeedapp.com/register.php';
/** How long a simulated tap is valid: Lightspeed does not document its own lifetime. */
export const TAP_LIFETIME_SECONDS = 600;

/** A tap to sign: the button's URL and the context the register appends (exp and kid have defaults). */
export interface TapRequest {
  buttonUrl: string;
  params: Record<string, string>;
  /** Unix seconds; default now + TAP_LIFETIME_SECONDS. */
  exp?: number;
  /** The key to sign with (its kid); default the current one. */
  kid?: string;
}

/** A signed tap: the URL the register opens, and its parameters (what the platform hands the trigger as msg.query). */
export interface SignedTap {
  url: string;
  query: Record<string, string>;
}

/** The key set served at /.well-known/jwks. */
export function keySet(options: SimulatorOptions): { keys: object[] } {
  const served = options.menuButtonKeyRotated ? KEYS : KEYS.slice(0, 1);
  return { keys: served.map(({ kid, privateKey }) => ({ ...createPublicKey(privateKey).export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' })) };
}

/** The kid taps are signed with now. */
export function currentKid(options: SimulatorOptions): string {
  return KEYS[options.menuButtonKeyRotated ? 1 : 0].kid;
}

/** Signs a tap: every parameter but the signature, sorted, PHP-encoded, after the button's URL. */
export function signTap(tap: TapRequest, options: SimulatorOptions): SignedTap {
  const kid = tap.kid ?? currentKid(options);
  const key = KEYS.find((candidate) => candidate.kid === kid);
  if (!key) throw new Error(`the simulator has no button key "${kid}" (it has ${KEYS.map((candidate) => candidate.kid).join(', ')})`);
  const exp = tap.exp ?? Math.floor(options.now() / 1000) + TAP_LIFETIME_SECONDS;
  const base = new URL(tap.buttonUrl);
  const own = Object.fromEntries(base.searchParams);
  base.search = '';
  const params: Record<string, string> = { ...own, ...tap.params, alg: 'RS256', exp: String(exp), kid };
  const signature = sign('sha256', Buffer.from(`${base.toString()}?${encode(params)}`, 'utf8'), key.privateKey).toString('base64url');
  const query = { ...params, signature };
  return { url: `${base.toString()}?${encode(query)}`, query };
}

/** The context the register appends for a tap on `screen` (sale, refund, workorder...) of the sale or workorder `id`. */
export function tapContext(store: Store, options: SimulatorOptions, screen: string, id: number): Record<string, string> {
  const entity = screen === 'workorder' ? 'Workorder' : 'Sale';
  const record = store.get(entity, id);
  if (!record) {
    const hint = entity === 'Sale' ? ` (it seeded ${store.list('Sale').length}; --sales N seeds more)` : ' (none is seeded: create one first)';
    throw new Error(`the simulator has no ${entity} ${id}${hint}`);
  }
  const field = (name: string): string => (record[name] === undefined || record[name] === '' ? '0' : String(record[name]));
  return {
    accountID: options.accountId, type: screen, saleID: String(id), customerID: field('customerID'), shopID: field('shopID'),
    registerID: field('registerID'), employeeID: field('employeeID'), systemUserID: field('employeeID'), returnURL: RETURN_URL,
  };
}

/** PHP's ksort and http_build_query, for names of plain ASCII letters as the register's. */
function encode(params: Record<string, string>): string {
  const php = (text: string): string => encodeURIComponent(text).replace(/[!'()*~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
  return Object.keys(params).sort().map((name) => `${php(name)}=${php(params[name])}`).join('&');
}
