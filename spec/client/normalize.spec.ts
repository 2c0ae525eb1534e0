import { expect } from 'chai';
import { shapeOf } from '../../lib/catalog/shapes';
import { MalformedResponseError } from '../../lib/client/http';
import { extractRecords, normalizeRecord } from '../../lib/client/normalize';

const context = { method: 'GET', path: 'Sale.json' };

describe('wire-format normalisation', () => {
  it('turns one record, many records and none into arrays', () => {
    expect(extractRecords({ Sale: { saleID: '1' } }, 'Sale', context)).to.deep.equal([{ saleID: '1' }]);
    expect(extractRecords({ Sale: [{ saleID: '1' }, { saleID: '2' }] }, 'Sale', context)).to.have.length(2);
    expect(extractRecords({ '@attributes': { count: '0' } }, 'Sale', context)).to.deep.equal([]);
    // count as a number, as the docs show it: the records decide, never count.
    expect(extractRecords({ '@attributes': { count: 0 } }, 'Sale', context)).to.deep.equal([]);
    expect(extractRecords({ '@attributes': { count: 1 }, Sale: { saleID: '1' } }, 'Sale', context)).to.deep.equal([{ saleID: '1' }]);
    expect(extractRecords({ Sale: '' }, 'Sale', context)).to.deep.equal([]);
  });

  it('rejects bodies that are not records', () => {
    expect(() => extractRecords('<html>', 'Sale', context)).to.throw(MalformedResponseError, 'not a JSON object');
    expect(() => extractRecords({ Sale: ['x'] }, 'Sale', context)).to.throw(MalformedResponseError, 'does not hold records');
  });

  it('converts string scalars to the catalog types, nested one-or-many wrappers to arrays, "" relations to empty lists', () => {
    const raw = {
      saleID: '12', completed: 'true', total: '10.50', timeStamp: '2024-01-01T00:00:00+00:00', referenceNumber: '',
      customerID: '0', calcDiscount: 'not-a-number',
      SaleLines: { SaleLine: { saleLineID: '3', unitQuantity: '2', isLayaway: 'false' } },
      SalePayments: '',
    };
    const sale = normalizeRecord(raw, shapeOf('Sale'));
    expect(sale).to.deep.include({ saleID: 12, completed: true, total: 10.5, timeStamp: '2024-01-01T00:00:00+00:00', customerID: 0 });
    expect(sale.calcDiscount).to.equal('not-a-number'); // kept, never lost
    expect(sale.SaleLines).to.deep.equal({ SaleLine: [{ saleLineID: 3, unitQuantity: 2, isLayaway: false }] });
    expect(sale.SalePayments).to.deep.equal({ SalePayment: [] });
  });

  it('recognises containers of nested sub-objects (Contact.Addresses.ContactAddress) and keeps arrays of two', () => {
    const customer = normalizeRecord({
      customerID: '7',
      Contact: {
        Addresses: { ContactAddress: { address1: '1 Main St' } },
        Phones: { ContactPhone: [{ number: '555', useType: 'Home' }, { number: '556', useType: 'Work' }] },
        Emails: '',
        noEmail: 'false',
      },
    }, shapeOf('Customer'));
    const contact = customer.Contact as Record<string, unknown>;
    expect(contact.Addresses).to.deep.equal({ ContactAddress: [{ address1: '1 Main St' }] });
    expect((contact.Phones as { ContactPhone: unknown[] }).ContactPhone).to.have.length(2);
    expect(contact.Emails).to.deep.equal({ ContactEmail: [] });
    expect(contact.noEmail).to.equal(false);
  });

  it('types Item relations: ItemShops and Prices', () => {
    const item = normalizeRecord({
      itemID: '1', tax: 'true', defaultCost: '4.5',
      ItemShops: { ItemShop: [{ itemShopID: '1', qoh: '5', shopID: '0' }, { itemShopID: '2', qoh: '3', shopID: '1' }] },
      Prices: { ItemPrice: { amount: '9.99', useType: 'Default', useTypeID: '1' } },
    }, shapeOf('Item'));
    expect(item.ItemShops).to.deep.equal({ ItemShop: [{ itemShopID: 1, qoh: 5, shopID: 0 }, { itemShopID: 2, qoh: 3, shopID: 1 }] });
    expect(item.Prices).to.deep.equal({ ItemPrice: [{ amount: 9.99, useType: 'Default', useTypeID: 1 }] });
  });

  it('follows the observed layer: Vendor Reps and Sale TaxClassTotals as containers, Shop timeStamp kept', () => {
    const vendor = normalizeRecord({ vendorID: '1', Reps: { VendorRep: { firstName: 'Test', lastName: 'Rep' } } }, shapeOf('Vendor'));
    expect(vendor.Reps).to.deep.equal({ VendorRep: [{ firstName: 'Test', lastName: 'Rep' }] });
    expect(normalizeRecord({ vendorID: '2', Reps: '' }, shapeOf('Vendor')).Reps).to.deep.equal({ VendorRep: [] });
    const sale = normalizeRecord({ saleID: '1', TaxClassTotals: { Tax: { id: '1', rate: '9', amount: '0.2214' } } }, shapeOf('Sale'));
    expect(sale.TaxClassTotals).to.deep.equal({ Tax: [{ id: 1, rate: 9, amount: 0.2214 }] });
    expect(normalizeRecord({ shopID: '1', timeStamp: '2015-11-04T20:26:24+00:00' }, shapeOf('Shop')))
      .to.deep.equal({ shopID: 1, timeStamp: '2015-11-04T20:26:24+00:00' });
  });
});
