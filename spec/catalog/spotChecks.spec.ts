import { expect } from 'chai';
import { freshEntity } from './support';

describe('catalog spot checks', () => {
  it('Item: key, CRUD paths and archive semantics', () => {
    const item = freshEntity('Item');
    expect(item.primaryKey).to.equal('itemID');
    expect(item.root).to.equal('account');
    expect(item.paths).to.deep.equal({
      query: 'Item.json',
      read: 'Item/{itemID}.json',
      create: 'Item.json',
      update: 'Item/{itemID}.json',
      delete: 'Item/{itemID}.json',
    });
    expect(item.deleteSemantics).to.equal('archive');
    expect(item.wrappers).to.include({ ItemShops: 'ItemShop', Prices: 'ItemPrice' });
    expect(item.fields.map((field) => field.name)).to.include('Prices');
    expect(item.datetimeFields).to.include('timeStamp');
  });

  it('SaleSaleLine: nested under its sale', () => {
    const line = freshEntity('SaleSaleLine');
    expect(line.paths.read).to.equal('Sale/{saleID}/SaleLine/{saleLineID}.json');
    expect(line.paths.create).to.equal('Sale/{saleID}/SaleLine.json');
    expect(line.parentKeys).to.deep.equal(['saleID']);
    expect(line.responseKey).to.equal('SaleLine');
    expect(line.requestCost).to.deep.equal({ create: 2, update: 2, delete: 2 });
  });

  it('RegisterOpen: action-only endpoint creates through open.json', () => {
    const open = freshEntity('RegisterOpen');
    expect(open.paths).to.deep.equal({
      query: null, read: null, create: 'Register/{registerID}/open.json', update: null, delete: null,
    });
    expect(open.parentKeys).to.deep.equal(['registerID']);
  });

  it('RegisterCalculated: action-only endpoint reads through calculated.json', () => {
    expect(freshEntity('RegisterCalculated').paths.read).to.equal('Register/{registerID}/calculated.json');
  });

  it('CustomerCustomFieldCustomFieldChoice: update and delete use the corrected single path', () => {
    const choice = freshEntity('CustomerCustomFieldCustomFieldChoice');
    const single = 'Customer/CustomField/{customFieldID}/CustomFieldChoice/{customFieldChoiceID}.json';
    expect(choice.paths.read).to.equal(single);
    expect(choice.paths.update).to.equal(single);
    expect(choice.paths.delete).to.equal(single);
    expect(choice.paths.create).to.equal('Customer/CustomField/{customFieldID}/CustomFieldChoice.json');
    expect(choice.parentKeys).to.deep.equal(['customFieldID']);
  });

  it('ItemImage / ItemMatrixImage: `{Item ID}` style placeholders become field names', () => {
    expect(freshEntity('ItemImage').paths.create).to.equal('Item/{itemID}/Image.json');
    expect(freshEntity('ItemMatrixImage').paths.query).to.equal('ItemMatrix/{itemMatrixID}/Image.json');
  });

  it('other placeholder and doc slips are corrected', () => {
    expect(freshEntity('DisplayTemplateWorkorder').paths.read).to.equal('DisplayTemplate/WorkOrder/{workorderID}.json');
    expect(freshEntity('WorkorderWorkorderLine').paths.update)
      .to.equal('Workorder/{workorderID}/WorkorderLine/{workorderLineID}.json');
    expect(freshEntity('ProcessingFee').paths.read).to.equal('ProcessingFee/{salePaymentProcessingFeeID}.json');
    expect(freshEntity('ItemCustomField').paths.create).to.equal('Item/CustomField.json');
    expect(freshEntity('SalePaymentSalePaymentSignature').paths.query)
      .to.equal('SalePayment/{salePaymentID}/SalePaymentSignature.json');
  });

  it('Account lives under /API/V3/', () => {
    const account = freshEntity('Account');
    expect(account.root).to.equal('v3');
    expect(account.paths.read).to.equal('Account/{accountID}.json');
    expect(freshEntity('Session').root).to.equal('api');
  });

  it('a report has no primary key and a query template', () => {
    const report = freshEntity('ReportsAccountingPaymentsByDay');
    expect(report.primaryKey).to.equal(null);
    expect(report.paths.query).to.equal('Reports/Accounting/PaymentsByDay.json');
    // the docs show example dates here; every report gets the same placeholders
    expect(report.pathQuery).to.equal('startDate={startDate}&endDate={endDate}');
    expect(report.responseKey).to.equal('Payments');
  });

  it('copies fields from fieldsFrom and sub-objects from subObjectsFrom', () => {
    const template = freshEntity('DisplayTemplateSale');
    expect(template.fields).to.deep.equal(freshEntity('Sale').fields);
    const customField = freshEntity('CustomerCustomField');
    expect(customField.subObjects.CustomFieldChoice).to.deep.equal(freshEntity('CustomerCustomFieldCustomFieldChoice').fields);
  });

  it('empty relations and sortable lists are [] and prose is gone', () => {
    const currencyRate = freshEntity('CurrencyRate');
    expect(currencyRate.relations).to.deep.equal([]);
    expect(currencyRate.sortable).to.deep.equal([]);
    expect(currencyRate).not.to.have.property('actionsNote');
  });
});
