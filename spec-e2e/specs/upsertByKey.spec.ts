/**
 * A one-way product mirror on the real runtime: one upsertObject step matching Items by customSku, as a web shop
 * pushes its products. The same product twice, with a new price the second time: one Item in Lightspeed, created
 * then updated; then a customSku two Items share: one error naming both, nothing written.
 */
import { expect } from 'chai';
import { Simulator, startSimulator } from '../../simulator';
import { FlowFixture } from '../harness/flowFixture';
import { closeOwned, own } from '../harness/ownedResources';
import { PlatformStandIn } from '../harness/platformStandIn';
import { SailorProcess } from '../harness/sailorProcess';
import { sharedBroker } from '../harness/sharedBroker';

type Row = Record<string, unknown>;

const product = (price: number): Row => ({ customSku: 'SHOP-1001', description: 'Linen shirt - White', Prices: { ItemPrice: [{ amount: price, useType: 'Default' }] } });

describe('Upsert by key on sailor + RabbitMQ: upsertObject matching Items by customSku', function () {
  let sim: Simulator;
  let flow: FlowFixture;
  let upsert: SailorProcess;

  before(async function () {
    this.timeout(120_000);
    const broker = await sharedBroker();
    sim = own('upsert simulator', await startSimulator({ items: 10, seed: 'e2e-upsert' }), (s) => s.close());
    const platform = own('upsert platform', await PlatformStandIn.start(), (p) => p.close());
    platform.saveAccount('account-upsert', { ...sim.credentials });
    flow = own('upsert flow', await FlowFixture.open({
      flowId: 'flow-upsert',
      amqpUri: broker.amqpUri,
      platform,
      accountId: 'account-upsert',
      steps: [{ stepId: 'upsert', functionName: 'upsertObject', fields: { objectType: 'Item', matchField: 'customSku' } }],
    }), (f) => f.close());
    upsert = await flow.startSailor('upsert');
  });

  after(async function () {
    this.timeout(60_000);
    await closeOwned('upsert flow');
    await closeOwned('upsert platform');
    await closeOwned('upsert simulator');
  });

  it('creates the Item on the first message and updates the same Item on the second: one record in Lightspeed', async function () {
    await flow.send('upsert', product(39.9));
    await flow.outputs.upsert.waitForData(1);
    await flow.send('upsert', product(34.5));
    const [first, second] = (await flow.outputs.upsert.waitForData(2)).map((output) => output.message.body as { matched: string; record: Row });

    expect(first.matched).to.equal('created');
    expect(second.matched).to.equal('updated');
    expect(second.record.itemID).to.equal(first.record.itemID);
    const stored = sim.store.list('Item').filter((row) => row.customSku === 'SHOP-1001');
    expect(stored.map((row) => Number(row.itemID))).to.deep.equal([first.record.itemID]);
    const prices = (second.record.Prices as { ItemPrice: Row[] }).ItemPrice;
    expect(prices.find((price) => price.useType === 'Default')?.amount).to.equal(34.5);
    expect(upsert.acks).to.equal(2);
  });

  it('a customSku two Items share: one error naming both IDs, and nothing written', async function () {
    const twins = [1, 2].map(() => sim.store.create('Item', { description: 'Twin', customSku: 'DUP-7' }).itemID);
    const apiWrites = () => sim.stats.log.filter((entry) => entry.path.startsWith('/API/') && entry.method !== 'GET').length;
    const writesBefore = apiWrites();
    await flow.send('upsert', { customSku: 'DUP-7', description: 'x' });
    const [published] = await flow.outputs.upsert.waitForErrors(1);

    expect(published.error.message).to.equal(`Upsert by key: 2 Item records have customSku "DUP-7" (itemID ${twins.join(', ')}); keep one of them. Nothing was written.`);
    expect(apiWrites(), 'writes').to.equal(writesBefore);
    await upsert.waitForSettled(3);
    expect(upsert.rejects).to.equal(1);
  });
});
