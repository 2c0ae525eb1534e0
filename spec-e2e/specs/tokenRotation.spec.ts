/**
 * Refresh-token rotation on the real runtime. Lightspeed issues a new refresh token on every refresh and
 * revokes the old one once the new access token is used; the component must hand each new one to the
 * platform (updateKeys -> PUT /v1/accounts/{id}) and keep using the newest itself, since a running
 * container keeps the cfg it started with. Access tokens live TOKEN_LIFETIME_SECONDS here, so refreshes
 * happen during the run.
 */
import { expect } from 'chai';
import { Simulator, startSimulator } from '../../simulator';
import { FlowFixture } from '../harness/flowFixture';
import { probeRefreshToken } from '../harness/oauthProbe';
import { closeOwned, own } from '../harness/ownedResources';
import { AccountUpdate, JsonObject, PlatformStandIn } from '../harness/platformStandIn';
import { SailorProcess } from '../harness/sailorProcess';
import { callService } from '../harness/serviceCall';
import { sharedBroker } from '../harness/sharedBroker';
import { waitFor } from '../harness/waitFor';

const TOKEN_LIFETIME_SECONDS = 5;
const ACCOUNT = 'account-tokens';
const CREDENTIAL_FIELDS = ['environmentUrl', 'accountId', 'clientId', 'clientSecret', 'refreshToken', 'tokenUrl'];
/** Lightspeed stamps whole seconds; the trigger reads up to one second before its run starts. */
const SETTLED_AFTER_MS = 1_100;

interface PersistedOAuth {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_at?: unknown;
}

function oauthOf(update: AccountUpdate): PersistedOAuth {
  return (update.keys.oauth ?? {}) as PersistedOAuth;
}

