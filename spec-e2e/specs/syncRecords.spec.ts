/**
 * A nightly catalog sync on the real runtime: one syncRecords step matching Items by customSku, one message of 1,000
 * records (5% changed, 1% new), as an ERP sends its catalog; then the same message again, as the next night sends it
 * unchanged.
 */
import { expect } from 'chai';
import type { SyncSummary } from '../../lib/runtime/sync/outcomes';
import { Simulator, startSimulator, WireObject } from '../../simulator';
import { FlowFixture } from '../harness/flowFixture';
import { closeOwned, own } from '../harness/ownedResources';
import { PlatformStandIn } from '../harness/platformStandIn';
import { SailorProcess } from '../harness/sailorProcess';
import { sharedBroker } from '../harness/sharedBroker';

type Row = Record<string, unknown>;
const RECORDS = 1000;

describe('Sync records on sailor + RabbitMQ: 1,000 Items in one message', function () {
  let sim: Simulator;
  let flow: FlowFixture;
  let sync: SailorProcess;
  let records: Row[];

  before(async function () {
    this.timeout(120_000);
    const broker = await sharedBroker();
    sim = own('sync simulator', await startSimulator({ items: RECORDS, archivedItems: 0, seed: 'e2e-sync' }), (s) => s.close());
    const platform = own('sync platform', await PlatformStandIn.start(), (p) => p.close());
    platform.saveAccount('account-sync', { ...sim.credentials });
    flow = own('sync flow', await FlowFixture.open({
      flowId: 'flow-sync',
      amqpUri: broker.amqpUri,
      platform,
      accountId: 'account-sync',
      steps: [{ stepId: 'sync', functionName: 'syncRecords', fields: { objectType: 'Item', matchField: 'customSku' } }],
    }), (f) => f.close());
    sync = await flow.startSailor('sync');
    // The ERP's catalog: every Item as Lightspeed has it, but each 20th with a new description and the last 10 new.
    records = Array.from({ length: RECORDS }, (_, index): Row => {
      const id = index + 1;
      if (id > RECORDS - 10) return { customSku: `ERP-${id}`, description: `New from the ERP ${id}` };
      const item = sim.store.get('Item', id) as WireObject;
      return { customSku: item.customSku, description: id % 20 === 1 ? `Renamed by the ERP ${id}` : item.description };
    });
  });

  after(async function () {
    this.timeout(60_000);
    await closeOwned('sync flow');
    await closeOwned('sync platform');
    await closeOwned('sync simulator');
  });

  const apiWrites = (): number => sim.stats.log.filter((entry) => entry.path.startsWith('/API/') && entry.method !== 'GET').length;
  const lookups = (): number => sim.stats.log.filter((entry) => entry.method === 'GET' && entry.path.includes('/Item.json?customSku=IN')).length;

  it('one summary message: 50 updated, 10 created, 940 unchanged; a write only for those, 10 lookups of 100 keys', async function () {
    this.timeout(120_000);
    await flow.send('sync', { records });
    const [output] = await flow.outputs.sync.waitForData(1, 90_000);
    const summary = output.message.body as unknown as SyncSummary;

    expect({ ...summary, results: undefined, drips: undefined }).to.deep.include({ created: 10, updated: 50, unchanged: 940, skipped: 0, failed: 0 });
    expect(summary.results).to.have.length(60);
    expect(summary.results.filter((result) => result.outcome === 'updated').every((result) => JSON.stringify(result.changed) === '["description"]')).to.equal(true);
    // 10 queries of 1 drip, 50 PUTs of one field, 10 POSTs without nested records.
    expect(summary.drips).to.equal(70);
    expect(apiWrites()).to.equal(60);
    expect(lookups()).to.equal(10);
    expect((sim.store.get('Item', 41) as WireObject).description).to.equal('Renamed by the ERP 41');
    expect(sim.store.list('Item').filter((row) => String(row.customSku).startsWith('ERP-'))).to.have.length(10);
    await sync.waitForSettled(1);
    expect(sync.acks).to.equal(1);
  });

  it('the same message the next night: all 1,000 unchanged, nothing written', async function () {
    this.timeout(120_000);
    const writesBefore = apiWrites();
    await flow.send('sync', { records });
    const outputs = await flow.outputs.sync.waitForData(2, 90_000);
    const summary = outputs[1].message.body as unknown as SyncSummary;

    expect(summary).to.deep.include({ created: 0, updated: 0, unchanged: RECORDS, skipped: 0, failed: 0, drips: 10, results: [] });
    expect(apiWrites(), 'writes').to.equal(writesBefore);
    await sync.waitForSettled(2);
    expect(sync.acks).to.equal(2);
  });
});
