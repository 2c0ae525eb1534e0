import { expect } from 'chai';
import axios from 'axios';
import nock from 'nock';
import * as remove from '../../lib/actions/deleteObjectById';
import * as lookup from '../../lib/actions/lookupObjectById';
import * as uploadImage from '../../lib/actions/uploadImage';
import * as trigger from '../../lib/triggers/pollingEntity';
import { Simulator } from '../../simulator';
import { apiRequests, Emitted, getContext, nextScheduledTick, run, simulatorWith } from '../helpers/component';
import { jpegBytes, ObjectStorage } from '../helpers/objectStorage';

type Cfg = Awaited<ReturnType<typeof simulatorWith>>['cfg'];
type Row = Record<string, unknown>;
const ACCOUNT = '/API/V3/Account/123456';

/** Runs Upload Image with a message that may carry attachments. */
async function upload(body: unknown, cfg: Record<string, unknown>, attachments: Record<string, unknown> = {}): Promise<Emitted & { thrown?: Error }> {
  const context = getContext();
  try {
    await uploadImage.process.call(context, { id: 'msg-1', body, headers: {}, attachments }, cfg);
    return context.emitted;
  } catch (error) {
    return { ...context.emitted, thrown: error as Error };
  }
}

async function download(url: string): Promise<Buffer> {
  const response = await axios.get<ArrayBuffer>(url, { responseType: 'arraybuffer' });
  return Buffer.from(response.data);
}

