import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import * as create from '../../lib/actions/createObject';
import * as lookup from '../../lib/actions/lookupObjectById';
import { getEntity } from '../../lib/catalog';
import { JsonSchema, outSchema } from '../../lib/catalog/schemas';
import { Simulator } from '../../simulator';
import { run, simulatorWith } from '../helpers/component';

type Row = Record<string, unknown>;

/** Paths of the nested records in `record` that `schema` leaves undescribed (no properties of their own). */
function undescribedRecords(record: unknown, schema: JsonSchema | undefined, path: string): string[] {
  if (Array.isArray(record)) return record.flatMap((item, index) => undescribedRecords(item, schema?.items, `${path}[${index}]`));
  if (typeof record !== 'object' || record === null) return [];
  if (!schema?.properties) return [path];
  return Object.entries(record).flatMap(([key, value]) => {
    const property = schema.properties?.[key];
    return property || typeof value === 'object' ? undescribedRecords(value, property, `${path}.${key}`) : [];
  });
}

describe('nested records against the simulator: typed going in, typed coming out', () => {
  let sim: Simulator;
  let cfg: Awaited<ReturnType<typeof simulatorWith>>['cfg'];
  before(async () => ({ sim, cfg } = await simulatorWith({ items: 10, customers: 10, sales: 5 })));
  after(() => sim.close());

  it('a Customer\'s Contact comes out with typed scalars: contactID is a number beside customerID', async () => {
    const result = await run(lookup, { id: 1, loadRelations: ['Contact'] }, cfg({ objectType: 'Customer' }));
    const customer = result.data[0] as Row;
    const contact = customer.Contact as Row;
    expect(customer.customerID).to.equal(1);
    expect(contact).to.include({ contactID: 1, noEmail: false, noPhone: false });
    expect((contact.Emails as { ContactEmail: Row[] }).ContactEmail[0]).to.include({ useType: 'Primary' });
  });

  it('a Sale with lines, their Items, payments and the customer\'s Contact matches its out-schema at every depth', async () => {
    const relations = ['SaleLines.Item', 'SalePayments.PaymentType', 'Customer.Contact'];
    const result = await run(lookup, { id: 3, loadRelations: relations }, cfg({ objectType: 'Sale' }));
    const record = result.data[0] as Row;
    const schema = outSchema(getEntity('Sale'));
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(record), JSON.stringify(validate.errors)).to.equal(true);
    expect(undescribedRecords(record, schema, 'Sale')).to.deep.equal([]);
    const line = (record.SaleLines as { SaleLine: Row[] }).SaleLine[0];
    const price = ((line.Item as Row).Prices as { ItemPrice: Row[] }).ItemPrice[0];
    expect(price.amount).to.be.a('number');
    expect(price.useTypeID).to.be.a('number');
    expect(((record.Customer as Row).Contact as Row).contactID).to.be.a('number');
  });

  it('creates a Customer with e-mail, phone and address, one element given as an object, and reads them back', async () => {
    const contact = {
      Emails: { ContactEmail: { address: 'grace@example.com', useType: 'Primary' } },
      Phones: { ContactPhone: [{ number: '555-0100', useType: 'Mobile' }, { number: '555-0101', useType: 'Work' }] },
      Addresses: { ContactAddress: { address1: '1 Navy Way', city: 'Arlington', zip: '22202', countryCode: 'US' } },
    };
    const created = await run(create, { firstName: 'Grace', lastName: 'Hopper', Contact: contact }, cfg({ objectType: 'Customer' }));
    expect(created.thrown).to.equal(undefined);
    const id = (created.data[0] as Row).customerID;
    const read = await run(lookup, { id, loadRelations: ['Contact'] }, cfg({ objectType: 'Customer' }));
    const stored = (read.data[0] as Row).Contact as Row;
    expect(stored.Emails).to.deep.equal({ ContactEmail: [{ address: 'grace@example.com', useType: 'Primary' }] });
    expect((stored.Phones as { ContactPhone: Row[] }).ContactPhone.map((phone) => phone.number)).to.deep.equal(['555-0100', '555-0101']);
    expect((stored.Addresses as { ContactAddress: Row[] }).ContactAddress[0]).to.include({ city: 'Arlington', zip: '22202' });
  });
});
