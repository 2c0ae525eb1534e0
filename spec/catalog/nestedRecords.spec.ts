import { expect } from 'chai';
import { getEntity } from '../../lib/catalog';
import { addedNestedRecords } from '../../lib/catalog/nestedRecords';

describe('nested records a PUT would add (what makes it unsafe to send twice)', () => {
  const table: Array<[string, string, Record<string, unknown>, string[]]> = [
    ['plain fields', 'Item', { description: 'Blue shirt', defaultCost: 12.5 }, []],
    ['a to-one record (Note)', 'Item', { Note: { note: 'fragile' } }, []],
    ['new SaleLines (container with a list)', 'Sale', { SaleLines: { SaleLine: [{ itemID: 1, unitQuantity: 1 }, { itemID: 2 }] } }, ['SaleLine']],
    ['one new SaleLine (container with an object)', 'Sale', { SaleLines: { SaleLine: { itemID: 1 } } }, ['SaleLine']],
    ['new SaleLines as a bare array', 'Sale', { SaleLines: [{ itemID: 1 }] }, ['SaleLine']],
    ['existing SaleLines (each with saleLineID)', 'Sale', { SaleLines: { SaleLine: [{ saleLineID: 7, unitQuantity: 2 }] } }, []],
    ['a new SalePayment beside an existing SaleLine', 'Sale', {
      SaleLines: { SaleLine: { saleLineID: 7 } }, SalePayments: { SalePayment: { amount: 10, paymentTypeID: 1 } },
    }, ['SalePayment']],
    ['an existing ItemShop (itemShopID)', 'Item', { ItemShops: { ItemShop: [{ itemShopID: 84, qoh: 5 }] } }, []],
    ['an ItemShop named by its shop (shopID, accepted since 2025-06-06): set, not added', 'Item', { ItemShops: { ItemShop: [{ shopID: 1, qoh: 5 }] } }, []],
    ['an ItemShop naming neither itemShopID nor shopID', 'Item', { ItemShops: { ItemShop: [{ qoh: 5 }] } }, ['ItemShop']],
    ['prices: a list without a primary key of its own', 'Item', { Prices: { ItemPrice: [{ amount: 9.99, useType: 'Default' }] } }, ['ItemPrice']],
    ['contact e-mails, two levels down', 'Customer', { Contact: { Emails: { ContactEmail: { address: 'ann@example.com', useType: 'Primary' } } } }, ['ContactEmail']],
    ['an empty container', 'Sale', { SaleLines: '' }, []],
  ];
  for (const [name, entity, body, expected] of table) {
    it(`${entity} with ${name}: ${expected.length ? expected.join(', ') : 'nothing added'}`, () => {
      expect(addedNestedRecords(getEntity(entity), body)).to.deep.equal(expected);
    });
  }
});
