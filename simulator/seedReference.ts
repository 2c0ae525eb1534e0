/** Seeds the small reference tables: Account, Shops, Registers, Employees, lookups, Categories, Vendors. */
import { Prng } from './prng';
import { seededContact } from './seedContacts';
import { FIRST_NAMES, LAST_NAMES, MANUFACTURERS, SUB_CATEGORIES, TOP_CATEGORIES, VENDOR_WORDS } from './seedData';
import { Store } from './store';
import { formatTimestamp } from './time';
import { SimulatorOptions } from './options';

/** Timestamp of the i-th record of a table: base + i minutes. */
export type StampAt = (i: number) => string;

/** Builds the StampAt of a base time. */
export function stampsFrom(baseMs: number): StampAt {
  return (i) => formatTimestamp(baseMs + i * 60_000);
}

/** Seeds every reference table (everything but Items, Customers and Sales). */
export function seedReference(store: Store, options: SimulatorOptions, at: StampAt): void {
  const rng = new Prng(`${options.seed}:reference`);
  store.seed('Account', {
    accountID: options.accountId,
    name: options.accountName,
    status: 'active',
    employeeCount: String(options.employees),
    employeeLimit: '50',
    link: { '@attributes': { href: `/API/V3/Account/${options.accountId}` } },
  });
  const terminals = new Prng(`${options.seed}:terminals`);
  const shopNames = ['Main Street', 'Harbour Mall', 'Airport Kiosk', 'Downtown Outlet'];
  for (let id = 1; id <= options.shops; id++) {
    store.seed('Shop', {
      shopID: String(id), name: shopNames[(id - 1) % shopNames.length] + (id > shopNames.length ? ` ${id}` : ''),
      serviceRate: '0', timeZone: 'America/Toronto', labelTitle: 'Shop Name', taxCategoryID: '1', priceLevelID: '1',
      contactID: String(900 + id), timeStamp: at(id),
    });
    store.setEmbedded('Shop', 'Contact', id, seededContact(rng, 900 + id, `shop${id}`, { addresses: 1, phones: 1, emails: 1 }, at(id)));
    // Real accounts send a register's payment terminal as text: a UUID when one is paired, else "".
    const ccTerminalID = id % 2 === 1 ? terminalId(terminals) : '';
    store.seed('Register', { registerID: String(id), name: `Register ${id}`, shopID: String(id), open: 'false', ccTerminalID });
  }
  for (let id = 1; id <= options.employees; id++) {
    store.seed('Employee', {
      employeeID: String(id), firstName: rng.pick(FIRST_NAMES), lastName: rng.pick(LAST_NAMES),
      contactID: String(800 + id), employeeRoleID: id === 1 ? '1' : '2', limitToShopID: '0',
      lastShopID: String(((id - 1) % options.shops) + 1), timeStamp: at(id),
    });
    store.setEmbedded('Employee', 'Contact', id, seededContact(rng, 800 + id, `employee${id}`, { addresses: 0, phones: 1, emails: 1 }, at(id)));
  }
  const paymentTypes: Array<[string, string]> = [['Cash', 'cash'], ['Credit Card', 'credit card'], ['Gift Card', 'gift card'], ['Store Credit', 'credit account']];
  paymentTypes.forEach(([name, type], i) => store.seed('PaymentType', { paymentTypeID: String(i + 1), name, type }));
  ['Default', 'MSRP', 'Online'].forEach((name, i) =>
    store.seed('PriceLevel', { priceLevelID: String(i + 1), name, canBeArchived: i === 0 ? 'false' : 'true' }));
  ['Item', 'Labor'].forEach((name, i) => store.seed('TaxClass', { taxClassID: String(i + 1), name, timeStamp: at(i + 1) }));
  store.seed('TaxCategory', { taxCategoryID: '1', isTaxInclusive: 'false', tax1Name: 'GST', tax2Name: 'QST', tax1Rate: '0.05', tax2Rate: '0.09975', timeStamp: at(1) });
  ['Retail', 'Wholesale'].forEach((name, i) => store.seed('CustomerType', { customerTypeID: String(i + 1), name, timeStamp: at(i + 1) }));
  seedCategories(store, options.categories, at);
  for (let id = 1; id <= options.manufacturers; id++) {
    const name = MANUFACTURERS[(id - 1) % MANUFACTURERS.length] + (id > MANUFACTURERS.length ? ` ${id}` : '');
    store.seed('Manufacturer', { manufacturerID: String(id), name, createTime: at(id), timeStamp: at(id) });
  }
  for (let id = 1; id <= options.vendors; id++) {
    const name = `${VENDOR_WORDS[(id - 1) % VENDOR_WORDS.length]} Supply Co.` + (id > VENDOR_WORDS.length ? ` ${id}` : '');
    store.seed('Vendor', { vendorID: String(id), name, accountNumber: `V-${1000 + id}`, timeStamp: at(id) });
    store.setEmbedded('Vendor', 'Contact', id, seededContact(rng, 700 + id, `vendor${id}`, { addresses: 1, phones: 1, emails: 1 }, at(id)));
  }
}

/** A payment terminal's ID as Lightspeed Payments gives it: a UUID. */
function terminalId(rng: Prng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16)).join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Half the categories are top level, the rest children of them (nested-set numbers kept simple). */
function seedCategories(store: Store, count: number, at: StampAt): void {
  const topCount = Math.ceil(count / 2);
  for (let id = 1; id <= count; id++) {
    const top = id <= topCount;
    const parentID = top ? 0 : ((id - topCount - 1) % topCount) + 1;
    const name = top
      ? TOP_CATEGORIES[(id - 1) % TOP_CATEGORIES.length] + (id > TOP_CATEGORIES.length ? ` ${id}` : '')
      : SUB_CATEGORIES[(id - topCount - 1) % SUB_CATEGORIES.length] + (id - topCount > SUB_CATEGORIES.length ? ` ${id}` : '');
    const parentName = top ? '' : String(store.get('Category', parentID)?.name ?? '');
    store.seed('Category', {
      categoryID: String(id), name, nodeDepth: top ? '0' : '1',
      fullPathName: top ? name : `${parentName}/${name}`,
      leftNode: String(id * 2 - 1), rightNode: String(id * 2), parentID: String(parentID),
      createTime: at(id), timeStamp: at(id),
    });
  }
}
