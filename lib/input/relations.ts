import { EntitySpec } from '../catalog/types';
import { ValidationError } from '../client/http';
import { didYouMean } from '../text/suggest';

/** What a flow about a sale needs of it (an accounting feed, an ERP), loaded with it by default. */
export const SALE_RELATIONS = ['SaleLines', 'SaleLines.Item', 'SalePayments', 'SalePayments.PaymentType', 'Customer', 'Customer.Contact'];

/**
 * `ItemShops, Category` or an array; checked against the entity's relations when the catalog lists them. Keys every
 * record carries anyway (Item's `Prices`) are accepted and left out of the request: there is nothing to load.
 */
export function relations(value: unknown, entity: EntitySpec, field = 'loadRelations'): string[] {
  if (value === undefined || value === null || value === '') return [];
  const names = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : undefined;
  if (!names) throw new ValidationError(field, 'must be a comma-separated list of relation names');
  const trimmed = names.map((name) => name.trim()).filter((name) => name !== '' && !entity.alwaysSent.includes(name));
  const unknown = entity.relations.length > 0 ? trimmed.find((name) => !entity.relations.includes(name)) : undefined;
  if (unknown !== undefined) {
    throw new ValidationError(field, `"${unknown}" is not a relation of ${entity.name} (it has ${entity.relations.join(', ')})${didYouMean(unknown, entity.relations)}`);
  }
  return trimmed;
}
