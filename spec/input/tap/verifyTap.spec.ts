import { expect } from 'chai';
import { createPublicKey, JsonWebKey, KeyObject } from 'node:crypto';
import { KeySetUnavailableError } from '../../../lib/client/keySet';
import { TapRefused } from '../../../lib/input/tap/tapRefused';
import { CLOCK_SKEW_SECONDS, TapCheck, verifyTap } from '../../../lib/input/tap/verifyTap';
import { vectors, without } from './vectors';

const { jwk, buttonUrl, query } = vectors.signedTap;
const knownKey = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
const expMs = Number(query.exp) * 1000;

function check(overrides: Partial<TapCheck> = {}): TapCheck {
  return {
    buttonUrl: new URL(buttonUrl),
    key: async (kid: string): Promise<KeyObject | undefined> => (kid === jwk.kid ? knownKey : undefined),
    keySetUrl: 'https://cloud.lightspeedapp.com/.well-known/jwks',
    nowMs: expMs - 60_000,
    ...overrides,
  };
}

/** The refusal verifyTap answers, or a failure when it takes the tap. */
async function refusal(params: Record<string, string>, overrides: Partial<TapCheck> = {}): Promise<TapRefused> {
  try {
    await verifyTap(params, check(overrides));
  } catch (error) {
    if (error instanceof TapRefused) return error;
    throw error;
  }
  throw new Error('the tap was taken');
}

describe('verifyTap: Lightspeed\'s check of a custom menu button tap', () => {
  it('takes the known-answer tap PHP signed (a fixed key, URL and signature) and returns its parameters without the signature', async () => {
    expect(await verifyTap(query, check())).to.deep.equal(without(query, 'signature'));
  });

  it('takes the signature with or without base64 padding', async () => {
    expect(query.signature).not.to.contain('=');
    expect(await verifyTap({ ...query, signature: `${query.signature}==` }, check())).to.have.property('saleID', '4');
  });

  for (const name of ['signature', 'exp', 'kid', 'alg']) {
    it(`refuses a tap without ${name} (401), before any key is looked up`, async () => {
      let asked = 0;
      const refused = await refusal(without(query, name), { key: async () => { asked += 1; return knownKey; } });
      expect(refused.status).to.equal(401);
      expect(refused.reason).to.contain(`no ${name}`);
      expect(asked).to.equal(0);
    });
  }

  for (const alg of ['HS256', 'none', 'rs256', 'RS512']) {
    it(`refuses alg ${alg}: RS256 is pinned, whatever the tap says`, async () => {
      const refused = await refusal({ ...query, alg });
      expect([refused.status, refused.reason]).to.deep.equal([401, `alg is "${alg}": Lightspeed signs taps with RS256 only`]);
    });
  }

  it(`refuses an expired tap, allowing ${CLOCK_SKEW_SECONDS} s of clock skew`, async () => {
    expect(await verifyTap(query, check({ nowMs: expMs + CLOCK_SKEW_SECONDS * 1000 }))).to.have.property('exp');
    const refused = await refusal(query, { nowMs: expMs + CLOCK_SKEW_SECONDS * 1000 + 1 });
    expect(refused.status).to.equal(401);
    expect(refused.reason).to.equal('the tap expired at 2025-01-01T00:00:00.000Z (now 2025-01-01T00:00:10.001Z): tap the button again');
    expect((await refusal({ ...query, exp: 'soon' })).reason).to.equal('exp "soon" is not a Unix time');
  });

  it('refuses a tampered value, an added parameter, a removed one and another Button URL', async () => {
    for (const params of [{ ...query, saleID: '5' }, { ...query, discount: '100' }, without(query, 'shopID')]) {
      const refused = await refusal(params);
      expect(refused.status).to.equal(401);
      expect(refused.reason).to.match(/^the signature does not match the tap: is Button URL \(https:\/\/in\.tenant\.example\/hook\/64f0c0ffee00000000000001\) exactly/);
    }
    expect((await refusal(query, { buttonUrl: new URL('https://in.tenant.example/hook/another-flow') })).reason).to.contain('(https://in.tenant.example/hook/another-flow)');
  });

  it('refuses a signature that is not base64url rather than skipping what it cannot read', async () => {
    for (const signature of [`${query.signature.slice(0, 10)}+/${query.signature.slice(12)}`, `${query.signature} `, `${query.signature}=`, 'a']) {
      expect((await refusal({ ...query, signature })).reason).to.equal('the signature is not base64url');
    }
  });

  it('refuses a tap whose kid the key set lacks (401), and answers 503 when the key set cannot be fetched', async () => {
    const unknown = await refusal({ ...query, kid: 'NOT_A_KEY' });
    expect([unknown.status, unknown.reason]).to.deep.equal([401, 'Lightspeed\'s key set https://cloud.lightspeedapp.com/.well-known/jwks has no key "NOT_A_KEY"']);
    const down = await refusal(query, { key: async () => { throw new KeySetUnavailableError('the key set could not be fetched (it answered 503)'); } });
    expect([down.status, down.reason]).to.deep.equal([503, 'the key set could not be fetched (it answered 503)']);
  });
});
