/**
 * The Authenticate button on the real runtime. The platform stand-in runs the authorization-code flow against the
 * simulator as elastic.io does (component.json's credentials.oauth2, the client from the component's env vars) and
 * stores Lightspeed's token response as the credential's `oauth`: a bare expires_in and a JWT access token. A
 * polling flow (pollingEntity -> lookupObjectById, each step in its own sailor process with those env vars) runs on
 * that credential: first on the stored token without a refresh, then across two rotations, each persisted through
 * updateKeys as the whole oauth object. The component refreshes a token in its last minute, so tokens here live
 * TOKEN_LIFETIME_SECONDS: WINDOW_SECONDS of use, then a refresh on the next tick.
 */
import { expect } from 'chai';
import { Simulator, startSimulator } from '../../simulator';
import { FlowFixture } from '../harness/flowFixture';
import { probeRefreshToken } from '../harness/oauthProbe';
import { closeOwned, own } from '../harness/ownedResources';
import { authenticate } from '../harness/platformOAuth';
import { JsonObject, PlatformStandIn } from '../harness/platformStandIn';
import { SailorProcess } from '../harness/sailorProcess';
import { callService } from '../harness/serviceCall';
import { sharedBroker } from '../harness/sharedBroker';
import { waitFor } from '../harness/waitFor';

const ACCOUNT = 'account-authenticated';
/** The component refreshes 60 s before expiry: a token is used for the first WINDOW_SECONDS of its life. */
const WINDOW_SECONDS = 20;
const TOKEN_LIFETIME_SECONDS = 60 + WINDOW_SECONDS;
/** Lightspeed stamps whole seconds; the trigger reads up to one second before its run starts. */
const SETTLED_AFTER_MS = 1_100;

type OAuthKeys = { access_token: string; refresh_token: string; expires_in?: unknown; expires_at?: unknown; token_type?: unknown };

function oauthOf(keys: JsonObject): OAuthKeys {
  return keys.oauth as unknown as OAuthKeys;
}

/** When the component starts refreshing an access token: a minute before the `exp` claim of the JWT. */
function refreshDueAt(accessToken: string): number {
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as { exp: number };
  return claims.exp * 1000 - 60_000;
}

