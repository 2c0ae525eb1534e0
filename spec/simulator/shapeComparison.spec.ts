import { expect } from 'chai';
import { ShapeBook, encodingProblems, recordShape, shapeDifferences } from '../helpers/wireShapes';

/** Two recorded Vendors: one with an empty Contact relation and 2016-style address keys, one 2018-style. */
function book(): ShapeBook {
  const recorded: ShapeBook = new Map();
  recordShape(recorded, 'Vendor', {
    vendorID: '1', name: 'A', accountNumber: '',
    Contact: { Addresses: { ContactAddress: { address1: '', address2: '', city: '' } }, Phones: '' },
  });
  recordShape(recorded, 'Vendor', {
    vendorID: '2', name: 'B', accountNumber: 'x',
    Contact: { Addresses: { ContactAddress: [{ address1: 'a', city: 'c' }, { address1: 'b', city: 'd' }] }, Phones: '' },
  });
  return recorded;
}

const contact = { Addresses: { ContactAddress: { address1: 'x', city: 'y' } }, Phones: '' };

describe('comparing a wire shape with the recorded ones', () => {
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['other values in the same shape', { vendorID: '9', name: '', accountNumber: 'z', Contact: contact }, []],
    ['a key every recording carries is missing', { vendorID: '9', accountNumber: '', Contact: contact }, ['Vendor.name: missing']],
    ['a key no recording or document has', { vendorID: '9', name: 'n', accountNumber: '', Contact: contact, extra: '' }, ['Vendor.extra: neither recorded nor documented']],
    ['a scalar sent as an object', { vendorID: '9', name: { x: '1' }, accountNumber: '', Contact: contact }, ['Vendor.name: object, recorded string']],
    ['a relation sent as a non-empty string', { vendorID: '9', name: 'n', accountNumber: '', Contact: 'x' }, ['Vendor.Contact: string, recorded object']],
    ['an empty relation recorded holds records here', { vendorID: '9', name: 'n', accountNumber: '', Contact: { ...contact, Phones: { ContactPhone: { number: '1' } } } }, []],
    ['an address key only 2016 data sends is left out', { vendorID: '9', name: 'n', accountNumber: '', Contact: contact }, []],
    ['a number instead of a string', { vendorID: 9, name: 'n', accountNumber: '', Contact: contact }, ['Vendor.vendorID: number, not a string']],
  ];
  for (const [title, actual, expected] of cases) {
    it(title, () => expect(shapeDifferences(book(), 'Vendor', actual)).to.deep.equal(expected));
  }

  it('accepts documented keys the recordings lack', () => {
    const actual = { vendorID: '9', name: 'n', accountNumber: '', Contact: contact, b2bSellerUID: '' };
    expect(shapeDifferences(book(), 'Vendor', actual, { documented: () => new Set(['b2bSellerUID']) })).to.deep.equal([]);
  });

  it('finds what no real answer holds, at any depth', () => {
    const value = { a: null, b: [{ c: '1' }], d: {}, e: [], f: true, g: '2016-02-13 00:41:35', h: ['x'], i: '2016-02-13T00:41:35+00:00' };
    expect(encodingProblems(value, 'X')).to.deep.equal([
      'X.a: null, not a string', 'X.b: array of 1, not collapsed', 'X.d: {} instead of ""', 'X.e: array of 0, not collapsed',
      'X.f: boolean, not a string', 'X.g: date 2016-02-13 00:41:35', 'X.h: array of 1, not collapsed',
    ]);
  });
});
