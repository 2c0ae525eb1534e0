/** Seeds Customers (with Contacts) and Sales with their SaleLines and SalePayments. */
import { SimulatorOptions } from './options';
import { Prng } from './prng';
import { seededContact } from './seedContacts';
import { FIRST_NAMES, LAST_NAMES } from './seedData';
import { StampAt } from './seedReference';
import { Store } from './store';
import { formatTimestamp, parseInstant } from './time';
import { WireObject } from './types';

/** Sales 1..5 predate `updatetime`: it is empty on them. */
const LEGACY_SALES = 5;
/** Every 7th sale, once completed, was voided afterwards (7, 14, 21...): a feed of completed sales must tell them apart. */
const VOIDED_EVERY = 7;

/**
 * Customers. Contact list sizes follow the id so tests can rely on them: one address each,
 * customerID % 3 phones (3, 6, ... have none -> "Phones":""), (customerID + 1) % 3 emails.
 */
export function seedCustomers(store: Store, options: SimulatorOptions, at: StampAt): void {
  const rng = new Prng(`${options.seed}:customers`);
  const firstArchived = options.customers - options.archivedCustomers + 1;
  for (let id = 1; id <= options.customers; id++) {
    const firstName = rng.pick(FIRST_NAMES);
    const lastName = rng.pick(LAST_NAMES);
    const stamp = at(id);
    store.seed('Customer', {
      customerID: String(id),
      firstName,
      lastName,
      dob: formatTimestamp(Date.UTC(1960 + rng.int(0, 45), rng.int(0, 11), rng.int(1, 28))),
      archived: id >= firstArchived ? 'true' : 'false',
      company: id % 5 === 0 ? `${lastName} Consulting` : '',
      createTime: formatTimestamp((parseInstant(stamp) ?? 0) - rng.int(1, 700) * 86_400_000),
      timeStamp: stamp,
      customerTypeID: id % 4 === 0 ? '2' : '1',
      taxCategoryID: '0',
    });
    const local = `${firstName}.${lastName}.${id}`.toLowerCase().normalize('NFD').replace(/[^a-z0-9.]/g, '');
    const shape = { addresses: 1, phones: id % 3, emails: (id + 1) % 3 };
    store.setEmbedded('Customer', 'Contact', id, seededContact(rng, id, local, shape, stamp));
  }
}

/** Number of SaleLines of a seeded sale: sale 1 has one, sale 2 none, sale 3 three, others 1-4. */
export function saleLineCount(saleID: number, rng: Prng): number {
  if (saleID === 1) return 1;
  if (saleID === 2) return 0;
  if (saleID === 3) return 3;
  return rng.int(1, 4);
}

/** Sales: completed ones carry one payment (every 5th two), every 7th is voided; sale 2 is an empty, open sale. */
export function seedSales(store: Store, options: SimulatorOptions, at: StampAt): void {
  const rng = new Prng(`${options.seed}:sales`);
  const activeItems = Math.max(1, options.items - options.archivedItems);
  for (let id = 1; id <= options.sales; id++) {
    const stamp = at(id);
    const created = formatTimestamp((parseInstant(stamp) ?? 0) - 300_000);
    const shopID = String(((id - 1) % Math.max(1, options.shops)) + 1);
    const customerID = id % 4 === 0 || options.customers === 0 ? '0' : String(((id * 7) % options.customers) + 1);
    const employeeID = String(((id - 1) % Math.max(1, options.employees)) + 1);
    const lines: WireObject[] = [];
    const lineCount = options.items > 0 ? saleLineCount(id, rng) : 0;
    for (let n = 0; n < lineCount; n++) {
      const itemID = rng.int(1, activeItems);
      const item = store.get('Item', itemID);
      const unitPrice = priceOf(item);
      const quantity = rng.int(1, 3);
      const subtotal = unitPrice * quantity;
      lines.push(store.seed('SaleLine', {
        createTime: created, timeStamp: stamp, unitQuantity: String(quantity), unitPrice: unitPrice.toFixed(2),
        normalUnitPrice: unitPrice.toFixed(2), avgCost: String(item?.avgCost ?? '0'), fifoCost: String(item?.avgCost ?? '0'),
        tax: 'true', tax1Rate: '0.05', tax2Rate: '0.09975', displayableSubtotal: subtotal.toFixed(2),
        displayableUnitPrice: unitPrice.toFixed(2), calcSubtotal: subtotal.toFixed(2),
        calcTax1: (subtotal * 0.05).toFixed(2), calcTax2: (subtotal * 0.09975).toFixed(2),
        calcTotal: (subtotal * 1.14975).toFixed(2), taxClassID: '1', customerID, employeeID,
        itemID: String(itemID), shopID, taxCategoryID: '1', saleID: String(id),
      }));
    }
    const subtotal = lines.reduce((sum, l) => sum + Number(l.calcSubtotal), 0);
    const total = lines.reduce((sum, l) => sum + Number(l.calcTotal), 0);
    const completed = lines.length > 0;
    const voided = completed && id % VOIDED_EVERY === 0;
    store.seed('Sale', {
      saleID: String(id), timeStamp: stamp, completed: completed ? 'true' : 'false', archived: 'false', voided: voided ? 'true' : 'false',
      // The first sales predate updatetime: it is empty, as on older real accounts (a filter on it never matches).
      createTime: created, updatetime: id <= LEGACY_SALES ? '' : stamp, completeTime: completed ? stamp : '', referenceNumber: '',
      tax1Rate: '0.05', tax2Rate: '0.09975', calcSubtotal: subtotal.toFixed(2), calcTaxable: subtotal.toFixed(2),
      calcTax1: (subtotal * 0.05).toFixed(2), calcTax2: (subtotal * 0.09975).toFixed(2), calcTotal: total.toFixed(2),
      calcPayments: completed ? total.toFixed(2) : '0', total: total.toFixed(2), totalDue: total.toFixed(2),
      displayableTotal: total.toFixed(2), balance: '0', customerID, employeeID, registerID: shopID, shopID, taxCategoryID: '1',
    });
    if (!completed) continue;
    const split = id % 5 === 0 ? 2 : 1;
    for (let p = 0; p < split; p++) {
      const amount = split === 1 ? total : p === 0 ? Math.round(total * 50) / 100 : total - Math.round(total * 50) / 100;
      store.seed('SalePayment', {
        amount: amount.toFixed(2), createTime: stamp, archived: 'false', saleID: String(id),
        paymentTypeID: String((p % 2) + 1), registerID: shopID, employeeID,
      });
    }
  }
}

function priceOf(item: WireObject | undefined): number {
  const prices = item?.Prices;
  if (!prices || typeof prices !== 'object' || Array.isArray(prices)) return 10;
  const list = prices.ItemPrice;
  const first = Array.isArray(list) ? list[0] : list;
  return first && typeof first === 'object' && !Array.isArray(first) ? Number(first.amount) : 10;
}
