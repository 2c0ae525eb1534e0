import { expect } from 'chai';
import { closest, didYouMean, didYouMeanOperator } from '../../lib/text/suggest';

const ENTITIES = ['Customer', 'CustomerType', 'Item', 'ItemShop', 'Sale', 'SaleLine', 'SalePayment'];
const CUSTOMER_FIELDS = ['customerID', 'firstName', 'lastName', 'company', 'Contact', 'Note', 'noEmail', 'Emails'];
const OPERATORS = ['!~', '!=', '<=', '>=', '><', '<', '>', '=', '~', 'IN'];
const TRIGGER_KEYS = ['objectType', 'pollingField', 'startTime', 'endTime', 'loadRelations', 'pageSize'];
const ITEM_RELATIONS = ['Category', 'TaxClass', 'ItemShops', 'ItemVendorNums', 'Note'];

describe('suggestions: the closest valid name', () => {
  const table: Array<[string, string, string[], string | undefined]> = [
    ['an entity in lower case', 'customer', ENTITIES, 'Customer'],
    ['an entity in the plural', 'Items', ENTITIES, 'Item'],
    ['an entity by its title', 'Sale Line', ENTITIES, 'SaleLine'],
    ['an entity with a typo', 'Custmer', ENTITIES, 'Customer'],
    ['no entity near', 'Widget', ENTITIES, undefined],
    ['a field in the wrong case', 'FirstName', CUSTOMER_FIELDS, 'firstName'],
    ['a field in snake case', 'last_name', CUSTOMER_FIELDS, 'lastName'],
    ['a field with a letter missing', 'compny', CUSTOMER_FIELDS, 'company'],
    ['a singular for a plural container', 'email', CUSTOMER_FIELDS, 'Emails'],
    ['an ID for a relation', 'customerId', CUSTOMER_FIELDS, 'customerID'],
    ['no field near', 'colour', CUSTOMER_FIELDS, undefined],
    ['two operator characters swapped', '=>', OPERATORS, '>='],
    ['the other swap', '=<', OPERATORS, '<='],
    ['an operator in lower case', 'in', OPERATORS, 'IN'],
    ['no operator near a word', 'like', OPERATORS, undefined],
    ['a cfg key in snake case', 'start_time', TRIGGER_KEYS, 'startTime'],
    ['a cfg key with a typo', 'pollingFeild', TRIGGER_KEYS, 'pollingField'],
    ['a relation in lower case', 'itemshops', ITEM_RELATIONS, 'ItemShops'],
    ['a relation in the singular', 'ItemShop', ITEM_RELATIONS, 'ItemShops'],
    ['a relation in the plural', 'Categories', ITEM_RELATIONS, 'Category'],
    ['no relation near', 'Colour', ITEM_RELATIONS, undefined],
  ];
  for (const [name, input, candidates, expected] of table) {
    it(`${name}: ${JSON.stringify(input)} -> ${expected ?? 'nothing'}`, () => {
      expect(closest(input, candidates)).to.equal(expected);
    });
  }

  it('prefers, among equally close names, the one nearest in length, then the earlier one', () => {
    expect(closest('=>', ['=', '>', '>='])).to.equal('>=');
    expect(closest('address', ['Addresses', 'address1', 'address'])).to.equal('Addresses');
  });

  it('writes the suggestion as a closing clause, or nothing', () => {
    expect(didYouMean('customer', ENTITIES)).to.equal('; did you mean Customer?');
    expect(didYouMean('=>', OPERATORS, (operator) => `"${operator}"`)).to.equal('; did you mean ">="?');
    expect(didYouMean('Widget', ENTITIES)).to.equal('');
  });

  describe('operators: the same meaning, never the opposite', () => {
    const operators: Array<[string, string]> = [
      ['==', '='], ['===', '='], ['=>', '>='], ['=<', '<='], ['<>', '!='], ['!==', '!='], ['=!', '!='],
      ['=~', '~'], ['~~', '~'], ['like', '~'], ['~!', '!~'], ['>>', '>='],
    ];
    for (const [typed, meant] of operators) {
      it(`${JSON.stringify(typed)} -> ${JSON.stringify(meant)}`, () => {
        expect(didYouMeanOperator(typed, OPERATORS)).to.equal(`; did you mean "${meant}"?`);
      });
    }

    it('a negation is only ever answered with a negation, and the rest never with one', () => {
      const negated = (operator: string): boolean => operator.includes('!') || operator === '<>';
      for (const typed of ['==', '=~', '~~', '=>', '<<', '>>', '=', '~', '=<', '!', '!!', '!=~', '~!', '!<', '!>', '<>', '=!']) {
        const suggested = /"(.+)"/.exec(didYouMeanOperator(typed, OPERATORS))?.[1];
        if (suggested !== undefined) expect(negated(suggested), `${typed} -> ${suggested}`).to.equal(negated(typed));
      }
    });
  });
});
