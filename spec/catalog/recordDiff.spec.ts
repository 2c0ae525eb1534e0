import { expect } from 'chai';
import { getEntity } from '../../lib/catalog';
import { listKeys } from '../../lib/catalog/listKeys';
import { diffRecord } from '../../lib/catalog/recordDiff';
import { JsonRecord } from '../../lib/catalog/records';
import { sameValue } from '../../lib/catalog/sameValue';
import { FieldType } from '../../lib/catalog/types';

describe('sameValue: a value as Lightspeed means it', () => {
  const cases: Array<[FieldType | undefined, unknown, unknown, boolean]> = [
    ['float', '6.5', 6.5, true],
    ['float', 6.5, '6.50', true],
    ['float', '6.5', '6.51', false],
    ['float', 0.1 + 0.2, '0.3', true],
    ['float', null, '0', true],
    ['float', '', 0, true],
    ['float', 'abc', 'abc', true],
    ['float', 'abc', '0', false],
    ['integer', '42', 42, true],
    ['integer', 0, '', true],
    ['integer', 7, '8', false],
    ['boolean', 'true', true, true],
    ['boolean', true, '1', true],
    ['boolean', false, '', true],
    ['boolean', null, 'false', true],
    ['boolean', 'true', 'false', false],
    ['datetime', '2024-06-01T10:00:00+00:00', '2024-06-01T12:00:00+02:00', true],
    ['datetime', '2024-06-01T10:00:00.900Z', '2024-06-01T10:00:00+00:00', true],
    ['datetime', '2024-06-01T10:00:01+00:00', '2024-06-01T10:00:00+00:00', false],
    ['datetime', '', null, true],
    ['datetime', '2024-06-01T10:00:00+00:00', '', false],
    ['date', '2024-06-01', '2024-06-01T00:00:00+00:00', true],
    ['string', 'Linen shirt', 'Linen shirt', true],
    ['string', 'Linen shirt', 'linen shirt', false],
    ['string', 'Linen shirt ', 'Linen shirt', false],
    ['string', null, '', true],
    ['enum', 'default', 'default', true],
    [undefined, 12, '12', true],
  ];
  for (const [type, incoming, stored, same] of cases) {
    it(`${type ?? 'unknown'}: ${JSON.stringify(incoming)} ${same ? '=' : '≠'} ${JSON.stringify(stored)}`, () => {
      expect(sameValue(type, incoming, stored)).to.equal(same);
    });
  }
});

describe('listKeys: how the entries of a nested list are told apart, from the catalog', () => {
  const cases: Array<[string, string, { identity?: string; natural: string[]; write: 'byKey' | 'whole' }]> = [
    ['Item', 'ItemPrice', { natural: ['useTypeID', 'useType'], write: 'byKey' }],
    ['Item', 'ItemShop', { identity: 'itemShopID', natural: ['shopID'], write: 'byKey' }],
    ['Item', 'ItemVendorNum', { identity: 'itemVendorNumID', natural: ['vendorID'], write: 'byKey' }],
    ['Item', 'ItemComponent', { identity: 'itemComponentID', natural: ['componentItemID'], write: 'byKey' }],
    ['Customer', 'ContactEmail', { natural: ['address'], write: 'whole' }],
    ['Customer', 'ContactPhone', { natural: ['useType'], write: 'whole' }],
    ['Customer', 'ContactWebsite', { natural: ['url'], write: 'whole' }],
    ['Customer', 'ContactAddress', { natural: [], write: 'whole' }],
    ['Order', 'OrderLine', { identity: 'orderLineID', natural: ['itemID'], write: 'byKey' }],
    ['Sale', 'SaleLine', { identity: 'saleLineID', natural: [], write: 'byKey' }],
    ['Shop', 'Register', { identity: 'registerID', natural: [], write: 'byKey' }],
  ];
  for (const [owner, element, expected] of cases) {
    it(`${owner} ${element}: ${expected.identity ?? 'no ID'}, by ${expected.natural.join(' or ') || 'nothing else'}, written ${expected.write}`, () => {
      const keys = listKeys(getEntity(owner), element);
      expect({ identity: keys.identity, natural: keys.natural, write: keys.write }).to.deep.equal({ identity: undefined, ...expected });
    });
  }

  it('e-mail addresses pair whatever their letter case; other keys exactly', () => {
    expect(listKeys(getEntity('Customer'), 'ContactEmail').ignoreCase).to.deep.equal(['address']);
    expect(listKeys(getEntity('Item'), 'ItemShop').ignoreCase).to.deep.equal([]);
  });
});