describe('Authenticate button: the platform\'s OAuth2 flow, then a polling flow across two rotations', function () {
  let sim: Simulator;
  let platform: PlatformStandIn;
  let flow: FlowFixture;
  let trigger: SailorProcess;
  let lookup: SailorProcess;
  let componentEnv: Record<string, string>;
  let authenticated: JsonObject;
  let activeIds: number[];

  before(async function () {
    this.timeout(120_000);
    const broker = await sharedBroker();
    sim = own('oauth simulator', await startSimulator({ items: 30, seed: 'e2e-oauth', tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS }), (s) => s.close());
    platform = own('oauth platform', await PlatformStandIn.start(), (p) => p.close());
    componentEnv = { OAUTH_CLIENT_ID: sim.credentials.clientId, OAUTH_CLIENT_SECRET: sim.credentials.clientSecret };
    activeIds = sim.store.list('Item').filter((item) => String(item.archived) !== 'true').map((item) => Number(item.itemID)).sort((a, b) => a - b);
    // Lightspeed's API host is the simulator here, so the user fills Environment URL and Token URL.
    authenticated = await authenticate(platform, {
      accountId: ACCOUNT, componentEnv, providerOrigin: sim.url,
      fields: { environmentUrl: sim.url, tokenUrl: sim.credentials.tokenUrl },
    });
    flow = own('oauth flow', await FlowFixture.open({
      flowId: 'flow-oauth',
      amqpUri: broker.amqpUri,
      platform,
      accountId: ACCOUNT,
      steps: [
        { stepId: 'trigger', functionName: 'pollingEntity', fields: { objectType: 'Item', pageSize: '10' } },
        { stepId: 'lookup', functionName: 'lookupObjectById', fields: { objectType: 'Item' } },
      ],
      links: [{ from: 'trigger', to: 'lookup', mapping: (body) => ({ id: body.itemID }) }],
    }), (f) => f.close());
  });

  after(async function () {
    this.timeout(60_000);
    await closeOwned('oauth flow');
    await closeOwned('oauth platform');
    await closeOwned('oauth simulator');
  });

  /** One tick: touches `ids` (none on the first), sends the trigger its message, waits for both steps to settle. */
  async function tick(number: number, ids: number[]): Promise<{ polled: number[]; looked: number[] }> {
    if (ids.length > 0) {
      const stamps = sim.touch('Item', ids).map((item) => Date.parse(String(item.timeStamp)));
      await waitFor('the touched records\' second to be settled', () => Date.now() >= Math.max(...stamps) + SETTLED_AFTER_MS, { timeoutMs: 5_000 });
    }
    const triggerOut = flow.outputs.trigger;
    const lookupOut = flow.outputs.lookup;
    const [polledBefore, lookedBefore] = [triggerOut.data.length, lookupOut.data.length];
    await flow.send('trigger');
    await trigger.waitForSettled(number, 60_000);
    await flow.collectAll('trigger');
    const polled = triggerOut.bodies().slice(polledBefore).map((body) => Number(body.itemID));
    await lookupOut.waitForData(lookedBefore + polled.length, 60_000);
    await lookup.waitForSettled(lookedBefore + polled.length);
    await flow.collectAll('lookup');
    expect(triggerOut.errors, triggerOut.errorTexts()).to.be.empty;
    expect(lookupOut.errors, lookupOut.errorTexts()).to.be.empty;
    return { polled, looked: lookupOut.bodies().slice(lookedBefore).map((body) => Number(body.itemID)) };
  }

  it('stores Lightspeed\'s token response as the credential\'s oauth, after the code exchange on the platform\'s callback', () => {
    expect(sim.stats.tokens.codesIssued, 'codes issued by the authorize endpoint').to.equal(1);
    expect(Object.keys(authenticated).sort()).to.deep.equal(['environmentUrl', 'oauth', 'tokenUrl']);
    const oauth = oauthOf(authenticated);
    expect(Object.keys(oauth).sort()).to.deep.equal(['access_token', 'expires_in', 'refresh_token', 'token_type']);
    expect(oauth.expires_in).to.equal(TOKEN_LIFETIME_SECONDS);
    expect(oauth.access_token.split('.'), 'a JWT access token').to.have.length(3);
  });

  it('verifyCredentials (service mode, with the component\'s env vars) verifies on the stored token without a refresh', async () => {
    const outcome = await callService(platform, { method: 'verifyCredentials', cfg: platform.account(ACCOUNT), env: componentEnv });
    expect(outcome.data).to.deep.equal({ verified: true });
    expect(sim.stats.tokens.refreshes).to.equal(0);
  });

  it('tick 1 polls every Item and the lookup step reads each, on the stored access token: no refresh, nothing persisted', async function () {
    [trigger, lookup] = await Promise.all([flow.startSailor('trigger', componentEnv), flow.startSailor('lookup', componentEnv)]);
    const { polled, looked } = await tick(1, []);
    expect(polled).to.have.members(activeIds);
    expect(looked).to.have.members(activeIds);
    expect(sim.stats.tokens.refreshes, 'refreshes').to.equal(0);
    expect(platform.accountUpdates, 'updateKeys').to.be.empty;
  });

  it('ticks 2 and 3, each after the token\'s window: two rotations, each stored as the whole oauth object, and the flow keeps working', async function () {
    this.timeout(120_000);
    const refreshTokens = [oauthOf(authenticated).refresh_token];
    for (const [index, ids] of [[1, 2], [3]].entries()) {
      const stored = oauthOf(platform.account(ACCOUNT));
      await waitFor('the stored access token\'s last minute', () => Date.now() > refreshDueAt(stored.access_token) + 200, { timeoutMs: (WINDOW_SECONDS + 5) * 1_000 });
      const { polled, looked } = await tick(index + 2, ids);
      expect(polled, `tick ${index + 2} polled`).to.have.members(ids);
      expect(looked, `tick ${index + 2} looked up`).to.have.members(ids);

      expect(platform.accountUpdates, `updateKeys after tick ${index + 2}`).to.have.length(index + 1);
      const { keys } = platform.accountUpdates[index];
      expect(Object.keys(keys).sort(), 'no manual fields appear').to.deep.equal(['environmentUrl', 'oauth', 'tokenUrl']);
      const oauth = oauthOf(keys);
      expect(oauth).to.include({ token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS });
      expect(Date.parse(String(oauth.expires_at)), 'expires_at').to.be.above(Date.now());
      expect(refreshTokens, 'a new refresh token').not.to.include(oauth.refresh_token);
      refreshTokens.push(oauth.refresh_token);
    }
    expect(sim.stats.tokens.refreshes, 'every refresh was persisted; the lookup step took the trigger\'s tokens').to.equal(2);
    for (const retired of refreshTokens.slice(0, -1)) {
      expect(await probeRefreshToken(sim.credentials, retired), 'a rotated-away refresh token').to.include({ accepted: false, error: 'invalid_grant' });
    }
  });
});