describe('Upload Image (against the simulator and a stand-in of the platform\'s storage)', () => {
  let sim: Simulator;
  let cfg: Cfg;
  let storage: ObjectStorage;
  let saved: NodeJS.ProcessEnv;
  const picture = jpegBytes(150_000, 7);

  // nock's interceptor (loaded by other specs) cuts streamed downloads of this size short: real sockets here.
  before(() => nock.restore());
  after(() => nock.activate());

  beforeEach(async () => {
    ({ sim, cfg } = await simulatorWith({ items: 5, sales: 0, customers: 0 }));
    storage = await ObjectStorage.start();
    saved = { ...process.env };
    Object.assign(process.env, storage.env);
  });
  afterEach(async () => {
    process.env = saved;
    await storage.close();
    await sim.close();
  });

  const firstItemId = (): number => Number(sim.store.list('Item')[0].itemID);
  const posts = (): string[] => apiRequests(sim).filter((line) => line.startsWith('POST'));

  async function expectStored(emitted: { data: unknown[]; thrown?: Error }, itemId: number, bytes: Buffer): Promise<Row> {
    expect(emitted.thrown).to.equal(undefined);
    const record = emitted.data[0] as Row;
    expect(record).to.include({ itemID: itemId, size: bytes.length });
    expect(record.url).to.equal(`${record.baseImageURL as string}${record.publicID as string}.jpg`);
    expect((await download(record.url as string)).equals(bytes), 'the bytes read back through url').to.equal(true);
    return record;
  }

  it('from base64: one POST of Item/{itemID}/Image.json; the emitted url serves the same bytes', async () => {
    const itemId = firstItemId();
    const emitted = await upload({ itemID: itemId, description: 'Front', ordering: 1, imageBase64: picture.toString('base64'), filename: 'shirt.jpg' }, cfg({ objectType: 'Item' }));
    const record = await expectStored(emitted, itemId, picture);
    expect(record).to.include({ description: 'Front', ordering: 1, filename: 'shirt.jpg', itemMatrixID: 0 });
    expect(posts()).to.deep.equal([`POST ${ACCOUNT}/Item/${itemId}/Image.json`]);
  });

  it('from a URL: downloaded, then streamed to Lightspeed; the file name comes from the URL', async () => {
    const itemId = firstItemId();
    const served = storage.signedAttachment('linen-shirt.jpg', picture, 'image/jpeg');
    const emitted = await upload({ itemID: itemId, imageUrl: served.url }, cfg({ objectType: 'Item' }));
    const record = await expectStored(emitted, itemId, picture);
    expect(record.filename).to.equal('linen-shirt.jpg');
  });

  it('from the message\'s only attachment, a signed (steward) URL read as it is', async () => {
    const itemId = firstItemId();
    const attachments = { 'photo.jpg': storage.signedAttachment('photo.jpg', picture, 'image/jpeg') };
    const emitted = await upload({ itemID: itemId }, cfg({ objectType: 'Item' }), attachments);
    const record = await expectStored(emitted, itemId, picture);
    expect(record.filename).to.equal('photo.jpg');
    expect(storage.requests).to.deep.equal(['GET /signed/photo.jpg -> 200']);
  });

  it('from a named attachment in the platform\'s object storage (maester), read with the storage token', async () => {
    const itemId = firstItemId();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), jpegBytes(5000).subarray(8)]);
    const attachments = { 'notes.txt': storage.signedAttachment('notes.txt', Buffer.from('hello'), 'text/plain'), 'side.png': storage.maesterAttachment(png, 'image/png') };
    const emitted = await upload({ itemID: itemId }, cfg({ objectType: 'Item', attachmentName: 'side.png' }), attachments);
    await expectStored(emitted, itemId, png);
    expect(storage.requests).to.have.length(1);
    expect(storage.requests[0]).to.match(/^GET \/objects\/\w+ -> 200$/);
  });

  it('to an Item found by customSku (Match by), as Upsert finds it', async () => {
    const item = sim.store.create('Item', { description: 'Linen shirt', customSku: 'SHOP-1001' });
    const emitted = await upload({ customSku: 'SHOP-1001', imageBase64: picture.toString('base64'), filename: 'shirt.jpg' }, cfg({ objectType: 'Item', matchField: 'customSku' }));
    await expectStored(emitted, Number(item.itemID), picture);
    expect(apiRequests(sim).map((line) => line.replace(/\?.*/, ''))).to.deep.equal([`GET ${ACCOUNT}/Item.json`, `POST ${ACCOUNT}/Item/${item.itemID}/Image.json`]);
  });

  it('to an ItemMatrix: POST ItemMatrix/{itemMatrixID}/Image.json', async () => {
    const matrix = sim.store.create('ItemMatrix', { description: 'Linen shirt (sizes)' });
    const emitted = await upload({ itemMatrixID: matrix.itemMatrixID, imageBase64: picture.toString('base64'), filename: 'matrix.jpg' }, cfg({ objectType: 'ItemMatrix' }));
    if (emitted.thrown) console.log(emitted.thrown.stack);
    expect(emitted.thrown).to.equal(undefined);
    expect(emitted.data[0]).to.include({ itemMatrixID: Number(matrix.itemMatrixID), itemID: 0, size: picture.length });
    expect(posts()).to.deep.equal([`POST ${ACCOUNT}/ItemMatrix/${matrix.itemMatrixID}/Image.json`]);
  });

  it('no Item with that customSku: an error, nothing uploaded', async () => {
    const emitted = await upload({ customSku: 'NOPE', imageBase64: picture.toString('base64'), filename: 'x.jpg' }, cfg({ objectType: 'Item', matchField: 'customSku' }));
    expect(emitted.thrown?.message).to.equal('Upload Image: no Item has customSku "NOPE" (archived included). Nothing was uploaded.');
    expect(posts()).to.deep.equal([]);
  });

  describe('a lost answer is never blindly sent again', () => {
    it('the upload was stored: found by file name and size, emitted, said so, not sent again', async () => {
      const itemId = firstItemId();
      sim.setOptions({ dropConnections: { count: 1, match: { method: 'POST', path: '/Image.json' } } });
      const emitted = await upload({ itemID: itemId, imageBase64: picture.toString('base64'), filename: 'shirt.jpg' }, cfg({ objectType: 'Item' }));
      const record = await expectStored(emitted, itemId, picture);
      expect(posts()).to.have.length(1);
      expect(apiRequests(sim).at(-1)).to.match(new RegExp(`^GET ${ACCOUNT}/Item/${itemId}/Image.json`));
      expect(sim.store.list('Image').filter((row) => Number(row.itemID) === itemId)).to.have.length(1);
      expect(emitted.logs.join('\n')).to.contain(`the answer to the upload of shirt.jpg to Item ${itemId} was lost`)
        .and.to.contain(`Image ${record.imageID} with that name and ${picture.length} bytes is there`).and.to.contain('not sent again');
    });

    it('the upload was not stored (a 500 before it was applied): none found, sent once more, said so', async () => {
      const itemId = firstItemId();
      sim.setOptions({ failures: [{ status: 500, count: 1, match: { method: 'POST', path: '/Image.json' } }] });
      const emitted = await upload({ itemID: itemId, imageBase64: picture.toString('base64'), filename: 'shirt.jpg' }, cfg({ objectType: 'Item' }));
      await expectStored(emitted, itemId, picture);
      expect(posts()).to.have.length(2);
      expect(sim.store.list('Image').filter((row) => Number(row.itemID) === itemId)).to.have.length(1);
      expect(emitted.logs.join('\n')).to.contain('no image with that name and size is there: sent it once more');
    });

    it('from a URL, sent once more: the picture is downloaded again for the second POST, the same bytes stored', async () => {
      const itemId = firstItemId();
      const served = storage.signedAttachment('shirt.jpg', picture, 'image/jpeg');
      sim.setOptions({ failures: [{ status: 500, count: 1, match: { method: 'POST', path: '/Image.json' } }] });
      const emitted = await upload({ itemID: itemId, imageUrl: served.url }, cfg({ objectType: 'Item' }));
      await expectStored(emitted, itemId, picture);
      expect(posts()).to.have.length(2);
      expect(storage.requests).to.deep.equal(['GET /signed/shirt.jpg -> 200', 'GET /signed/shirt.jpg -> 200']);
    });
  });
});

