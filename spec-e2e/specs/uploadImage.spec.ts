/**
 * Product pictures on the real runtime: one uploadImage step, fed messages whose picture is an attachment served by
 * the platform stand-in, in both of the platform's kinds (a signed URL, an object of its storage read with the
 * storage token sailor's environment carries). The emitted Image record's url serves the same bytes.
 */
import { expect } from 'chai';
import axios from 'axios';
import { Simulator, startSimulator } from '../../simulator';
import { jpegBytes } from '../../spec/helpers/objectStorage';
import { FlowFixture } from '../harness/flowFixture';
import { closeOwned, own } from '../harness/ownedResources';
import { PlatformStandIn } from '../harness/platformStandIn';
import { SailorProcess } from '../harness/sailorProcess';
import { sharedBroker } from '../harness/sharedBroker';

type Row = Record<string, unknown>;

async function download(url: string): Promise<Buffer> {
  return Buffer.from((await axios.get<ArrayBuffer>(url, { responseType: 'arraybuffer' })).data);
}

describe('Upload Image on sailor + RabbitMQ: the picture from the message\'s attachment', function () {
  let sim: Simulator;
  let platform: PlatformStandIn;
  let flow: FlowFixture;
  let uploader: SailorProcess;
  let itemId: number;

  before(async function () {
    this.timeout(120_000);
    const broker = await sharedBroker();
    sim = own('image simulator', await startSimulator({ items: 3, archivedItems: 0, seed: 'e2e-image' }), (s) => s.close());
    platform = own('image platform', await PlatformStandIn.start(), (p) => p.close());
    platform.saveAccount('account-image', { ...sim.credentials });
    itemId = Number(sim.store.list('Item')[0].itemID);
    flow = own('image flow', await FlowFixture.open({
      flowId: 'flow-image',
      amqpUri: broker.amqpUri,
      platform,
      accountId: 'account-image',
      steps: [{ stepId: 'upload', functionName: 'uploadImage', fields: { objectType: 'Item' } }],
    }), (f) => f.close());
    uploader = await flow.startSailor('upload', platform.storage.env);
  });

  after(async function () {
    this.timeout(60_000);
    await closeOwned('image flow');
    await closeOwned('image platform');
    await closeOwned('image simulator');
  });

  it('uploads an attachment from the platform\'s object storage and one from a signed URL; each url serves the same bytes', async function () {
    const front = jpegBytes(300_000, 11);
    const back = jpegBytes(120_000, 12);
    await flow.send('upload', { itemID: itemId, description: 'Front', ordering: 0 }, { 'front.jpg': platform.storage.maesterAttachment(front, 'image/jpeg') });
    await flow.send('upload', { itemID: itemId, description: 'Back', ordering: 1 }, { 'back.jpg': platform.storage.signedAttachment('back.jpg', back, 'image/jpeg') });
    const records = (await flow.outputs.upload.waitForData(2)).map((output) => output.message.body as Row);

    expect(records.map((record) => [record.filename, record.size, record.itemID])).to.deep.equal([['front.jpg', front.length, itemId], ['back.jpg', back.length, itemId]]);
    expect((await download(records[0].url as string)).equals(front), 'front read back through url').to.equal(true);
    expect((await download(records[1].url as string)).equals(back), 'back read back through url').to.equal(true);
    expect(platform.storage.requests.map((line) => line.replace(/\/objects\/\w+/, '/objects/{id}'))).to.deep.equal(['GET /objects/{id} -> 200', 'GET /signed/back.jpg -> 200']);
    const posts = sim.stats.log.filter((entry) => entry.method === 'POST' && entry.path.startsWith('/API/')).map((entry) => entry.path);
    expect(posts).to.deep.equal([`/API/V3/Account/123456/Item/${itemId}/Image.json`, `/API/V3/Account/123456/Item/${itemId}/Image.json`]);
    expect(uploader.acks).to.equal(2);
  });

  it('an attachment that is not a picture: one error naming it, nothing sent to Lightspeed, the input rejected', async function () {
    const before = sim.stats.requests;
    await flow.send('upload', { itemID: itemId }, { 'notes.txt': platform.storage.signedAttachment('notes.txt', Buffer.from('hello'), 'text/plain') });
    const [published] = await flow.outputs.upload.waitForErrors(1);
    expect(published.error.message).to.equal('attachments["notes.txt"]: is text/plain, not an image (JPEG, PNG or GIF)');
    expect(sim.stats.requests, 'Lightspeed requests').to.equal(before);
    await uploader.waitForSettled(3);
    expect(uploader.rejects).to.equal(1);
  });
});
