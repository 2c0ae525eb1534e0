import { expect } from 'chai';
import { resetConnections } from '../../lib/client/connections';
import * as lookup from '../../lib/actions/lookupObjectById';
import { verifyCredentials } from '../../lib/verifyCredentials';
import { Simulator } from '../../simulator';
import { run, simulatorWith } from '../helpers/component';

describe('verifyCredentials', () => {
  let sim: Simulator;
  let cfg: Awaited<ReturnType<typeof simulatorWith>>['cfg'];
  beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 3 })));
  afterEach(() => sim.close());

  it('verifies a good credential and leaves its refresh token usable', async () => {
    expect(await verifyCredentials.call(undefined, cfg())).to.deep.equal({ verified: true });
    expect(await verifyCredentials.call(undefined, cfg())).to.deep.equal({ verified: true });
    // The stored refresh token still works afterwards: verification never used a refreshed access token.
    resetConnections();
    const result = await run(lookup, { id: 1 }, cfg({ objectType: 'Item' }));
    expect(result.thrown).to.equal(undefined);
  });

  it('uses a live stored access token without refreshing at all', async () => {
    const first = await run(lookup, { id: 1 }, cfg({ objectType: 'Item' }));
    const keys = first.updateKeys[0];
    sim.resetStats();
    expect(await verifyCredentials.call(undefined, { ...cfg(), ...keys })).to.deep.equal({ verified: true });
    expect(sim.stats.tokens.refreshes).to.equal(0);
  });

  const failures: Array<[string, Record<string, unknown>, RegExp]> = [
    ['a wrong client secret', { clientSecret: 'nope' }, /invalid_client.*check the Client ID and Client Secret/],
    ['a revoked refresh token', { refreshToken: 'not-a-token' }, /invalid_grant.*Re-authorize/],
    ['a missing client ID', { clientId: '' }, /^clientId: is required$/],
    ['an unreachable host', { environmentUrl: 'http://127.0.0.1:9' }, /^Could not reach the Lightspeed API at http:\/\/127\.0\.0\.1:9/],
  ];
  for (const [name, fields, reason] of failures) {
    it(`answers {verified: false, reason} for ${name}`, async () => {
      const result = await verifyCredentials.call(undefined, cfg(fields));
      expect(result.verified).to.equal(false);
      expect(result.reason).to.match(reason);
    });
  }
});
