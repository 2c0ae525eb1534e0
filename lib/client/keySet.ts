/**
 * Lightspeed's public key set (a JWKS) for the signatures of custom menu button taps: fetched once per process and
 * URL, kept for an hour, fetched again when a tap names a key it lacks, and never more than once a minute, so that
 * forged taps naming made-up keys cannot make the component hammer Lightspeed. Only RSA keys of 2048 bits or more
 * for signing are kept.
 */
import { createPublicKey, JsonWebKey, KeyObject } from 'node:crypto';
import { Clock, ComponentError, systemClock, Transport } from './http';

/** The demo Lightspeed publishes caches the set for an hour. */
export const KEY_SET_MAX_AGE_MS = 60 * 60 * 1000;
/** At most one fetch a minute, whatever the taps say. */
export const KEY_SET_MIN_INTERVAL_MS = 60 * 1000;
const FETCH_TIMEOUT_MS = 10_000;
const MIN_MODULUS_BITS = 2048;

/** The key set could not be fetched, and none is at hand. */
export class KeySetUnavailableError extends ComponentError {
  override name = 'KeySetUnavailableError';
}

/** What a key set is fetched with: tests give a clock of their own. */
export interface KeySetSettings {
  clock: Clock;
  transport: Transport;
}

export class KeySet {
  private keys?: Map<string, KeyObject>;
  private fetchedAt?: number;
  private inFlight?: Promise<void>;
  private lastFailure?: string;

  constructor(readonly url: string, private readonly settings: KeySetSettings) {}

  /** The public key `kid` names, or undefined when the set lacks it even after the fetch it may spend. */
  async key(kid: string): Promise<KeyObject | undefined> {
    const now = this.settings.clock.now();
    const stale = this.fetchedAt === undefined || now - this.fetchedAt >= KEY_SET_MAX_AGE_MS;
    if (this.keys === undefined || stale || !this.keys.has(kid)) await this.refresh(now);
    if (this.keys === undefined) throw new KeySetUnavailableError(`Lightspeed's key set ${this.url} could not be fetched (${this.lastFailure})`);
    return this.keys.get(kid);
  }

  /** Fetches the set unless it was fetched less than a minute ago; taps arriving together share one fetch. */
  private async refresh(now: number): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.fetchedAt !== undefined && now - this.fetchedAt < KEY_SET_MIN_INTERVAL_MS) return undefined;
    this.fetchedAt = now;
    this.inFlight = this.fetch().then((keys) => {
      this.keys = keys;
    }, (error: unknown) => {
      // A set fetched before stays in use: Lightspeed's cloud having a bad minute should not stop the tills.
      this.lastFailure = error instanceof Error ? error.message : String(error);
    }).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async fetch(): Promise<Map<string, KeyObject>> {
    const response = await this.settings.transport.send({ method: 'GET', url: this.url, headers: { Accept: 'application/json' }, timeoutMs: FETCH_TIMEOUT_MS });
    if (response.status !== 200) throw new Error(`it answered ${response.status}`);
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      throw new Error('its answer is not JSON');
    }
    const entries = (body as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(entries)) throw new Error('its answer has no "keys" list');
    return new Map(entries.flatMap((entry) => usableKey(entry)));
  }
}

/** `[kid, key]` for an RSA signing key of 2048 bits or more, else nothing. */
function usableKey(entry: unknown): Array<[string, KeyObject]> {
  if (typeof entry !== 'object' || entry === null) return [];
  const jwk = entry as Record<string, unknown>;
  if (typeof jwk.kid !== 'string' || jwk.kty !== 'RSA' || (jwk.use !== undefined && jwk.use !== 'sig')) return [];
  if (jwk.alg !== undefined && jwk.alg !== 'RS256') return [];
  try {
    const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e } as JsonWebKey, format: 'jwk' });
    return (key.asymmetricKeyDetails?.modulusLength ?? 0) >= MIN_MODULUS_BITS ? [[jwk.kid, key]] : [];
  } catch {
    return [];
  }
}

const keySets = new Map<string, KeySet>();
let defaultSettings: KeySetSettings | undefined;

/** The process's key set for `url`: every tap a container handles shares it. */
export function keySetFor(url: string): KeySet {
  let keySet = keySets.get(url);
  if (!keySet) {
    defaultSettings ??= { clock: systemClock, transport: new Transport() };
    keySet = new KeySet(url, defaultSettings);
    keySets.set(url, keySet);
  }
  return keySet;
}

/** Forgets every key set (and, for tests, sets the clock the next ones use). */
export function resetKeySets(settings?: Partial<KeySetSettings>): void {
  keySets.clear();
  defaultSettings = settings ? { clock: systemClock, transport: new Transport(), ...settings } : undefined;
}