describe('Refresh-token rotation through updateKeys on sailor + RabbitMQ', function () {
  let sim: Simulator;
  let platform: PlatformStandIn;
  let flow: FlowFixture;
  let trigger: SailorProcess;
  let originalRefreshToken: string;
  let refreshesBeforeFlow = 0;

  before(async function () {
    this.timeout(120_000);
    const broker = await sharedBroker();
    sim = own('tokens simulator', await startSimulator({ items: 30, tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS, seed: 'e2e-tokens' }), (s) => s.close());
    platform = own('tokens platform', await PlatformStandIn.start(), (p) => p.close());
    originalRefreshToken = sim.credentials.refreshToken;
    platform.saveAccount(ACCOUNT, { ...sim.credentials });
    flow = own('tokens flow', await FlowFixture.open({
      flowId: 'flow-tokens',
      amqpUri: broker.amqpUri,
      platform,
      accountId: ACCOUNT,
      steps: [
        { stepId: 'trigger', functionName: 'pollingEntity', fields: { objectType: 'Item', pageSize: '10' } },
        { stepId: 'lookup', functionName: 'lookupObjectById', fields: { objectType: 'Item' } },
      ],
    }), (f) => f.close());
  });

  after(async function () {
    this.timeout(60_000);
    await closeOwned('tokens flow');
    await closeOwned('tokens platform');
    await closeOwned('tokens simulator');
  });

  /** Touches Items and waits until their second is one the next run reads. */
  async function touchAndSettle(ids: number[]): Promise<void> {
    const stamps = sim.touch('Item', ids).map((item) => Date.parse(String(item.timeStamp)));
    const settledAt = Math.max(...stamps) + SETTLED_AFTER_MS;
    await waitFor('the touched records\' second to be settled', () => Date.now() >= settledAt, { timeoutMs: 5_000 });
  }

  it('verifyCredentials (service mode, where sailor persists no keys) leaves the stored refresh token usable', async function () {
    const outcome = await callService(platform, { method: 'verifyCredentials', cfg: platform.account(ACCOUNT) });
    expect(outcome.data).to.deep.equal({ verified: true });
    expect(platform.accountUpdates, 'verifyCredentials cannot persist keys').to.be.empty;
    expect((await probeRefreshToken(sim.credentials, originalRefreshToken)).accepted, 'the stored refresh token after verifyCredentials').to.equal(true);
    refreshesBeforeFlow = sim.stats.tokens.refreshes;
  });

  it('a trigger process persists every rotation through PUT /v1/accounts/{id} and keeps working with the newest token', async function () {
    this.timeout(60_000);
    const triggerOut = flow.outputs.trigger;
    trigger = await flow.startSailor('trigger');
    await flow.send('trigger');
    await trigger.waitForSettled(1);
    await flow.collectAll('trigger');
    expect(triggerOut.errors, triggerOut.errorTexts()).to.be.empty;
    expect(triggerOut.data, 'tick 1 data').to.not.be.empty;
    expect(platform.accountUpdates, 'updateKeys after the first refresh').to.not.be.empty;
    const firstUpdates = platform.accountUpdates.length;

    // Let the access token expire, so the next tick must refresh with the token this process rotated to.
    const expiresAt = Date.parse(String(oauthOf(platform.accountUpdates[firstUpdates - 1]).expires_at));
    expect(expiresAt, 'oauth.expires_at is a date').to.be.a('number').and.not.NaN;
    await waitFor('the access token to expire', () => Date.now() > expiresAt, { timeoutMs: (TOKEN_LIFETIME_SECONDS + 5) * 1_000 });
    await touchAndSettle([1, 2]);
    const dataBefore = triggerOut.data.length;
    await flow.send('trigger');
    await trigger.waitForSettled(2);
    await flow.collectAll('trigger');
    expect(triggerOut.errors, triggerOut.errorTexts()).to.be.empty;
    expect(triggerOut.bodies().slice(dataBefore).map((body) => Number(body.itemID)), 'tick 2 data').to.have.members([1, 2]);

    const updates = platform.accountUpdates;
    expect(updates.length, 'a refresh during the run was persisted too').to.be.above(firstUpdates);
    for (const update of updates) {
      expect(update.accountId).to.equal(ACCOUNT);
      for (const field of CREDENTIAL_FIELDS) expect(update.keys, `updateKeys payload field ${field}`).to.have.property(field);
      const oauth = oauthOf(update);
      expect(oauth.access_token, 'oauth.access_token').to.be.a('string').and.not.empty;
      expect(oauth.refresh_token, 'oauth.refresh_token equals refreshToken').to.equal(update.keys.refreshToken);
    }
    const tokens = updates.map((update) => String(update.keys.refreshToken));
    expect(new Set([originalRefreshToken, ...tokens]).size, 'every rotation brings a new refresh token').to.equal(tokens.length + 1);
    expect(sim.stats.tokens.refreshes - refreshesBeforeFlow, 'every refresh was persisted').to.equal(updates.length);
    const original = await probeRefreshToken(sim.credentials, originalRefreshToken);
    expect(original, 'the original refresh token is revoked').to.include({ accepted: false, status: 400, error: 'invalid_grant' });
  });

  it('a new process started from the stored credential (the rotated refresh token) works', async function () {
    this.timeout(60_000);
    const triggerOut = flow.outputs.trigger;
    const stored = platform.account(ACCOUNT);
    expect(stored.refreshToken).to.equal(platform.accountUpdates[platform.accountUpdates.length - 1].keys.refreshToken);
    await trigger.stop();
    trigger = await flow.startSailor('trigger');
    expect((platform.configOf('flow-tokens', 'trigger') as JsonObject).refreshToken, 'the config the new process received').to.equal(stored.refreshToken);

    await touchAndSettle([3]);
    const dataBefore = triggerOut.data.length;
    await flow.send('trigger');
    await trigger.waitForSettled(1);
    await flow.collectAll('trigger');
    expect(triggerOut.errors, triggerOut.errorTexts()).to.be.empty;
    expect(triggerOut.bodies().slice(dataBefore).map((body) => Number(body.itemID))).to.deep.equal([3]);
  });

  it('two steps sharing the credential: a step started before another step rotated the token keeps working', async function () {
    this.timeout(60_000);
    // On the platform every step of a flow runs in its own container, all started with the same stored credential.
    const lookup = await flow.startSailor('lookup');
    const lookupOut = flow.outputs.lookup;
    const startedWith = (platform.configOf('flow-tokens', 'lookup').oauth ?? {}) as PersistedOAuth;
    const updatesBefore = platform.accountUpdates.length;
    await touchAndSettle([4]);
    await flow.send('trigger');
    await trigger.waitForSettled(2);
    expect(platform.accountUpdates.length, 'the trigger rotated the shared refresh token').to.be.above(updatesBefore);
    // The lookup step's stored access token must be unusable too, so that it has to refresh.
    const expiresAt = Date.parse(String(startedWith.expires_at));
    await waitFor('the access token the lookup step started with to expire', () => Date.now() > expiresAt, { timeoutMs: (TOKEN_LIFETIME_SECONDS + 5) * 1_000 });

    await flow.send('lookup', { id: 4 });
    await lookup.waitForSettled(1);
    await flow.collectAll('lookup');
    expect(lookupOut.errors, lookupOut.errorTexts()).to.be.empty;
    expect(lookupOut.bodies().map((body) => Number(body.itemID))).to.deep.equal([4]);
  });
});
