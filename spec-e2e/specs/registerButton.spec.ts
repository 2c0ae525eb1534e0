/**
 * The Register button trigger on the real runtime: taps signed by the simulator's key, delivered to a sailor process
 * as the platform delivers a webhook request (query, headers, method, URL; `reply_to` when the flow answers its
 * caller). A tap emits the sale and, with reply_to, the 302 back to the register on the reply queue; without it,
 * nothing on the reply queue and no failure; a forged tap emits nothing, asks Lightspeed nothing and is answered 401.
 */
import { expect } from 'chai';
import { connect } from 'amqplib';
import type { ConfirmChannel, Connection } from 'amqplib';
import { RETURN_URL, Simulator, startSimulator } from '../../simulator';
import { FlowFixture } from '../harness/flowFixture';
import { closeOwned, own } from '../harness/ownedResources';
import { PlatformStandIn } from '../harness/platformStandIn';
import { SailorProcess } from '../harness/sailorProcess';
import { sharedBroker } from '../harness/sharedBroker';
import { delay } from '../harness/waitFor';
import { publishWebhook, ReplyQueue } from '../harness/webhookRequests';

const BUTTON_URL = 'https://in.tenant.example/hook/flow-register-button';

describe('Register button on sailor + RabbitMQ: taps delivered as webhook requests', function () {
  let sim: Simulator;
  let flow: FlowFixture;
  let trigger: SailorProcess;
  let connection: Connection;
  let channel: ConfirmChannel;
  let replies: ReplyQueue;
  let settled = 0;

  before(async function () {
    this.timeout(120_000);
    const broker = await sharedBroker();
    sim = own('button simulator', await startSimulator({ items: 20, customers: 30, sales: 6, seed: 'e2e-button' }), (s) => s.close());
    const platform = own('button platform', await PlatformStandIn.start(), (p) => p.close());
    platform.saveAccount('account-button', { ...sim.credentials });
    flow = own('button flow', await FlowFixture.open({
      flowId: 'flow-button',
      amqpUri: broker.amqpUri,
      platform,
      accountId: 'account-button',
      steps: [{ stepId: 'button', functionName: 'registerButton', fields: { buttonUrl: BUTTON_URL } }],
    }), (f) => f.close());
    connection = own('button amqp', await connect(broker.amqpUri), (c) => c.close());
    channel = await connection.createConfirmChannel();
    replies = await ReplyQueue.bind(connection, flow.topology.exchange, flow.crypto);
    trigger = await flow.startSailor('button');
  });

  after(async function () {
    this.timeout(60_000);
    await replies?.close();
    await closeOwned('button amqp');
    await closeOwned('button flow');
    await closeOwned('button platform');
    await closeOwned('button simulator');
  });

  /** Delivers a tap and waits until sailor has acked it and everything it published is collected. */
  async function deliver(query: Record<string, string>, replyTo?: string): Promise<void> {
    await publishWebhook(channel, flow.step('button').listenQueue, flow.crypto, query, replyTo);
    settled += 1;
    await trigger.waitForSettled(settled, 60_000);
    await flow.collectAll('button');
  }

  it('a real-time flow (reply_to): the sale with its lines emitted, and the 302 to returnURL on the reply queue', async function () {
    const tap = sim.signButtonTap(BUTTON_URL, 'sale', 3);
    await deliver(tap.query, replies.key);
    const outputs = flow.outputs.button;
    expect(outputs.errors, outputs.errorTexts()).to.be.empty;
    expect(outputs.bodies()).to.have.length(1);
    const body = outputs.bodies()[0] as { tap: Record<string, string>; Sale: Record<string, unknown> };
    expect(body.tap).to.include({ saleID: '3', type: 'sale', accountID: sim.credentials.accountId });
    expect(body.Sale).to.include({ saleID: 3 });
    expect(body.Sale.SaleLines).to.be.an('object');
    const [reply] = await replies.waitForReplies(1);
    expect(reply.statusCode).to.equal(302);
    expect(reply.headers.Location).to.equal(RETURN_URL);
    expect(reply.body).to.contain(`href="${RETURN_URL}"`);
    expect(trigger.rejects).to.equal(0);
  });

  it('an ordinary flow (no reply_to): the sale emitted, no answer published (sailor would refuse it), no error', async function () {
    await deliver(sim.signButtonTap(BUTTON_URL, 'sale', 1).query);
    const outputs = flow.outputs.button;
    expect(outputs.errors, outputs.errorTexts()).to.be.empty;
    expect(outputs.bodies().map((body) => (body.Sale as { saleID: number }).saleID)).to.deep.equal([3, 1]);
    await delay(500);
    expect(replies.replies).to.have.length(1);
    expect(trigger.rejects).to.equal(0);
  });

  it('a forged tap (saleID changed after signing): answered 401, nothing emitted, no request to Lightspeed', async function () {
    const apiBefore = sim.stats.apiRequests;
    await deliver({ ...sim.signButtonTap(BUTTON_URL, 'sale', 3).query, saleID: '2' }, replies.key);
    const [, refusal] = await replies.waitForReplies(2);
    expect(refusal.statusCode).to.equal(401);
    expect(refusal.body).to.match(/^Refused: the signature does not match the tap/);
    expect(flow.outputs.button.bodies()).to.have.length(2);
    expect(flow.outputs.button.errors).to.be.empty;
    expect(sim.stats.apiRequests).to.equal(apiBefore);
    expect(replies.errors).to.be.empty;
  });
});
