/**
 * A two-step flow on the real runtime: pollingEntity (Item) -> lookupObjectById, each step its own
 * sailor process, chained through RabbitMQ (with the platform's mapping `{id: itemID}` in between),
 * against the simulator. Three ticks: everything once; nothing (from the stored snapshot); the 3 touched.
 */
import { expect } from 'chai';
import { Simulator, startSimulator } from '../../simulator';
import { FlowFixture } from '../harness/flowFixture';
import { closeOwned, own } from '../harness/ownedResources';
import { PlatformStandIn } from '../harness/platformStandIn';
import { SailorProcess } from '../harness/sailorProcess';
import { sharedBroker } from '../harness/sharedBroker';
import { waitFor } from '../harness/waitFor';

const ITEMS = 60;
const PAGE_SIZE = 25;
/** Items 20..34 share one timeStamp, so the page boundary at 25 falls inside a tie. */
const TIE_GROUP = { tieGroupStart: 20, tieGroupSize: 15 };
/** Lightspeed stamps whole seconds; the trigger reads up to one second before its run starts. */
const SETTLED_AFTER_MS = 1_100;

type Body = Record<string, unknown>;

function itemIds(bodies: Body[]): number[] {
  return bodies.map((body) => Number(body.itemID));
}

function ascending(ids: number[]): number[] {
  return [...ids].sort((a, b) => a - b);
}

