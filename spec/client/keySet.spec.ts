import { expect } from 'chai';
import { generateKeyPairSync } from 'node:crypto';
import { KEY_SET_MAX_AGE_MS, KEY_SET_MIN_INTERVAL_MS, KeySet, KeySetUnavailableError } from '../../lib/client/keySet';
import { Transport } from '../../lib/client/http';
import { Simulator, startSimulator } from '../../simulator';
import { FakeClock } from '../helpers/fakeClock';
import { scriptedServer } from '../helpers/scriptedServer';

const FIRST = 'SIM_MENU_BUTTON_2024_01';
const SECOND = 'SIM_MENU_BUTTON_2025_01';

describe('KeySet: Lightspeed\'s public keys for button taps, cached per process', () => {
  let sim: Simulator;
  let clock: FakeClock;
  let keySet: KeySet;
  const fetches = (): number => sim.stats.log.filter((entry) => entry.path === '/.well-known/jwks').length;

  beforeEach(async () => {
    sim = await startSimulator({ rateLimit: false, items: 5, customers: 2, sales: 2 });
    clock = new FakeClock();
    keySet = new KeySet(`${sim.url}/.well-known/jwks`, { clock, transport: new Transport() });
  });
  afterEach(() => sim.close());

  it('fetches the set once and answers later taps from it', async () => {
    expect((await keySet.key(FIRST))?.asymmetricKeyType).to.equal('rsa');
    clock.advance(KEY_SET_MAX_AGE_MS - 1);
    expect(await keySet.key(FIRST)).not.to.equal(undefined);
    expect(fetches()).to.equal(1);
  });

  it('fetches again for a kid it lacks, at most once a minute: a rotated key is found, made-up ones cost one fetch a minute', async () => {
    await keySet.key(FIRST);
    sim.rotateButtonKey();
    expect(await keySet.key(SECOND), 'within the minute').to.equal(undefined);
    expect(await keySet.key('MADE_UP')).to.equal(undefined);
    expect(fetches()).to.equal(1);
    clock.advance(KEY_SET_MIN_INTERVAL_MS);
    expect(await keySet.key(SECOND), 'a minute later').not.to.equal(undefined);
    for (let i = 0; i < 20; i += 1) expect(await keySet.key(`MADE_UP_${i}`)).to.equal(undefined);
    expect(fetches()).to.equal(2);
  });

  it('fetches again once the set is an hour old', async () => {
    await keySet.key(FIRST);
    clock.advance(KEY_SET_MAX_AGE_MS);
    await keySet.key(FIRST);
    expect(fetches()).to.equal(2);
  });

  it('shares one fetch between taps that arrive together', async () => {
    const keys = await Promise.all([keySet.key(FIRST), keySet.key(FIRST), keySet.key('OTHER')]);
    expect(keys.map((key) => key !== undefined)).to.deep.equal([true, true, false]);
    expect(fetches()).to.equal(1);
  });

  it('without a set: KeySetUnavailableError naming the URL and what went wrong, and no second fetch within the minute', async () => {
    sim.setOptions({ failures: [{ status: 503, count: 1, match: { path: '/.well-known/jwks' } }] });
    const failure = await keySet.key(FIRST).catch((error: unknown) => error);
    expect(failure).to.be.instanceOf(KeySetUnavailableError);
    expect((failure as Error).message).to.equal(`Lightspeed's key set ${sim.url}/.well-known/jwks could not be fetched (it answered 503)`);
    expect(await keySet.key(FIRST).catch((error: unknown) => error)).to.be.instanceOf(KeySetUnavailableError);
    expect(fetches()).to.equal(1);
    clock.advance(KEY_SET_MIN_INTERVAL_MS);
    expect(await keySet.key(FIRST)).not.to.equal(undefined);
  });

  it('keeps using the set it has when a later fetch fails', async () => {
    await keySet.key(FIRST);
    clock.advance(KEY_SET_MAX_AGE_MS);
    sim.setOptions({ failures: [{ status: 500, count: 1, match: { path: '/.well-known/jwks' } }] });
    expect(await keySet.key(FIRST)).not.to.equal(undefined);
    expect(fetches()).to.equal(2);
  });

  it('keeps only RSA signing keys of 2048 bits or more, and refuses an answer that is not a key set', async () => {
    const jwk = (bits: number) => generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ format: 'jwk' });
    const rsa = jwk(2048);
    const server = await scriptedServer([
      { reply: 200, body: { keys: [
        { ...rsa, kid: 'good' }, { ...jwk(1024), kid: 'short' }, { ...rsa, kid: 'enc', use: 'enc' },
        { ...rsa, kid: 'ps', alg: 'PS256' }, { kty: 'oct', k: 'c2VjcmV0', kid: 'hmac' }, { ...rsa },
      ] } },
      { reply: 200, body: { keys: 'none' } },
    ]);
    try {
      const fromServer = new KeySet(`${server.url}/jwks`, { clock, transport: new Transport() });
      expect(await fromServer.key('good')).not.to.equal(undefined);
      for (const kid of ['short', 'enc', 'ps', 'hmac']) expect(await fromServer.key(kid), kid).to.equal(undefined);
      const malformed = new KeySet(`${server.url}/jwks`, { clock, transport: new Transport() });
      expect(((await malformed.key('good').catch((error: unknown) => error)) as Error).message).to.contain('its answer has no "keys" list');
    } finally {
      await server.close();
    }
  });
});