describe('Image records carry url wherever they are emitted; Delete Object By ID deletes them', () => {
  let sim: Simulator;
  let cfg: Cfg;
  let itemId: number;
  let uploaded: Row;
  const picture = jpegBytes(2000, 3);

  before(async () => {
    ({ sim, cfg } = await simulatorWith({ items: 3, archivedItems: 0, sales: 0, customers: 0 }));
    itemId = Number(sim.store.list('Item')[0].itemID);
    const emitted = await upload({ itemID: itemId, imageBase64: picture.toString('base64'), filename: 'front.jpg' }, cfg({ objectType: 'Item' }));
    uploaded = emitted.data[0] as Row;
  });
  after(() => sim.close());

  const expectedUrl = (): string => `${sim.url}/images/${uploaded.publicID as string}.jpg`;

  it('Lookup of an Image by ID', async () => {
    const result = await run(lookup, { id: uploaded.imageID }, cfg({ objectType: 'Image' }));
    expect(result.data[0]).to.include({ imageID: uploaded.imageID, url: expectedUrl(), size: picture.length });
  });

  it('Lookup of an Item\'s images (ItemImage, by itemID)', async () => {
    const result = await run(lookup, { itemID: itemId }, cfg({ objectType: 'ItemImage' }));
    expect(result.data.map((record) => (record as Row).url)).to.deep.equal([expectedUrl()]);
  });

  it('the Images relation of an Item, in Lookup and in the trigger', async () => {
    const looked = await run(lookup, { id: itemId, loadRelations: ['Images'] }, cfg({ objectType: 'Item' }));
    expect(looked.thrown).to.equal(undefined);
    const images = ((looked.data[0] as Row).Images as { Image: Row[] }).Image;
    expect(images.map((image) => image.url)).to.deep.equal([expectedUrl()]);
    await nextScheduledTick(); // the trigger takes changes at least a second old
    const polled = await run(trigger, {}, cfg({ objectType: 'Item', loadRelations: 'Images' }));
    expect(polled.thrown).to.equal(undefined);
    const item = polled.data.find((record) => (record as Row).itemID === itemId) as Row;
    expect((item.Images as { Image: Row[] }).Image.map((image) => image.url)).to.deep.equal([expectedUrl()]);
  });

  it('Lookup with "Attach images": each picture copied into the platform\'s storage and carried as an attachment', async () => {
    const storage = await ObjectStorage.start();
    const saved = { ...process.env };
    Object.assign(process.env, storage.env);
    try {
      const context = getContext();
      await lookup.process.call(context, { id: 'msg-1', body: { id: itemId, loadRelations: ['Images'] } }, cfg({ objectType: 'Item', attachImages: true }));
      const message = context.emitted.emit.args.find(([event]) => event === 'data')?.[1] as { attachments: Record<string, { url: string; size: number; 'content-type': string }> };
      const name = `${uploaded.imageID as number}-front.jpg`;
      expect(Object.keys(message.attachments)).to.deep.equal([name]);
      const attachment = message.attachments[name];
      expect(attachment).to.include({ size: picture.length, 'content-type': 'image/jpeg' });
      expect(attachment.url).to.match(new RegExp(`^${storage.url}/objects/\\w+\\?storage_type=maester$`));
      expect(storage.objectAt(attachment.url)?.bytes.equals(picture), 'the stored bytes').to.equal(true);
    } finally {
      process.env = saved;
      await storage.close();
    }
  });

  it('"Attach images" without the platform\'s storage: refused before any request', async () => {
    const saved = { ...process.env };
    delete process.env.ELASTICIO_OBJECT_STORAGE_URI;
    sim.resetStats();
    try {
      const result = await run(lookup, { id: itemId }, cfg({ objectType: 'Item', attachImages: true }));
      expect(result.thrown?.message).to.equal('attachImages: needs the platform\'s object storage, and ELASTICIO_OBJECT_STORAGE_URI is not set');
      expect(sim.stats.requests).to.equal(0);
    } finally {
      process.env = saved;
    }
  });

  it('Delete Object By ID on Image: DELETE Image/{imageID}.json, the picture gone from the Item', async () => {
    const result = await run(remove, { id: uploaded.imageID }, cfg({ objectType: 'Image' }));
    expect(result.thrown).to.equal(undefined);
    expect(result.data[0]).to.deep.include({ id: uploaded.imageID, result: 'deleted' });
    expect(apiRequests(sim).at(-1)).to.equal(`DELETE ${ACCOUNT}/Image/${uploaded.imageID as number}.json`);
    expect(sim.store.list('Image')).to.deep.equal([]);
  });
});