/** An Item as the normaliser gives it: typed scalars, every list an array. */
function storedItem(): JsonRecord {
  return {
    itemID: 42, description: 'Linen shirt - White', customSku: 'SHOP-1001', defaultCost: 12.5, tax: true, archived: false,
    categoryID: 0, timeStamp: '2024-06-01T10:00:00+00:00',
    Prices: { ItemPrice: [{ amount: 39.9, useTypeID: 1, useType: 'Default' }, { amount: 45, useTypeID: 2, useType: 'MSRP' }, { amount: 0, useTypeID: 3, useType: 'Online' }] },
    ItemShops: { ItemShop: [{ itemShopID: 124, shopID: 0, qoh: 14, reorderPoint: 0, reorderLevel: 0 }, { itemShopID: 125, shopID: 1, qoh: 10, reorderPoint: 2, reorderLevel: 5 }, { itemShopID: 126, shopID: 2, qoh: 4, reorderPoint: 0, reorderLevel: 0 }] },
  };
}

function storedCustomer(): JsonRecord {
  return {
    customerID: 7, firstName: 'Ada', lastName: 'Lovelace', archived: false,
    Contact: {
      noEmail: false,
      Emails: { ContactEmail: [{ address: 'ada@example.com', useType: 'Primary' }, { address: 'ada.work@example.com', useType: 'Secondary' }] },
      Phones: { ContactPhone: [{ number: '+44 20 0000 0000', useType: 'Home' }] },
      Addresses: { ContactAddress: [{ address1: '12 St James Square', address2: '', city: 'London', state: '', zip: 'SW1Y 4JH', country: 'UK' }] },
    },
  };
}

