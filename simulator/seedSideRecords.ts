/**
 * Records the API nests in others without an endpoint of their own (EmployeeRole, a Shop's ReceiptSetup and
 * CCGateway, a Customer's Note, Vendor 1's Reps), and the CreditAccounts of every 10th Customer: what
 * `load_relations` shows.
 */
import { StampAt } from './seedReference';
import { Store } from './store';
import { WireObject } from './types';
import { wrapList } from './wire';

const RIGHTS = ['sale', 'refund', 'customer', 'inventory', 'reports'];

/** An employee role with its rights (role 1 holds every right, role 2 the first three). */
function employeeRole(roleID: number): WireObject {
  const rights = RIGHTS.slice(0, roleID === 1 ? RIGHTS.length : 3).map((name, i) => ({ employeeRightID: String(i + 1), name }));
  return { employeeRoleID: String(roleID), name: roleID === 1 ? 'Admin' : 'Employee', EmployeeRights: wrapList('EmployeeRight', rights) };
}

function receiptSetup(shopID: number): WireObject {
  return {
    receiptSetupID: String(shopID), generalMsg: '', workorderAgree: 'I agree to the terms.', creditcardAgree: 'I agree to pay the above total.',
    hasLogo: 'false', logo: '', logoWidth: '225', header: '',
  };
}

function ccGateway(shopID: number): WireObject {
  return {
    ccGatewayID: String(shopID), marketType: 'retail', deviceType: 'none', hashValue: '', enabled: 'false', testMode: 'false',
    gateway: '', terminalNum: '', allowCredits: 'true', visaPaymentTypeID: '2', masterPaymentTypeID: '2',
    discoverPaymentTypeID: '2', americanPaymentTypeID: '2', debitPaymentTypeID: '2',
  };
}

/** Side records of Employees, Shops and Customers (run after they are seeded). */
export function seedSideRecords(store: Store, at: StampAt): void {
  for (const employee of store.list('Employee')) {
    store.setEmbedded('Employee', 'EmployeeRole', Number(employee.employeeID), employeeRole(Number(employee.employeeRoleID)));
  }
  for (const shop of store.list('Shop')) {
    const id = Number(shop.shopID);
    store.update('Shop', shop, { receiptSetupID: String(id), ccGatewayID: String(id) }, String(shop.timeStamp));
    store.setEmbedded('Shop', 'ReceiptSetup', id, receiptSetup(id));
    store.setEmbedded('Shop', 'CCGateway', id, ccGateway(id));
  }
  // The element name of Vendor.Reps comes from real answers (the catalog's wrappers): without it, no reps.
  const repElement = store.entities.get('Vendor')?.wrappers.Reps;
  if (repElement && store.get('Vendor', 1)) store.setEmbedded('Vendor', 'Reps', 1, { [repElement]: { firstName: 'Dana', lastName: 'Reyes' } });
  for (const customer of store.list('Customer')) {
    const id = Number(customer.customerID);
    store.setEmbedded('Customer', 'Note', id, { note: '', isPublic: 'false', timeStamp: String(customer.timeStamp) });
    if (id % 10 !== 0) continue;
    const account = store.seed('CreditAccount', {
      name: `${customer.firstName} ${customer.lastName}`, giftCard: 'false', archived: 'false', customerID: String(id),
      balance: '0', creditLimit: '500', timeStamp: at(id),
    });
    store.update('Customer', customer, { creditAccountID: String(account.creditAccountID) }, String(customer.timeStamp));
  }
}