describe('Polling flow on sailor + RabbitMQ: pollingEntity(Item) -> lookupObjectById', function () {
  let sim: Simulator;
  let platform: PlatformStandIn;
  let flow: FlowFixture;
  let trigger: SailorProcess;
  let lookup: SailorProcess;
  /** itemIDs of the seeded, not archived Items (archived ones are not listed by default). */
  let activeIds: number[];

  before(async function () {
    this.timeout(120_000);
    const broker = await sharedBroker();
    sim = own('flow simulator', await startSimulator({ items: ITEMS, ...TIE_GROUP, seed: 'e2e-flow' }), (s) => s.close());
    platform = own('flow platform', await PlatformStandIn.start(), (p) => p.close());
    platform.saveAccount('account-flow', { ...sim.credentials });
    activeIds = ascending(sim.store.list('Item').filter((item) => String(item.archived) !== 'true').map((item) => Number(item.itemID)));
    flow = own('flow fixture', await FlowFixture.open({
      flowId: 'flow-polling',
      amqpUri: broker.amqpUri,
      platform,
      accountId: 'account-flow',
      steps: [
        { stepId: 'trigger', functionName: 'pollingEntity', fields: { objectType: 'Item', pageSize: String(PAGE_SIZE) } },
        { stepId: 'lookup', functionName: 'lookupObjectById', fields: { objectType: 'Item' } },
      ],
      links: [{ from: 'trigger', to: 'lookup', mapping: (body) => ({ id: body.itemID }) }],
    }), (f) => f.close());
  });

  after(async function () {
    this.timeout(60_000);
    await closeOwned('flow fixture');
    await closeOwned('flow platform');
    await closeOwned('flow simulator');
  });

  it('tick 1 publishes every active Item exactly once, with a snapshot per page, and the lookup step returns each', async function () {
    expect(activeIds).to.have.length.above(2 * PAGE_SIZE);
    [trigger, lookup] = await Promise.all([flow.startSailor('trigger'), flow.startSailor('lookup')]);

    await flow.send('trigger');
    await trigger.waitForSettled(1, 60_000);
    const triggerOut = await flow.collectAll('trigger');

    expect(triggerOut.errors, triggerOut.errorTexts()).to.be.empty;
    expect(trigger.acks, 'the tick is acked').to.equal(1);
    const ids = itemIds(triggerOut.bodies());
    expect(new Set(ids).size, 'no Item twice').to.equal(ids.length);
    expect(ascending(ids)).to.deep.equal(activeIds);
    const stamps = triggerOut.bodies().map((body) => Date.parse(String(body.timeStamp)));
    expect(stamps, 'emitted in timeStamp order').to.deep.equal([...stamps].sort((a, b) => a - b));
    const messageIds = triggerOut.data.map((output) => String(output.amqpHeaders.messageId));
    expect(new Set(messageIds).size, 'distinct AMQP messageIds (the next sailor drops repeated ones)').to.equal(messageIds.length);

    expect(triggerOut.snapshots.length, 'a snapshot after each page').to.be.at.least(Math.ceil(activeIds.length / PAGE_SIZE));
    for (const { snapshot } of triggerOut.snapshots) expect(JSON.stringify(snapshot).length, 'snapshots stay small').to.be.below(2_048);
    expect(platform.snapshotOf('flow-polling', 'trigger'), 'the platform stores the last snapshot').to.deep.equal(triggerOut.snapshots[triggerOut.snapshots.length - 1].snapshot);

    const lookupOut = flow.outputs.lookup;
    await lookupOut.waitForData(activeIds.length, 60_000);
    await lookup.waitForSettled(activeIds.length);
    await flow.collectAll('lookup');
    expect(lookupOut.errors, lookupOut.errorTexts()).to.be.empty;
    expect(ascending(itemIds(lookupOut.bodies()))).to.deep.equal(activeIds);
    const polled = new Map(triggerOut.bodies().map((body) => [Number(body.itemID), body]));
    for (const body of lookupOut.bodies()) expect(body, `lookup of Item ${String(body.itemID)}`).to.deep.equal(polled.get(Number(body.itemID)));
  });

  it('tick 2, in a new trigger process started with the stored snapshot, publishes nothing', async function () {
    const triggerOut = flow.outputs.trigger;
    const dataBefore = triggerOut.data.length;
    const fetchesBefore = platform.stepFetches.length;
    await trigger.stop();
    trigger = await flow.startSailor('trigger');
    expect(platform.stepFetches.length, 'the new process read its step (and snapshot) from the platform').to.equal(fetchesBefore + 1);

    await flow.send('trigger');
    await trigger.waitForSettled(1);
    await flow.collectAll('trigger');

    expect(triggerOut.errors, triggerOut.errorTexts()).to.be.empty;
    expect(triggerOut.data.length, 'new data messages').to.equal(dataBefore);
    expect(lookup.acks, 'the lookup step received nothing new').to.equal(activeIds.length);
  });

  it('after 3 Items are touched, tick 3 (same process, snapshot kept in memory) publishes exactly those 3, and the lookup returns them', async function () {
    const triggerOut = flow.outputs.trigger;
    const lookupOut = flow.outputs.lookup;
    const dataBefore = triggerOut.data.length;
    const lookupsBefore = lookupOut.data.length;
    const touchedIds = [activeIds[0], activeIds[PAGE_SIZE], activeIds[activeIds.length - 1]];
    const touched = sim.touch('Item', touchedIds);
    const touchedStamps = new Map(touched.map((item) => [Number(item.itemID), Date.parse(String(item.timeStamp))]));
    // A run reads up to one second before it starts (changes within the current second belong to the next run).
    const settledAt = Math.max(...touchedStamps.values()) + SETTLED_AFTER_MS;
    await waitFor('the touched records\' second to be settled', () => Date.now() >= settledAt, { timeoutMs: 5_000 });

    await flow.send('trigger');
    await trigger.waitForSettled(2);
    await flow.collectAll('trigger');

    expect(triggerOut.errors, triggerOut.errorTexts()).to.be.empty;
    const fresh = triggerOut.bodies().slice(dataBefore);
    expect(ascending(itemIds(fresh))).to.deep.equal(ascending(touchedIds));
    for (const body of fresh) expect(Date.parse(String(body.timeStamp)), `timeStamp of Item ${String(body.itemID)}`).to.equal(touchedStamps.get(Number(body.itemID)));

    await lookupOut.waitForData(lookupsBefore + touchedIds.length);
    await lookup.waitForSettled(activeIds.length + touchedIds.length);
    await flow.collectAll('lookup');
    expect(lookupOut.errors, lookupOut.errorTexts()).to.be.empty;
    const looked = lookupOut.bodies().slice(lookupsBefore);
    expect(looked).to.have.length(touchedIds.length);
    const freshById = new Map(fresh.map((body) => [Number(body.itemID), body]));
    for (const body of looked) expect(body, `lookup of touched Item ${String(body.itemID)}`).to.deep.equal(freshById.get(Number(body.itemID)));
  });
});