describe('diffRecord: what an incoming record changes, and the write that carries only that', () => {
  interface Case {
    name: string;
    entity: string;
    stored: () => JsonRecord;
    incoming: JsonRecord;
    changed: string[];
    write: JsonRecord;
  }
  const cases: Case[] = [
    {
      name: 'the same values written differently: nothing',
      entity: 'Item', stored: storedItem,
      incoming: { customSku: 'SHOP-1001', description: 'Linen shirt - White', defaultCost: '12.50', tax: 'true', categoryID: '', Prices: { ItemPrice: [{ amount: '39.90', useType: 'Default' }] } },
      changed: [], write: {},
    },
    {
      name: 'fields the input leaves out are not compared, the primary key never',
      entity: 'Item', stored: storedItem, incoming: { itemID: 99, customSku: 'SHOP-1001' }, changed: [], write: {},
    },
    {
      name: 'a changed description: that field alone, not the unchanged match key',
      entity: 'Item', stored: storedItem,
      incoming: { customSku: 'SHOP-1001', description: 'Linen shirt - Off-white', defaultCost: 12.5 },
      changed: ['description'], write: { description: 'Linen shirt - Off-white' },
    },
    {
      name: 'one price level changed: that level alone, named by the key the input used',
      entity: 'Item', stored: storedItem,
      incoming: { Prices: { ItemPrice: [{ amount: 39.9, useType: 'Default' }, { amount: 49, useType: 'MSRP' }] } },
      changed: ['Prices.ItemPrice[useType=MSRP].amount'], write: { Prices: { ItemPrice: [{ useType: 'MSRP', amount: 49 }] } },
    },
    {
      name: 'a price level named by useTypeID',
      entity: 'Item', stored: storedItem,
      incoming: { Prices: { ItemPrice: [{ amount: '1.5', useTypeID: 3 }] } },
      changed: ['Prices.ItemPrice[useTypeID=3].amount'], write: { Prices: { ItemPrice: [{ useTypeID: 3, amount: '1.5' }] } },
    },
    {
      name: 'a price level Lightspeed does not hold yet: added whole',
      entity: 'Item', stored: storedItem,
      incoming: { Prices: { ItemPrice: [{ amount: 30, useType: 'Wholesale' }] } },
      changed: ['Prices.ItemPrice[useType=Wholesale]'], write: { Prices: { ItemPrice: [{ amount: 30, useType: 'Wholesale' }] } },
    },
    {
      name: 'stock by shopID: the changed shop alone, sent with its itemShopID',
      entity: 'Item', stored: storedItem,
      incoming: { ItemShops: { ItemShop: [{ shopID: 1, qoh: 10, reorderPoint: 2 }, { shopID: 2, qoh: 7 }] } },
      changed: ['ItemShops.ItemShop[shopID=2].qoh'], write: { ItemShops: { ItemShop: [{ itemShopID: 126, qoh: 7 }] } },
    },
    {
      name: 'stock by itemShopID',
      entity: 'Item', stored: storedItem,
      incoming: { ItemShops: { ItemShop: [{ itemShopID: 125, reorderLevel: '6' }] } },
      changed: ['ItemShops.ItemShop[itemShopID=125].reorderLevel'], write: { ItemShops: { ItemShop: [{ itemShopID: 125, reorderLevel: '6' }] } },
    },
    {
      name: 'a restore: archived false on an archived record',
      entity: 'Item', stored: () => ({ ...storedItem(), archived: true }),
      incoming: { archived: false, description: 'Linen shirt - White' },
      changed: ['archived'], write: { archived: false },
    },
    {
      name: 'a field cleared: null against a value',
      entity: 'Item', stored: storedItem, incoming: { customSku: null }, changed: ['customSku'], write: { customSku: null },
    },
    {
      name: 'e-mails by address, whatever the letter case: the same',
      entity: 'Customer', stored: storedCustomer,
      incoming: { firstName: 'Ada', Contact: { Emails: { ContactEmail: [{ address: 'ADA@example.com', useType: 'Primary' }] } } },
      changed: [], write: {},
    },
    {
      name: 'a new e-mail: the whole list goes, the stored addresses kept (Lightspeed replaces a contact\'s list)',
      entity: 'Customer', stored: storedCustomer,
      incoming: { Contact: { Emails: { ContactEmail: [{ address: 'ada@analytical.example', useType: 'Secondary' }] } } },
      changed: ['Contact.Emails.ContactEmail[address=ada@analytical.example]'],
      write: { Contact: { Emails: { ContactEmail: [
        { address: 'ada@example.com', useType: 'Primary' }, { address: 'ada.work@example.com', useType: 'Secondary' },
        { address: 'ada@analytical.example', useType: 'Secondary' },
      ] } } },
    },
    {
      name: 'a phone number changed for its kind: the list with the new number',
      entity: 'Customer', stored: storedCustomer,
      incoming: { Contact: { Phones: { ContactPhone: [{ number: '+44 20 1111 1111', useType: 'Home' }] } } },
      changed: ['Contact.Phones.ContactPhone[useType=Home].number'],
      write: { Contact: { Phones: { ContactPhone: [{ number: '+44 20 1111 1111', useType: 'Home' }] } } },
    },
    {
      name: 'an address (no key): compared in order on the fields given, sent as given when it differs',
      entity: 'Customer', stored: storedCustomer,
      incoming: { Contact: { Addresses: { ContactAddress: [{ address1: '12 St James Square', city: 'London' }] } } },
      changed: [], write: {},
    },
    {
      name: 'an address moved',
      entity: 'Customer', stored: storedCustomer,
      incoming: { Contact: { Addresses: { ContactAddress: [{ address1: '1 Dorset Street', city: 'London' }] } } },
      changed: ['Contact.Addresses.ContactAddress'],
      write: { Contact: { Addresses: { ContactAddress: [{ address1: '1 Dorset Street', city: 'London' }] } } },
    },
    {
      name: 'a scalar of the to-one Contact',
      entity: 'Customer', stored: storedCustomer, incoming: { Contact: { noEmail: 'true' } },
      changed: ['Contact.noEmail'], write: { Contact: { noEmail: 'true' } },
    },
    {
      name: 'a list of values (ItemMatrix attribute values): in order, by their type',
      entity: 'ItemMatrix', stored: () => ({ itemMatrixID: 3, attribute1Values: ['S', 'M'] }),
      incoming: { attribute1Values: ['S', 'M', 'L'] },
      changed: ['attribute1Values'], write: { attribute1Values: ['S', 'M', 'L'] },
    },
  ];
  for (const example of cases) {
    it(`${example.entity}: ${example.name}`, () => {
      const stored = example.stored();
      const before = JSON.stringify(stored);
      const diff = diffRecord(getEntity(example.entity), example.incoming, stored);
      expect(diff.changed).to.deep.equal(example.changed);
      expect(diff.write).to.deep.equal(example.write);
      expect(JSON.stringify(stored), 'the stored record untouched').to.equal(before);
    });
  }
});
