/**
 * Failures on the real runtime: the error a step publishes on its error routing key (what the platform
 * shows the user) must say what is wrong, and the failed input must be rejected, not requeued, so it is
 * not retried forever. One lookupObjectById process serves all three cases in turn.
 */
import { expect } from 'chai';
import { Simulator, startSimulator } from '../../simulator';
import { FlowFixture } from '../harness/flowFixture';
import { InputMessage } from '../harness/inputMessages';
import { closeOwned, own } from '../harness/ownedResources';
import { PlatformStandIn } from '../harness/platformStandIn';
import { SailorProcess } from '../harness/sailorProcess';
import { sharedBroker } from '../harness/sharedBroker';
import { delay } from '../harness/waitFor';

/** A rejected input that were requeued would be redelivered at once; nothing may arrive within this window. */
const NO_RETRY_WINDOW_MS = 3_000;

describe('Errors on sailor + RabbitMQ: lookupObjectById', function () {
  let sim: Simulator;
  let platform: PlatformStandIn;
  let flow: FlowFixture;
  let lookup: SailorProcess;

  before(async function () {
    this.timeout(120_000);
    const broker = await sharedBroker();
    sim = own('errors simulator', await startSimulator({ items: 10, seed: 'e2e-errors' }), (s) => s.close());
    platform = own('errors platform', await PlatformStandIn.start(), (p) => p.close());
    platform.saveAccount('account-errors', { ...sim.credentials });
    flow = own('errors flow', await FlowFixture.open({
      flowId: 'flow-errors',
      amqpUri: broker.amqpUri,
      platform,
      accountId: 'account-errors',
      steps: [{ stepId: 'lookup', functionName: 'lookupObjectById', fields: { objectType: 'Item' } }],
    }), (f) => f.close());
    lookup = await flow.startSailor('lookup');
  });

  after(async function () {
    this.timeout(60_000);
    await closeOwned('errors flow');
    await closeOwned('errors platform');
    await closeOwned('errors simulator');
  });

  it('bad input {id: "abc"}: exactly one error naming body.id; the input is rejected, not requeued, and not retried', async function () {
    const outputs = flow.outputs.lookup;
    const messageId = await flow.send('lookup', { id: 'abc' });
    await lookup.waitForSettled(1);
    await flow.collectAll('lookup');

    expect(outputs.errors, 'error messages').to.have.length(1);
    const [published] = outputs.errors;
    expect(published.error.message, 'the error text').to.match(/body\.id/).and.match(/integer|number/i);
    const failedInput = published.errorInput as InputMessage;
    expect(failedInput.id, 'errorInput is the failed message').to.equal(messageId);
    expect(failedInput.body).to.deep.equal({ id: 'abc' });
    expect(outputs.data, 'no data').to.be.empty;
    expect([lookup.acks, lookup.rejects], '[acked, rejected]').to.deep.equal([0, 1]);
    expect(await flow.waitingIn('lookup'), 'messages back in the listen queue').to.equal(0);

    await delay(NO_RETRY_WINDOW_MS);
    await flow.collectAll('lookup');
    expect(outputs.errors, 'errors after the retry window').to.have.length(1);
    expect(lookup.acks + lookup.rejects, 'inputs handled after the retry window').to.equal(1);
    expect(lookup.running, 'sailor keeps running').to.equal(true);
  });

  it('an unknown id: Lightspeed answers 404 and the step publishes one error saying the Item was not found', async function () {
    const outputs = flow.outputs.lookup;
    await flow.send('lookup', { id: 987654 });
    await lookup.waitForSettled(2);
    await flow.collectAll('lookup');

    expect(outputs.errors, 'error messages').to.have.length(2);
    expect(outputs.errors[1].error.message, 'the error text').to.match(/not found|404|no item/i).and.include('987654');
    expect(lookup.rejects).to.equal(2);
    expect(outputs.data).to.be.empty;
  });

  it('the same process then serves a good lookup', async function () {
    const outputs = flow.outputs.lookup;
    await flow.send('lookup', { id: 1 });
    const [output] = await outputs.waitForData(1);
    expect(Number(output.message.body.itemID)).to.equal(1);
    expect(outputs.errors).to.have.length(2);
  });
});
