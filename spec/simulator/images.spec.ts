import { expect } from 'chai';
import FormData from 'form-data';
import axios from 'axios';
import { Simulator, startSimulator } from '../../simulator';
import { accessToken } from './helpers';

const ACCOUNT = '/API/V3/Account/123456';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);

interface Parts { data?: string; image?: Buffer; filename?: string }

/** POSTs a multipart body with the parts given (each may be left out) to an image endpoint. */
async function post(sim: Simulator, token: string, path: string, parts: Parts): Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, unknown> }> {
  const form = new FormData();
  if (parts.data !== undefined) form.append('data', parts.data);
  if (parts.image) form.append('image', parts.image, { filename: parts.filename ?? 'front.jpg', contentType: 'image/jpeg' });
  const response = await axios.post(`${sim.url}${ACCOUNT}/${path}`, form, { headers: { ...form.getHeaders(), Authorization: `Bearer ${token}` }, validateStatus: () => true });
  return { status: response.status, body: response.data as Record<string, unknown>, headers: response.headers as Record<string, unknown> };
}

describe('simulator: image uploads (multipart, as Lightspeed takes them)', () => {
  let sim: Simulator;
  let token: string;
  beforeEach(async () => {
    sim = await startSimulator({ items: 3, archivedItems: 0, sales: 0, customers: 0, rateLimit: true, burstLimit: null });
    token = await accessToken(sim);
  });
  afterEach(() => sim.close());

  it('stores the bytes, answers the Image record, and serves the picture under its baseImageURL', async () => {
    const { status, body } = await post(sim, token, 'Item/1/Image.json', { data: JSON.stringify({ description: 'Front', ordering: 2 }), image: JPEG });
    expect(status).to.equal(200);
    const image = body.Image as Record<string, string>;
    expect(image).to.include({ imageID: '1', description: 'Front', ordering: '2', filename: 'front.jpg', itemID: '1', itemMatrixID: '0', size: String(JPEG.length), baseImageURL: `${sim.url}/images/` });
    const picture = await axios.get<ArrayBuffer>(`${image.baseImageURL}w_300,h_200,c_limit/${image.publicID}.jpg`, { responseType: 'arraybuffer' });
    expect(Buffer.from(picture.data).equals(JPEG)).to.equal(true);
    expect(picture.headers['content-type']).to.equal('image/jpeg');
  });

  it('Image.json takes the parent in data; ItemMatrix/{id}/Image.json from the path', async () => {
    const matrix = sim.store.create('ItemMatrix', { description: 'Shirt' });
    const byData = await post(sim, token, 'Image.json', { data: JSON.stringify({ itemID: 2 }), image: JPEG });
    expect(byData.body.Image).to.include({ itemID: '2' });
    const byPath = await post(sim, token, `ItemMatrix/${matrix.itemMatrixID}/Image.json`, { data: '{}', image: JPEG });
    expect(byPath.body.Image).to.include({ itemMatrixID: String(matrix.itemMatrixID), itemID: '0' });
  });

  const refusals: Array<[string, string, Parts, number, string]> = [
    ['no data part', 'Item/1/Image.json', { image: JPEG }, 400, 'The "data" part is missing'],
    ['data that is not JSON', 'Item/1/Image.json', { data: 'description=Front', image: JPEG }, 400, 'The "data" part must be a JSON object'],
    ['no image part', 'Item/1/Image.json', { data: '{}' }, 400, 'The "image" file part is missing'],
    ['an empty image', 'Item/1/Image.json', { data: '{}', image: Buffer.alloc(0) }, 400, 'The "image" file is empty'],
    ['an unknown Item', 'Item/99/Image.json', { data: '{}', image: JPEG }, 404, 'Item 99 not found'],
    ['Image.json without a parent', 'Image.json', { data: '{}', image: JPEG }, 400, 'An image needs an itemID or an itemMatrixID'],
  ];
  for (const [name, path, parts, status, message] of refusals) {
    it(`refuses ${name}: ${status}, nothing stored`, async () => {
      const response = await post(sim, token, path, parts);
      expect([response.status, response.body.message]).to.deep.equal([status, message]);
      expect(sim.store.list('Image')).to.deep.equal([]);
    });
  }

  it('refuses a JSON body: uploads are multipart', async () => {
    const response = await axios.post(`${sim.url}${ACCOUNT}/Item/1/Image.json`, { description: 'x' }, { headers: { Authorization: `Bearer ${token}` }, validateStatus: () => true });
    expect(response.status).to.equal(400);
    expect((response.data as { message: string }).message).to.equal('Image uploads must be multipart/form-data, got application/json');
  });

  it('counts an upload as one write: 1 drip (10 under the legacy cost model)', async () => {
    const current = await post(sim, token, 'Item/1/Image.json', { data: '{}', image: JPEG });
    expect(current.headers['x-ls-api-request-cost']).to.equal('1');
    sim.setOptions({ costModel: 'legacy' });
    const legacy = await post(sim, token, 'Item/1/Image.json', { data: '{}', image: JPEG });
    expect(legacy.headers['x-ls-api-request-cost']).to.equal('10');
  });
});
