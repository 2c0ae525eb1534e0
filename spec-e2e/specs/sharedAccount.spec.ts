/**
 * Two flows on one Lightspeed account, as a merchant runs them: pollingEntity(Item) -> lookupObjectById and
 * pollingEntity(Customer) -> lookupObjectById, four sailor processes on one credential and one tight leaky bucket, at
 * the same time. Access tokens live TOKEN_LIFETIME_SECONDS and the component refreshes a minute before expiry, so a
 * token is good for a few seconds; the token endpoint answers slowly, so the steps that need a new token at nearly the
 * same moment all refresh together, from the same stored refresh token, through the platform's credential store.
 */
import { expect } from 'chai';
import { Simulator, startSimulator } from '../../simulator';
import { FlowFixture } from '../harness/flowFixture';
import { probeRefreshToken } from '../harness/oauthProbe';
import { closeOwned, own } from '../harness/ownedResources';
import { PlatformStandIn } from '../harness/platformStandIn';
import { SailorProcess } from '../harness/sailorProcess';
import { sharedBroker } from '../harness/sharedBroker';

const ACCOUNT = 'account-shared';
/** Good for 5 s: the component treats a token as expired a minute early. */
const TOKEN_LIFETIME_SECONDS = 65;
const TOKEN_ENDPOINT_DELAY_MS = 2_500;
const BUCKET = { bucketSize: 10, dripRate: 4 };
const PAGE_SIZE = 5;
const RUN_TIMEOUT_MS = 120_000;

type Body = Record<string, unknown>;

function idsOf(bodies: Body[], key: string): number[] {
  return bodies.map((body) => Number(body[key])).sort((a, b) => a - b);
}

/** A flow of a trigger polling `entity` and a lookup of each record it emits. */
async function openFlow(flowId: string, entity: string, key: string, platform: PlatformStandIn, amqpUri: string): Promise<FlowFixture> {
  return own(flowId, await FlowFixture.open({
    flowId,
    amqpUri,
    platform,
    accountId: ACCOUNT,
    steps: [
      { stepId: 'trigger', functionName: 'pollingEntity', fields: { objectType: entity, pageSize: String(PAGE_SIZE) } },
      { stepId: 'lookup', functionName: 'lookupObjectById', fields: { objectType: entity } },
    ],
    links: [{ from: 'trigger', to: 'lookup', mapping: (body) => ({ id: body[key] }) }],
  }), (flow) => flow.close());
}

describe('Two flows on one account at once: one tight bucket, one credential refreshed by several steps together', function () {
  let sim: Simulator;
  let platform: PlatformStandIn;
  let items: FlowFixture;
  let customers: FlowFixture;

  before(async function () {
    this.timeout(120_000);
    const broker = await sharedBroker();
    sim = own('shared simulator', await startSimulator({
      items: 60, customers: 50, tieGroupStart: 20, tieGroupSize: 15, seed: 'e2e-shared', ...BUCKET,
      tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS,
      slowResponses: { count: 1_000, match: { path: '/auth/oauth/token' }, delayMs: TOKEN_ENDPOINT_DELAY_MS },
    }), (s) => s.close());
    platform = own('shared platform', await PlatformStandIn.start(), (p) => p.close());
    platform.saveAccount(ACCOUNT, { ...sim.credentials });
    items = await openFlow('flow-items', 'Item', 'itemID', platform, broker.amqpUri);
    customers = await openFlow('flow-customers', 'Customer', 'customerID', platform, broker.amqpUri);
  });

  after(async function () {
    this.timeout(60_000);
    await closeOwned('flow-items');
    await closeOwned('flow-customers');
    await closeOwned('shared platform');
    await closeOwned('shared simulator');
  });

  it('both flows finish with every record once; steps refreshing together all go on; the stored credential still works', async function () {
    this.timeout(RUN_TIMEOUT_MS + 30_000);
    const active = (entity: string, key: string): number[] => idsOf(sim.store.list(entity).filter((record) => String(record.archived) !== 'true'), key);
    const expected = { items: active('Item', 'itemID'), customers: active('Customer', 'customerID') };
    const [itemTrigger, itemLookup, customerTrigger, customerLookup]: SailorProcess[] = await Promise.all([
      items.startSailor('trigger'), items.startSailor('lookup'), customers.startSailor('trigger'), customers.startSailor('lookup'),
    ]);

    await Promise.all([items.send('trigger'), customers.send('trigger')]);
    await Promise.all([
      items.outputs.lookup.waitForData(expected.items.length, RUN_TIMEOUT_MS),
      customers.outputs.lookup.waitForData(expected.customers.length, RUN_TIMEOUT_MS),
    ]);
    await Promise.all([
      itemTrigger.waitForSettled(1), customerTrigger.waitForSettled(1),
      itemLookup.waitForSettled(expected.items.length), customerLookup.waitForSettled(expected.customers.length),
    ]);
    for (const [flow, key, ids] of [[items, 'itemID', expected.items], [customers, 'customerID', expected.customers]] as const) {
      for (const stepId of ['trigger', 'lookup']) {
        const outputs = await flow.collectAll(stepId);
        expect(outputs.errors, `${stepId} errors: ${outputs.errorTexts()}`).to.be.empty;
        expect(idsOf(outputs.bodies(), key), `${stepId}: every ${key} once`).to.deep.equal(ids);
      }
    }

    // Refreshes in flight at the same moment (the endpoint holds each for 2.5 s) come from different steps:
    // each step refreshes one at a time.
    const refreshes = sim.stats.log.filter((entry) => entry.route === 'POST /auth/oauth/token').map((entry) => entry.time);
    const together = Math.max(...refreshes.map((start) => refreshes.filter((at) => at >= start && at < start + TOKEN_ENDPOINT_DELAY_MS).length));
    expect(together, `refresh requests at ${refreshes.map((at) => at - refreshes[0]).join(', ')} ms`).to.be.at.least(3);

    const stored = platform.account(ACCOUNT);
    expect((await probeRefreshToken(sim.credentials, String(stored.refreshToken))).accepted, 'the stored refresh token').to.equal(true);
  });
});