describe('Upload Image at design time', () => {
  it('Match by: the record\'s ID, then for Items the keys Upsert matches by', async () => {
    expect(await uploadImage.getMatchFields({ objectType: 'ItemMatrix' })).to.deep.equal({ itemMatrixID: 'itemMatrixID (the record\'s ID)' });
    expect(Object.keys(await uploadImage.getMatchFields({ objectType: 'Item' }))).to.deep.equal(['itemID', 'customSku', 'systemSku', 'upc', 'ean', 'manufacturerSku']);
  });

  it('metadata: the key (required), the image\'s text and sources in; the Image record with url out', async () => {
    const byId = await uploadImage.getMetaModel({ objectType: 'Item' });
    expect(Object.keys(byId.in.properties ?? {})).to.deep.equal(['itemID', 'description', 'ordering', 'imageUrl', 'imageBase64', 'filename']);
    expect(byId.in.properties?.itemID).to.include({ required: true });
    const bySku = await uploadImage.getMetaModel({ objectType: 'Item', matchField: 'customSku' });
    expect(bySku.in.properties?.customSku).to.include({ type: 'string', required: true });
    expect(bySku.in.properties).not.to.have.property('itemID');
    expect(bySku.out.properties).to.include.keys('imageID', 'publicID', 'baseImageURL', 'size', 'url');
  });
});
