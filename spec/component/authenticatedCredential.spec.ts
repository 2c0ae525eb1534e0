import { expect } from 'chai';
import * as lookup from '../../lib/actions/lookupObjectById';
import { resetConnections } from '../../lib/client/connections';
import { StepConfig } from '../../lib/runtime/context';
import { verifyCredentials } from '../../lib/verifyCredentials';
import { Simulator, SimulatorOptions } from '../../simulator';
import { refreshTokens } from '../simulator/helpers';
import { run, simulatorWith } from '../helpers/component';

const HOUR_MS = 3_600_000;

/**
 * A credential made with the Authenticate button: the platform stored Lightspeed's token response as `cfg.oauth`
 * (a bare expires_in, no expires_at) and the API client lives in the component's env vars. The simulator's token
 * response has exactly that shape.
 */
describe('a credential from the Authenticate button', () => {
  let sim: Simulator;
  let savedEnv: NodeJS.ProcessEnv;

  async function authenticated(options: Partial<SimulatorOptions> = {}, issuedHoursAgo = 0): Promise<StepConfig> {
    ({ sim } = await simulatorWith({ items: 5, ...options }));
    process.env.OAUTH_CLIENT_ID = sim.credentials.clientId;
    process.env.OAUTH_CLIENT_SECRET = sim.credentials.clientSecret;
    sim.setOptions({ now: () => Date.now() - issuedHoursAgo * HOUR_MS });
    const { body } = await refreshTokens(sim);
    sim.setOptions({ now: () => Date.now() });
    sim.resetStats();
    const oauth = { ...body, scope: 'employee:all' }; // whatever else the platform kept must survive a rotation
    return { oauth, environmentUrl: sim.url, tokenUrl: sim.credentials.tokenUrl, objectType: 'Item' };
  }

  beforeEach(() => { savedEnv = { ...process.env }; });
  afterEach(async () => {
    process.env = savedEnv;
    await sim?.close();
  });

  it('uses the stored access token as it is: no refresh, nothing to persist', async () => {
    const cfg = await authenticated();
    const result = await run(lookup, { id: 1 }, cfg);
    expect(result.thrown).to.equal(undefined);
    expect(result.data).to.have.length(1);
    expect(sim.stats.tokens.refreshes).to.equal(0);
    expect(result.updateKeys).to.deep.equal([]);
  });

  it('refreshes before the first request when the JWT says it expired, and persists the whole oauth object only', async () => {
    const cfg = await authenticated({}, 2);
    const result = await run(lookup, { id: 1 }, cfg);
    expect(result.thrown).to.equal(undefined);
    expect(sim.stats.log.filter((entry) => entry.status === 401), 'no request with the expired token').to.deep.equal([]);
    expect(sim.stats.tokens.refreshes).to.equal(1);
    expect(result.updateKeys).to.have.length(1);
    const keys = result.updateKeys[0] as { oauth: Record<string, unknown> };
    // No Client ID, Secret or Refresh Token fields appear in a credential that never had them.
    expect(Object.keys(keys).sort()).to.deep.equal(['environmentUrl', 'oauth', 'tokenUrl']);
    expect(keys.oauth).to.include({ token_type: 'Bearer', expires_in: 3600, scope: 'employee:all' });
    expect(keys.oauth.access_token).to.be.a('string').and.not.equal((cfg.oauth as Record<string, unknown>).access_token);
    expect(keys.oauth.refresh_token).to.be.a('string').and.not.equal((cfg.oauth as Record<string, unknown>).refresh_token);
    expect(Date.parse(String(keys.oauth.expires_at)) - Date.now()).to.be.within(HOUR_MS - 60_000, HOUR_MS);

    // The next container starts from what updateKeys stored: it works without refreshing again.
    resetConnections();
    const next = await run(lookup, { id: 2 }, { ...cfg, ...keys });
    expect(next.thrown).to.equal(undefined);
    expect(sim.stats.tokens.refreshes).to.equal(1);
  });

  it('uses an access token that is not a JWT (no expiry to read) until Lightspeed answers 401, then refreshes once', async () => {
    const cfg = await authenticated();
    const oauth = { ...cfg.oauth as Record<string, unknown>, access_token: 'an-opaque-access-token-lightspeed-no-longer-knows' };
    const result = await run(lookup, { id: 1 }, { ...cfg, oauth });
    expect(result.thrown).to.equal(undefined);
    expect(sim.stats.log.filter((entry) => entry.status === 401)).to.have.length(1);
    expect(sim.stats.tokens.refreshes).to.equal(1);
    expect(result.updateKeys).to.have.length(1);
  });

  it('verifies with the stored access token, right after Authenticate: no refresh, the account from its claims', async () => {
    const cfg = await authenticated();
    expect(await verifyCredentials.call(undefined, cfg)).to.deep.equal({ verified: true });
    expect(await verifyCredentials.call(undefined, { ...cfg, accountId: '999' })).to.deep.equal({
      verified: false,
      reason: `The credential was authorized for Lightspeed account ${sim.credentials.accountId}, not 999: fix the Account ID or leave it empty.`,
    });
    expect(sim.stats.tokens.refreshes).to.equal(0);
  });

  it('Verify refuses a wrong OAUTH_CLIENT_SECRET although the stored access token works, and names the variable', async () => {
    const cfg = await authenticated();
    process.env.OAUTH_CLIENT_SECRET = 'not-the-platform-secret';
    expect(await verifyCredentials.call(undefined, cfg)).to.deep.equal({
      verified: false,
      reason: 'Lightspeed rejected the client (invalid_client): check the component\'s OAUTH_CLIENT_ID and OAUTH_CLIENT_SECRET environment '
        + 'variables (the API client the Authenticate button uses).',
    });
    expect(sim.stats.tokens.refreshes).to.equal(0);
  });

  it('Verify refuses a platform oauth object that holds no refresh token', async () => {
    const cfg = await authenticated();
    const oauth = { ...cfg.oauth as Record<string, unknown>, refresh_token: undefined };
    expect(await verifyCredentials.call(undefined, { ...cfg, oauth })).to.deep.equal({
      verified: false, reason: 'refreshToken: is required: click Authenticate, or paste a refresh token from the authorization helper',
    });
    expect(sim.stats.requests).to.equal(0);
  });

  it('without the component\'s OAUTH_CLIENT_ID says so, and sends nothing', async () => {
    const cfg = await authenticated();
    delete process.env.OAUTH_CLIENT_ID;
    const result = await run(lookup, { id: 1 }, cfg);
    expect(result.thrown?.message).to.match(/^clientId: is required: .*OAUTH_CLIENT_ID environment variable/);
    expect(sim.stats.requests).to.equal(0);
  });
});
