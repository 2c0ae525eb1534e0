import { expect } from 'chai';
import { getEntity } from '../../lib/catalog';
import { imageUrl } from '../../lib/catalog/images';
import { outSchema } from '../../lib/catalog/schemas';
import { shapeOf } from '../../lib/catalog/shapes';
import { normalizeRecord } from '../../lib/client/normalize';

const BASE = 'https://res.cloudinary.com/lightspeed-retail/image/upload/';

describe('catalog: Image URLs', () => {
  it('builds {baseImageURL}{settings/}{publicID}.jpg without doubling the slash', () => {
    expect(imageUrl({ baseImageURL: BASE, publicID: 'dsxcqjwl1s4j6ppmnmec' })).to.equal(`${BASE}dsxcqjwl1s4j6ppmnmec.jpg`);
    expect(imageUrl({ baseImageURL: BASE, publicID: 'abc' }, 'w_300,h_200,c_limit')).to.equal(`${BASE}w_300,h_200,c_limit/abc.jpg`);
    expect(imageUrl({ baseImageURL: BASE.slice(0, -1), publicID: 'abc' })).to.equal(`${BASE}abc.jpg`);
  });

  it('gives none when a part is missing (a record read without them)', () => {
    expect(imageUrl({ publicID: 'abc' })).to.equal(undefined);
    expect(imageUrl({ baseImageURL: BASE, publicID: '' })).to.equal(undefined);
  });

  it('the normaliser adds url to an Image record and to an Item\'s Images, one or many, and types size', () => {
    const wire = { imageID: '456', publicID: 'abc', baseImageURL: BASE, size: '380994', itemID: '835', itemMatrixID: '0' };
    expect(normalizeRecord({ ...wire }, shapeOf('Image'))).to.deep.equal({
      imageID: 456, publicID: 'abc', baseImageURL: BASE, size: 380994, itemID: 835, itemMatrixID: 0, url: `${BASE}abc.jpg`,
    });
    const one = normalizeRecord({ itemID: '835', Images: { Image: { ...wire } } }, shapeOf('Item'));
    expect((one.Images as { Image: Array<Record<string, unknown>> }).Image.map((image) => image.url)).to.deep.equal([`${BASE}abc.jpg`]);
    const many = normalizeRecord({ itemMatrixID: '7', Images: { Image: [{ ...wire }, { ...wire, publicID: 'def' }] } }, shapeOf('ItemMatrix'));
    expect((many.Images as { Image: Array<Record<string, unknown>> }).Image.map((image) => image.url)).to.deep.equal([`${BASE}abc.jpg`, `${BASE}def.jpg`]);
  });

  it('puts url, baseImageURL and size in the out-schema of Image, ItemImage and ItemMatrixImage, and in no input', () => {
    for (const name of ['Image', 'ItemImage', 'ItemMatrixImage']) {
      const properties = outSchema(getEntity(name)).properties ?? {};
      expect(properties.url, name).to.deep.include({ type: 'string' });
      expect(properties.size?.type, name).to.deep.equal(['integer', 'null']);
      expect(getEntity(name).fields.filter((field) => field.readOnly).map((field) => field.name), name).to.deep.equal(['baseImageURL', 'size', 'url']);
    }
  });
});
