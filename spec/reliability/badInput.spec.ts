import { expect } from 'chai';
import * as create from '../../lib/actions/createObject';
import * as remove from '../../lib/actions/deleteObjectById';
import * as lookup from '../../lib/actions/lookupObjectById';
import * as raw from '../../lib/actions/rawRequest';
import * as update from '../../lib/actions/updateObject';
import * as upsert from '../../lib/actions/upsertObject';
import * as uploadImage from '../../lib/actions/uploadImage';
import * as setStock from '../../lib/actions/setStockLevel';
import * as syncRecords from '../../lib/actions/syncRecords';
import * as completedSales from '../../lib/triggers/completedSales';
import * as newCustomers from '../../lib/triggers/newCustomers';
import * as trigger from '../../lib/triggers/pollingEntity';
import * as stockChanges from '../../lib/triggers/stockChanges';
import { Simulator } from '../../simulator';
import { run, simulatorWith } from '../helpers/component';
import { ObjectStorage } from '../helpers/objectStorage';
import { assertNoSecrets } from './harness';
import { tally } from './tally';

type Handler = Parameters<typeof run>[0];
interface Case {
  name: string; handler: Handler; cfg: Record<string, unknown>; body: unknown; error: string | RegExp;
  /** The message's attachments, or a body naming a URL, served by a stand-in of the platform's storage. */
  message?: (storage: ObjectStorage) => { body?: unknown; attachments?: Record<string, unknown> };
}

const big = 'x'.repeat(600 * 1024);

/** Paths a raw request must refuse: each leaves the account, or could once decoded; [path, what the error names]. */
const PATHS_LEAVING_THE_ACCOUNT: Array<[string, string]> = [
  ['../Item.json', '".."'],
  ['Item/../../999/Item.json', '".."'],
  ['https://evil.example/Item.json', '"https:"'],
  ['//evil.example/API/V3/Account/123456/Item.json', 'an empty segment'],
  ['Item.json#top', '"Item.json#top"'],
  ['%2e%2e/Customer.json', '"%2e%2e"'],
  ['Item%2F..%2F..%2F999%2FItem.json', '"Item%2F..%2F..%2F999%2FItem.json"'],
  ['Item%3Farchived=true', '"Item%3Farchived=true"'],
  ['Item\\..\\Customer.json', '"Item\\..\\Customer.json"'],
  ['.', '"."'],
  ['/API/V3/Account/123456/../999/Item.json', '".."'],
  ['../Item.json?archived=true', '".."'],
];

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const customer = { objectType: 'Customer' };
const item = { objectType: 'Item' };
const sale = { objectType: 'Sale' };

/** Mistakes inside nested records: each named by its full path, with the closest field there is. */
const NESTED_MISTAKES: Case[] = [
  { name: 'an e-mail written on the Contact itself', handler: create, cfg: customer, body: { firstName: 'Ann', Contact: { email: 'ann@example.com' } }, error: 'body.Contact.email: not a field of Contact; did you mean Contact.Emails.ContactEmail[].address?' },
  { name: 'an e-mail written on the Customer', handler: upsert, cfg: customer, body: { firstName: 'Ann', email: 'ann@example.com' }, error: 'body.email: not a field of Customer; did you mean Contact.Emails.ContactEmail[].address?' },
  { name: 'a misspelt field of a listed e-mail', handler: create, cfg: customer, body: { Contact: { Emails: { ContactEmail: [{ adress: 'ann@example.com' }] } } }, error: 'body.Contact.Emails.ContactEmail.0.adress: not a field of ContactEmail; did you mean Contact.Emails.ContactEmail[].address?' },
  { name: 'a misspelt field of a lone phone (an object, not a list)', handler: update, cfg: customer, body: { customerID: 1, Contact: { Phones: { ContactPhone: { numbr: '555-0100' } } } }, error: 'body.Contact.Phones.ContactPhone.0.numbr: not a field of ContactPhone; did you mean Contact.Phones.ContactPhone[].number?' },
  { name: 'a phone type Lightspeed does not know', handler: create, cfg: customer, body: { Contact: { Phones: { ContactPhone: [{ number: '555-0100', useType: 'mobile' }] } } }, error: 'body.Contact.Phones.ContactPhone.0.useType: must be one of Home, Work, Mobile, Pager, Fax; did you mean Mobile?' },
  { name: 'a postal address on the Contact itself', handler: create, cfg: customer, body: { Contact: { address: '1 Main St' } }, error: 'body.Contact.address: not a field of Contact; did you mean Contact.Addresses.ContactAddress[].address1?' },
  { name: 'e-mails as a bare list, not Lightspeed\'s container', handler: create, cfg: customer, body: { Contact: { Emails: [{ address: 'ann@example.com' }] } }, error: 'body.Contact.Emails: must be Lightspeed\'s container {"ContactEmail": [...]}, got [{"address":"ann@example.com"}]' },
  { name: 'an e-mail as text instead of a record', handler: create, cfg: customer, body: { Contact: { Emails: { ContactEmail: 'ann@example.com' } } }, error: 'body.Contact.Emails.ContactEmail: must be a record or a list of records, got "ann@example.com"' },
  { name: 'a Contact flag that is not true or false', handler: create, cfg: customer, body: { Contact: { noEmail: 'maybe' } }, error: 'body.Contact.noEmail: must be boolean, got "maybe"' },
  { name: 'a Note field that does not exist', handler: create, cfg: customer, body: { Note: { text: 'VIP' } }, error: 'body.Note.text: not a field of Note' },
  { name: 'a price that is not a number', handler: create, cfg: item, body: { description: 'x', Prices: { ItemPrice: [{ amount: 'cheap', useType: 'Default' }] } }, error: 'body.Prices.ItemPrice.0.amount: must be number, got "cheap"' },
  { name: 'a price written on the Item', handler: create, cfg: item, body: { description: 'x', price: 9.99 }, error: 'body.price: not a field of Item; did you mean Prices.ItemPrice[].amount?' },
  { name: 'a shop stock field in the wrong case', handler: update, cfg: item, body: { itemID: 1, ItemShops: { ItemShop: [{ shopId: 1, qoh: 5 }] } }, error: 'body.ItemShops.ItemShop.0.shopId: not a field of ItemShop; did you mean ItemShops.ItemShop[].shopID?' },
  { name: 'a shop quantity that is not whole', handler: create, cfg: item, body: { description: 'x', ItemShops: { ItemShop: [{ shopID: 1, qoh: '2.5' }] } }, error: 'body.ItemShops.ItemShop.0.qoh: must be integer, got "2.5"' },
  { name: 'a related record written inline instead of by ID', handler: create, cfg: item, body: { description: 'x', Category: { name: 'Mugs' } }, error: 'body.Category: not a field of Item; did you mean categoryID?' },
  { name: 'sale lines as a bare list', handler: create, cfg: sale, body: { SaleLines: [{ itemID: 1, unitQuantity: 1 }] }, error: 'body.SaleLines: must be Lightspeed\'s container {"SaleLine": [...]}, got [{"itemID":1,"unitQuantity":1}]' },
  { name: 'a sale line quantity in words', handler: update, cfg: sale, body: { saleID: 1, SaleLines: { SaleLine: { itemID: 1, unitQuantity: 'two' } } }, error: 'body.SaleLines.SaleLine.0.unitQuantity: must be integer, got "two"' },
  { name: 'a payment naming its type instead of its ID', handler: create, cfg: sale, body: { SalePayments: { SalePayment: [{ amount: 5, paymentType: 'Cash' }] } }, error: 'body.SalePayments.SalePayment.0.paymentType: not a field of SalePayment; did you mean SalePayments.SalePayment[].paymentTypeID?' },
];

/** Names that are nearly right: each error names the right one. */
const NAMES_NEARLY_RIGHT: Case[] = [
  { name: 'objectType in lower case', handler: lookup, cfg: { objectType: 'customer' }, body: { id: 1 }, error: 'objectType: "customer" is not a Lightspeed Retail entity; did you mean Customer?' },
  { name: 'a field in the wrong case', handler: create, cfg: customer, body: { FirstName: 'Ann' }, error: 'body.FirstName: not a field of Customer; did you mean firstName?' },
  { name: 'an enum value in the wrong case', handler: create, cfg: item, body: { description: 'x', itemType: 'Default' }, error: 'body.itemType: must be one of default, non_inventory, serialized, box, serialized_assembly, assembly; did you mean default?' },
  { name: 'delete by the primary key instead of id', handler: remove, cfg: customer, body: { customerID: 5 }, error: 'body.customerID: Delete takes the record\'s ID as "id": {"id": 5}' },
  { name: 'lookup by the primary key instead of id', handler: lookup, cfg: item, body: { itemID: 7 }, error: 'body.itemID: Lookup takes the record\'s ID as "id": {"id": 7}' },
  { name: 'update by id instead of the primary key', handler: update, cfg: customer, body: { id: 5, firstName: 'Ann' }, error: 'body.id: Update takes the record\'s ID as "customerID": {"customerID": 5}' },
  { name: 'upsert by id instead of the primary key', handler: upsert, cfg: item, body: { id: '5', description: 'x' }, error: 'body.id: Upsert takes the record\'s ID as "itemID": {"itemID": "5"}' },
  { name: 'create with the primary key', handler: create, cfg: customer, body: { customerID: 5, firstName: 'Ann' }, error: 'body.customerID: Create takes no record ID: Lightspeed assigns customerID (Update or Upsert change an existing Customer)' },
  { name: 'a filter field in the wrong case', handler: lookup, cfg: customer, body: { filters: { firstname: 'Ann' } }, error: 'body.filters.firstname: not a field of Customer; did you mean firstName?' },
  { name: 'a relation to load in lower case', handler: lookup, cfg: item, body: { id: 1, loadRelations: ['itemshops'] }, error: /^body\.loadRelations\.0: must be one of Category, .*; did you mean ItemShops\?$/ },
  { name: 'trigger relation in the singular', handler: trigger, cfg: { objectType: 'Item', loadRelations: 'ItemShop, Category' }, body: {}, error: /^loadRelations: "ItemShop" is not a relation of Item \(it has .*\); did you mean ItemShops\?$/ },
  { name: 'upsert match field in the wrong case', handler: upsert, cfg: { objectType: 'Item', matchField: 'customsku' }, body: { customSku: 'x' }, error: 'matchField: Item cannot be matched by "customsku" (choose one of itemID, customSku, systemSku, upc, ean, manufacturerSku); did you mean customSku?' },
  { name: 'trigger pollingField in the wrong case', handler: trigger, cfg: { objectType: 'Item', pollingField: 'timestamp' }, body: {}, error: 'pollingField: "timestamp" is not a datetime field of Item (choose one of timeStamp, createTime); did you mean timeStamp?' },
];

const image = { objectType: 'Item' };
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const LIMIT = 'the limit is 10485760 bytes (10 MB)';

/** Upload Image: no picture, an empty one, one that is not a picture, one too large, in each source; and its fields. */
const IMAGE_REFUSALS: Case[] = [
  { name: 'image: no picture at all', handler: uploadImage, cfg: image, body: { itemID: 1, description: 'Front' }, error: 'body.imageUrl: is required: give body.imageUrl, or body.imageBase64 with body.filename, or attach the image to the message' },
  { name: 'image: empty base64 file', handler: uploadImage, cfg: image, body: { itemID: 1, imageBase64: 'data:image/png;base64,', filename: 'a.png' }, error: 'body.imageBase64: is an empty file: there is no image to upload' },
  { name: 'image: base64 text, not a picture', handler: uploadImage, cfg: image, body: { itemID: 1, imageBase64: Buffer.from('<html>not a picture</html>').toString('base64'), filename: 'a.jpg' }, error: 'body.imageBase64: is not a JPEG, PNG or GIF image: the file is an HTML page' },
  { name: 'image: base64 over 10 MB', handler: uploadImage, cfg: image, body: { itemID: 1, imageBase64: Buffer.concat([PNG_HEAD, Buffer.alloc(10 * 1024 * 1024 + 1 - PNG_HEAD.length)]).toString('base64'), filename: 'big.png' }, error: `body.imageBase64: is 10485761 bytes; ${LIMIT}` },
  { name: 'image: base64 that is not base64', handler: uploadImage, cfg: image, body: { itemID: 1, imageBase64: 'not base64!', filename: 'a.jpg' }, error: 'body.imageBase64: is not base64 (letters, digits, "+", "/", "=")' },
  { name: 'image: base64 without a file name', handler: uploadImage, cfg: image, body: { itemID: 1, imageBase64: PNG_HEAD.toString('base64') }, error: 'body.filename: is required with body.imageBase64, such as "shirt.jpg"' },
  { name: 'image: both a URL and base64', handler: uploadImage, cfg: image, body: { itemID: 1, imageUrl: 'https://shop.example/a.jpg', imageBase64: PNG_HEAD.toString('base64'), filename: 'a.png' }, error: 'body.imageBase64: give one image: body.imageUrl or body.imageBase64, not both' },
  { name: 'image: a URL that is not http', handler: uploadImage, cfg: image, body: { itemID: 1, imageUrl: 'ftp://shop.example/a.jpg' }, error: 'body.imageUrl: must be an http or https URL of the picture, got "ftp://shop.example/a.jpg"' },
  { name: 'image: a URL serving an empty file', handler: uploadImage, cfg: image, body: {}, message: (storage) => ({ body: { itemID: 1, imageUrl: storage.signedAttachment('empty.jpg', Buffer.alloc(0), 'image/jpeg').url } }), error: 'body.imageUrl: is an empty file: there is no image to upload' },
  { name: 'image: a URL serving a web page', handler: uploadImage, cfg: image, body: {}, message: (storage) => ({ body: { itemID: 1, imageUrl: storage.signedAttachment('shirt', Buffer.from('<html>shop</html>'), 'text/html').url } }), error: 'body.imageUrl: is not a JPEG, PNG or GIF image: the file is an HTML page (labelled text/html)' },
  { name: 'image: a URL serving text labelled image/jpeg', handler: uploadImage, cfg: image, body: {}, message: (storage) => ({ body: { itemID: 1, imageUrl: storage.signedAttachment('shirt.jpg', Buffer.from('this is not a picture\n'), 'image/jpeg').url } }), error: 'body.imageUrl: is not a JPEG, PNG or GIF image: the file is text, though labelled image/jpeg' },
  { name: 'image: an attachment labelled image/jpeg holding a PDF', handler: uploadImage, cfg: image, body: { itemID: 1 }, message: (storage) => ({ attachments: { 'a.jpg': storage.signedAttachment('a.jpg', Buffer.from('%PDF-1.7\n%...'), 'image/jpeg') } }), error: 'attachments["a.jpg"]: is not a JPEG, PNG or GIF image: the file is a PDF document, though labelled image/jpeg' },
  { name: 'image: a file:// URL', handler: uploadImage, cfg: image, body: { itemID: 1, imageUrl: 'file:///home/me/shirt.jpg' }, error: 'body.imageUrl: is a local file ("file:///home/me/shirt.jpg"), which the platform cannot reach: give the picture in body.imageBase64 with body.filename, or attach it to the message' },
  { name: 'image: a local path', handler: uploadImage, cfg: image, body: { itemID: 1, imageUrl: 'C:\\Photos\\shirt.jpg' }, error: 'body.imageUrl: is a local file ("C:\\\\Photos\\\\shirt.jpg"), which the platform cannot reach: give the picture in body.imageBase64 with body.filename, or attach it to the message' },
  { name: 'image: a URL serving 11 MB', handler: uploadImage, cfg: image, body: {}, message: (storage) => ({ body: { itemID: 1, imageUrl: storage.signedAttachment('big.png', Buffer.concat([PNG_HEAD, Buffer.alloc(11 * 1024 * 1024)]), 'image/png').url } }), error: `body.imageUrl: is 11534344 bytes; ${LIMIT}` },
  { name: 'image: an attachment declared as text', handler: uploadImage, cfg: image, body: { itemID: 1 }, message: (storage) => ({ attachments: { 'notes.txt': storage.signedAttachment('notes.txt', Buffer.from('hello'), 'text/plain') } }), error: 'attachments["notes.txt"]: is text/plain, not an image (JPEG, PNG or GIF)' },
  { name: 'image: an empty attachment (object storage)', handler: uploadImage, cfg: image, body: { itemID: 1 }, message: (storage) => ({ attachments: { 'a.jpg': storage.maesterAttachment(Buffer.alloc(0), 'image/jpeg') } }), error: 'attachments["a.jpg"]: is an empty file: there is no image to upload' },
  { name: 'image: an attachment declared at 20 MB', handler: uploadImage, cfg: image, body: { itemID: 1 }, message: (storage) => ({ attachments: { 'big.jpg': { ...storage.signedAttachment('big.jpg', PNG_HEAD, 'image/jpeg'), size: 20 * 1024 * 1024 } } }), error: `attachments["big.jpg"]: is 20971520 bytes; ${LIMIT}` },
  { name: 'image: several attachments, none named', handler: uploadImage, cfg: image, body: { itemID: 1 }, message: (storage) => ({ attachments: { 'a.jpg': storage.signedAttachment('a.jpg', PNG_HEAD, 'image/png'), 'b.jpg': storage.signedAttachment('b.jpg', PNG_HEAD, 'image/png') } }), error: 'attachmentName: is required: the message has 2 attachments (a.jpg, b.jpg); name the image' },
  { name: 'image: a named attachment that is not there', handler: uploadImage, cfg: { ...image, attachmentName: 'shirt.JPG' }, body: { itemID: 1 }, message: (storage) => ({ attachments: { 'shirt.jpg': storage.signedAttachment('shirt.jpg', PNG_HEAD, 'image/png') } }), error: 'attachmentName: the message has no attachment "shirt.JPG" (it has shirt.jpg); did you mean shirt.jpg?' },
  { name: 'image: an attachment in a storage the platform has not', handler: uploadImage, cfg: image, body: { itemID: 1 }, message: () => ({ attachments: { 'a.jpg': { url: 'https://files.example/a.jpg?storage_type=ftp', size: 10 } } }), error: 'attachments["a.jpg"]: has storage type "ftp", which the platform does not have (steward or maester)' },
  { name: 'image: objectType Customer', handler: uploadImage, cfg: { objectType: 'Customer' }, body: { customerID: 1 }, error: 'objectType: "Customer" cannot have images: choose Item or ItemMatrix' },
  { name: 'image: itemID "abc"', handler: uploadImage, cfg: image, body: { itemID: 'abc', imageUrl: 'https://shop.example/a.jpg' }, error: 'body.itemID: must be integer, got "abc"' },
  { name: 'image: match by customSku without one', handler: uploadImage, cfg: { ...image, matchField: 'customSku' }, body: { imageUrl: 'https://shop.example/a.jpg' }, error: 'body.customSku: is required' },
  { name: 'image: a misspelt field', handler: uploadImage, cfg: image, body: { itemID: 1, imageURL: 'https://shop.example/a.jpg' }, error: 'body.imageURL: not a field of Upload Image; did you mean imageUrl?' },
];

const bySku = { objectType: 'Item', matchField: 'customSku' };

/** Sync records: whatever is wrong with the input as a whole is refused before any request. */
const SYNC_REFUSALS: Case[] = [
  { name: 'sync: no records', handler: syncRecords, cfg: bySku, body: {}, error: 'body.records: is required: an array of records, or the name of a JSON attachment holding one in body.recordsAttachment' },
  { name: 'sync: records not a list', handler: syncRecords, cfg: bySku, body: { records: 'SKU-1,SKU-2' }, error: 'body.records: must be an array of records, got string' },
  { name: 'sync: an empty list', handler: syncRecords, cfg: bySku, body: { records: [] }, error: 'body.records: is empty: there is nothing to sync' },
  { name: 'sync: 10,001 records', handler: syncRecords, cfg: bySku, body: { records: Array.from({ length: 10_001 }, (_, index) => ({ customSku: `K${index}` })) }, error: 'body.records: holds 10001 records; the limit is 10,000 a message: split the input' },
  { name: 'sync: an unknown sync mode', handler: syncRecords, cfg: { ...bySku, syncMode: 'mirror' }, body: { records: [{ customSku: 'A' }] }, error: 'syncMode: must be one of createAndUpdate, updateOnly, createOnly, got "mirror"' },
  { name: 'sync: an unknown emit behavior', handler: syncRecords, cfg: { ...bySku, emitBehavior: 'emitAll' }, body: { records: [{ customSku: 'A' }] }, error: 'emitBehavior: must be one of emitSummary, emitIndividually, got "emitAll"' },
  { name: 'sync: matched by colour', handler: syncRecords, cfg: { ...bySku, matchField: 'colour' }, body: { records: [{ customSku: 'A' }] }, error: 'matchField: Item cannot be matched by "colour" (choose one of itemID, customSku, systemSku, upc, ean, manufacturerSku)' },
  { name: 'sync: an entity that cannot be upserted', handler: syncRecords, cfg: { objectType: 'Register' }, body: { records: [{}] }, error: /^objectType: Register cannot be upserted/ },
  { name: 'sync: an attachment that is not JSON', handler: syncRecords, cfg: bySku, body: { recordsAttachment: 'p.csv' }, message: (storage) => ({ body: { recordsAttachment: 'p.csv' }, attachments: { 'p.csv': storage.signedAttachment('p.csv', Buffer.from('sku;price\nA;1\n'), 'text/csv') } }), error: 'attachments["p.csv"]: is not JSON (it starts "sku;price\\nA;1\\n"): it must hold an array of records' },
  { name: 'sync: an attachment the message does not have', handler: syncRecords, cfg: bySku, body: { recordsAttachment: 'Products.json' }, message: (storage) => ({ body: { recordsAttachment: 'Products.json' }, attachments: { 'products.json': storage.signedAttachment('products.json', Buffer.from('[]'), 'application/json') } }), error: 'body.recordsAttachment: the message has no attachment "Products.json" (it has products.json); did you mean products.json?' },
];

/**
 * The trigger's Filters take the Lookup's syntax: every bad Lookup filter is refused there too, named `filters.<field>`;
 * but a filter on Item's polling field (timeStamp), which the trigger refuses as such (TRIGGER_FILTERS below). The
 * Lookup's body reaches the check as text; the trigger's JSON keeps a value's JSON type, and its error shows that.
 */
function asTriggerFilters(cases: Case[]): Case[] {
  return cases.filter((bad) => bad.handler === lookup && (bad.body as { filters?: unknown }).filters !== undefined)
    .filter((bad) => !('timeStamp' in (bad.body as { filters: object }).filters))
    .map((bad) => {
      const filters = (bad.body as { filters: Record<string, unknown> }).filters;
      const jsonValues = Object.values(filters).filter((value) => typeof value !== 'string');
      const named = (error: string): string => jsonValues.reduce<string>(
        (text, value) => text.replace(`got "${String(value)}"`, `got ${JSON.stringify(value)}`), error.replace(/^body\.filters\./, 'filters.'));
      return {
        name: `trigger filters: ${bad.name}`,
        handler: trigger,
        cfg: { objectType: bad.cfg.objectType, filters: JSON.stringify(filters) },
        body: {},
        error: typeof bad.error === 'string' ? named(bad.error) : bad.error,
      };
    });
}

/** What only the trigger's Filters refuse. */
const TRIGGER_FILTERS: Case[] = [
  { name: 'trigger filter on the polling field', handler: trigger, cfg: { objectType: 'Item', filters: '{"timeStamp": ">,2024-01-01"}' }, body: {}, error: 'filters.timeStamp: timeStamp is the polling field: each run sets its window itself (a filter on it would break the walk); use Start time and End time' },
  { name: 'trigger filter on either field of Sale\'s pair', handler: trigger, cfg: { objectType: 'Sale', filters: { updatetime: '>,2024-01-01' } }, body: {}, error: /^filters\.updatetime: updatetime is the polling field/ },
  { name: 'trigger filter on archived', handler: trigger, cfg: { objectType: 'Customer', filters: { archived: 'true' } }, body: {}, error: 'filters.archived: use "Include archived" to have archived records too' },
  { name: 'trigger filters that are not JSON', handler: trigger, cfg: { objectType: 'Item', filters: 'shopID=2' }, body: {}, error: 'filters: must be a JSON object such as {"itemID": "IN,[1,2]"}, got shopID=2' },
  { name: 'trigger filters as a list', handler: trigger, cfg: { objectType: 'Item', filters: '[{"itemID": 1}]' }, body: {}, error: 'filters: must be a JSON object such as {"itemID": "IN,[1,2]"}, got [{"itemID":1}]' },
  { name: 'trigger filter on a relation not loaded', handler: trigger, cfg: { objectType: 'Item', filters: { 'Category.name': 'Mugs' } }, body: {}, error: 'filters.Category.name: filters on Category need "Category" in loadRelations' },
];

/** The ready-made triggers and Set Stock Level. */
const READY_MADE: Case[] = [
  { name: 'completed sales of shop "main"', handler: completedSales, cfg: { shopID: 'main' }, body: {}, error: 'shopID: must be an ID from the list (a positive whole number), got "main"' },
  { name: 'completed sales with includeVoided "yes"', handler: completedSales, cfg: { includeVoided: 'yes' }, body: {}, error: 'includeVoided: must be true or false, got "yes"' },
  { name: 'completed sales with an unknown relation', handler: completedSales, cfg: { loadRelations: 'SaleLine' }, body: {}, error: /^loadRelations: "SaleLine" is not a relation of Sale .*; did you mean SaleLines\?$/ },
  { name: 'stock changes of shop 0', handler: stockChanges, cfg: { shopID: 0 }, body: {}, error: 'shopID: must be an ID from the list (a positive whole number), got 0' },
  { name: 'stock changes with addSkus "1"', handler: stockChanges, cfg: { addSkus: '1' }, body: {}, error: 'addSkus: must be true or false, got "1"' },
  { name: 'new customers of type -1', handler: newCustomers, cfg: { customerTypeID: '-1' }, body: {}, error: 'customerTypeID: must be an ID from the list (a positive whole number), got "-1"' },
  { name: 'new customers from "last week"', handler: newCustomers, cfg: { startTime: 'last week' }, body: {}, error: 'startTime: is not an ISO 8601 date-time such as 2024-01-01T00:00:00Z, got "last week"' },
  { name: 'set stock without qoh', handler: setStock, cfg: {}, body: { itemID: 1, shopID: 1 }, error: 'body.qoh: is required' },
  { name: 'set stock to "many"', handler: setStock, cfg: {}, body: { itemID: 1, shopID: 1, qoh: 'many' }, error: 'body.qoh: must be integer, got "many"' },
  { name: 'set stock by a delta', handler: setStock, cfg: {}, body: { itemID: 1, shopID: 1, qohChange: 2 }, error: 'body.qoh: is required; body.qohChange: not a field of the stock level' },
  { name: 'set stock without a shop', handler: setStock, cfg: {}, body: { itemID: 1, qoh: 1 }, error: 'body.shopID: is required (or body.shopName): the shop whose stock to set' },
  { name: 'set stock with shopID and shopName', handler: setStock, cfg: {}, body: { itemID: 1, shopID: 1, shopName: 'Main Street', qoh: 1 }, error: 'body.shopName: must be left out when shopID is given: give one of them' },
  { name: 'set stock of shop 0 (the sum)', handler: setStock, cfg: {}, body: { itemID: 1, shopID: 0, qoh: 1 }, error: 'body.shopID: must be >= 1, got 0' },
  { name: 'set stock without the item', handler: setStock, cfg: {}, body: { shopID: 1, qoh: 1 }, error: 'body.itemID: is required' },
  { name: 'set stock by a blank customSku', handler: setStock, cfg: { matchField: 'customSku' }, body: { customSku: ' ', shopID: 1, qoh: 1 }, error: 'body.customSku: is required to find the Item by customSku' },
  { name: 'set stock matched by colour', handler: setStock, cfg: { matchField: 'colour' }, body: { shopID: 1, qoh: 1 }, error: 'matchField: Item cannot be matched by "colour" (choose one of itemID, customSku, systemSku, upc, ean, manufacturerSku)' },
  { name: 'set stock with a negative reorder point', handler: setStock, cfg: {}, body: { itemID: 1, shopID: 1, qoh: 1, reorderPoint: -2 }, error: 'body.reorderPoint: must be >= 0, got -2' },
];

const NEGATIVE = 'Lightspeed does not set a negative quantity on hand through the API (only sales, transfers and returns take it below 0)';
const stockEntries = (...entries: Record<string, unknown>[]) => ({ ItemShops: { ItemShop: entries } });

/** What Lightspeed's docs say it refuses, or takes and ignores (lib/catalog/writeRules.ts): refused here, with the reason. */
const WRITES_LIGHTSPEED_WOULD_NOT_TAKE: Case[] = [
  { name: 'set stock to -3', handler: setStock, cfg: {}, body: { itemID: 1, shopID: 1, qoh: -3 }, error: `body.qoh: must be 0 or more, got -3: ${NEGATIVE}` },
  { name: 'a quantity in an ItemShop update, which changes the reorder settings only', handler: update, cfg: { objectType: 'ItemShop' }, body: { itemShopID: 2, qoh: 5, reorderPoint: 1 }, error: 'body.qoh: is not changed by an update of ItemShop, which sets only reorderPoint and reorderLevel (Lightspeed ignores qoh there): set a quantity with Set Stock Level, or in the Item\'s ItemShops' },
  { name: 'a read-only field (Item systemSku) in an update', handler: update, cfg: item, body: { itemID: 1, systemSku: 5 }, error: 'body.systemSku: is read-only: Lightspeed sets it itself and ignores it in a write' },
  { name: 'a read-only field (Sale createTime) in a create', handler: create, cfg: sale, body: { createTime: '2024-01-01T00:00:00Z' }, error: 'body.createTime: is read-only: Lightspeed sets it itself and ignores it in a write' },
  { name: 'archiving an Item by an update', handler: update, cfg: item, body: { itemID: 1, archived: 'true' }, error: 'body.archived: cannot be true in an update: Lightspeed archives an Item only by a DELETE (Delete Object By ID, which also zeroes its stock) and ignores archived: true in a PUT' },
  { name: 'a negative quantity in an Item\'s stock', handler: create, cfg: item, body: { description: 'x', ...stockEntries({ shopID: 1, qoh: -1 }) }, error: `body.ItemShops.ItemShop.0.qoh: must be 0 or more, got -1: ${NEGATIVE}` },
  { name: 'a negative quantity in an Item\'s stock, upserted by customSku', handler: upsert, cfg: { ...item, matchField: 'customSku' }, body: { customSku: 'X-1', ItemShops: { ItemShop: { shopID: 2, qoh: '-4' } } }, error: `body.ItemShops.ItemShop.0.qoh: must be 0 or more, got -4: ${NEGATIVE}` },
  { name: 'a stock entry naming no shop', handler: update, cfg: item, body: { itemID: 1, ...stockEntries({ shopID: 1, qoh: 1 }, { qoh: 2 }) }, error: 'body.ItemShops.ItemShop.1: needs itemShopID or shopID: Lightspeed finds the shop\'s stock record by one of them' },
  { name: 'two stock entries for one shop', handler: update, cfg: item, body: { itemID: 1, ...stockEntries({ shopID: 1, qoh: 1 }, { shopID: '1', qoh: 2 }) }, error: 'body.ItemShops.ItemShop.1: names shopID 1 a second time: Lightspeed refuses two entries for one shop' },
  { name: 'a stock entry setting sellable', handler: update, cfg: item, body: { itemID: 1, ...stockEntries({ itemShopID: 2, sellable: 3 }) }, error: 'body.ItemShops.ItemShop.0.sellable: is read-only: Lightspeed computes it from qoh (0 when qoh is negative)' },
  { name: 'an Image created from a JSON body', handler: create, cfg: { objectType: 'Image' }, body: { description: 'x' }, error: 'objectType: Image is created by a multipart upload, not from a JSON body: Upload Image puts a picture on an Item or Item Matrix' },
  { name: 'an ItemImage upserted from a JSON body', handler: upsert, cfg: { objectType: 'ItemImage' }, body: { itemID: 1 }, error: 'objectType: ItemImage is created by a multipart upload, not from a JSON body: Upload Image puts a picture on an Item or Item Matrix' },
];

/** Every case must fail with an error naming the field and the problem, and send nothing at all. */
export const BAD_INPUTS: Case[] = [
  { name: 'no objectType', handler: create, cfg: {}, body: {}, error: 'objectType: is required: choose the Lightspeed entity' },
  { name: 'unknown objectType', handler: lookup, cfg: { objectType: 'Widget' }, body: { id: 1 }, error: 'objectType: "Widget" is not a Lightspeed Retail entity' },
  { name: 'objectType without create', handler: create, cfg: { objectType: 'SalePayment' }, body: {}, error: 'objectType: SalePayment cannot be created through the Lightspeed API' },
  { name: 'objectType without delete', handler: remove, cfg: { objectType: 'Manufacturer' }, body: { id: 1 }, error: 'objectType: Manufacturer cannot be deleted through the Lightspeed API' },
  { name: 'objectType without update+create for upsert', handler: upsert, cfg: { objectType: 'Register' }, body: {}, error: /^objectType: Register cannot be upserted/ },
  { name: 'lookup id "abc"', handler: lookup, cfg: { objectType: 'Item' }, body: { id: 'abc' }, error: 'body.id: must be integer, got "abc"' },
  { name: 'lookup id "1/../2"', handler: lookup, cfg: { objectType: 'Item' }, body: { id: '1/../2' }, error: 'body.id: must be integer, got "1/../2"' },
  { name: 'lookup id -3', handler: lookup, cfg: { objectType: 'Item' }, body: { id: -3 }, error: 'body.id: must be >= 1, got -3' },
  { name: 'lookup id "-3"', handler: lookup, cfg: { objectType: 'Item' }, body: { id: '-3' }, error: /^body\.id: must be >= 1/ },
  { name: 'lookup id 1.5', handler: lookup, cfg: { objectType: 'Item' }, body: { id: 1.5 }, error: 'body.id: must be integer, got 1.5' },
  { name: 'delete id ""', handler: remove, cfg: { objectType: 'Item' }, body: { id: '' }, error: /^body\.id: must be integer/ },
  { name: 'lookup with neither id nor filters', handler: lookup, cfg: { objectType: 'Item' }, body: { loadRelations: ['Category'] }, error: 'body.id: is required, or give body.filters to list the matching records' },
  { name: 'delete without id', handler: remove, cfg: { objectType: 'Customer' }, body: {}, error: 'body.id: is required' },
  { name: 'update without the primary key', handler: update, cfg: { objectType: 'Customer' }, body: { firstName: 'A' }, error: 'body.customerID: is required' },
  { name: 'update with itemID "abc"', handler: update, cfg: { objectType: 'Item' }, body: { itemID: 'abc' }, error: 'body.itemID: must be integer, got "abc"' },
  { name: 'create with a wrong type', handler: create, cfg: { objectType: 'Item' }, body: { description: 'x', defaultCost: 'cheap' }, error: 'body.defaultCost: must be number, got "cheap"' },
  { name: 'create with an object for a string', handler: create, cfg: { objectType: 'Item' }, body: { description: { text: 'x' } }, error: 'body.description: must be string, got {"text":"x"}' },
  { name: 'create with a misspelt field', handler: create, cfg: { objectType: 'Item' }, body: { descripton: 'x' }, error: 'body.descripton: not a field of Item; did you mean description?' },
  { name: 'create with a bad enum', handler: create, cfg: { objectType: 'Item' }, body: { itemType: 'gadget' }, error: /^body\.itemType: must be one of default, non_inventory/ },
  { name: 'create nested without its parent key', handler: create, cfg: { objectType: 'SaleSaleLine' }, body: { itemID: 1 }, error: 'body.saleID: is required' },
  { name: 'register open without registerID', handler: create, cfg: { objectType: 'RegisterOpen' }, body: {}, error: 'body.registerID: is required' },
  { name: 'create with an empty body', handler: create, cfg: customer, body: {}, error: 'body: has nothing to write: give at least one of Customer\'s fields, such as firstName, lastName, company or Contact (an empty create would add an empty record)' },
  { name: 'create with only blank values', handler: create, cfg: item, body: { description: '', customSku: ' ', Prices: { ItemPrice: [] } }, error: 'body: has nothing to write: give at least one of Item\'s fields, such as description, customSku, manufacturerSku or defaultCost (an empty create would add an empty record)' },
  { name: 'create nested with only its parent key', handler: create, cfg: { objectType: 'SaleSaleLine' }, body: { saleID: 1 }, error: 'body: has nothing to write beside saleID: give at least one of SaleSaleLine\'s fields, such as unitQuantity, unitPrice, itemID or Discount (an empty create would add an empty record)' },
  { name: 'upsert with an empty body (it would create)', handler: upsert, cfg: customer, body: {}, error: 'body: has nothing to write: give customerID to update that Customer, or at least one of its fields to create one, such as firstName, lastName, company or Contact' },
  ...NESTED_MISTAKES,
  ...NAMES_NEARLY_RIGHT,
  ...IMAGE_REFUSALS,
  ...SYNC_REFUSALS,
  { name: 'a non-object body (array)', handler: create, cfg: { objectType: 'Item' }, body: [1, 2], error: 'body: must be a JSON object, got an array' },
  { name: 'a non-object body (string)', handler: update, cfg: { objectType: 'Item' }, body: 'itemID=1', error: 'body: must be a JSON object, got string' },
  { name: 'an oversized body', handler: create, cfg: { objectType: 'Item' }, body: { description: big }, error: 'body: is 600 KB; the limit is 512 KB' },
  { name: 'upsert by an unknown match field', handler: upsert, cfg: { objectType: 'Item', matchField: 'colour' }, body: { customSku: 'x' }, error: 'matchField: Item cannot be matched by "colour" (choose one of itemID, customSku, systemSku, upc, ean, manufacturerSku)' },
  { name: 'upsert by customSku without customSku', handler: upsert, cfg: { objectType: 'Item', matchField: 'customSku' }, body: { description: 'x' }, error: 'body.customSku: is required' },
  { name: 'upsert by customSku with a blank customSku', handler: upsert, cfg: { objectType: 'Item', matchField: 'customSku' }, body: { customSku: '  ' }, error: 'body.customSku: is required to match by customSku' },
  { name: 'upsert by customSku with the primary key too', handler: upsert, cfg: { objectType: 'Item', matchField: 'customSku' }, body: { itemID: 5, customSku: 'x' }, error: 'body.itemID: must be left out when matching by customSku: the match finds the record' },
  { name: 'upsert by e-mail without an address', handler: upsert, cfg: { objectType: 'Customer', matchField: 'Contact.email' }, body: { firstName: 'Ada', Contact: { Emails: { ContactEmail: [] } } }, error: 'body.Contact.Emails.ContactEmail.address: is required to match by e-mail (Contact)' },
  { name: 'an unknown filter operator', handler: lookup, cfg: { objectType: 'Item' }, body: { filters: { itemID: '=>,5' } }, error: 'body.filters.itemID: "=>" is not a Lightspeed operator (use one of !~ != <= >= >< < > = ~ IN); did you mean ">="?' },
  { name: '"==" for equality', handler: lookup, cfg: customer, body: { filters: { firstName: '==,Blue' } }, error: 'body.filters.firstName: "==" is not a Lightspeed operator (use one of !~ != <= >= >< < > = ~ IN); did you mean "="?' },
  { name: '"=~" for a like (never its negation)', handler: lookup, cfg: item, body: { filters: { description: '=~,%shirt%' } }, error: 'body.filters.description: "=~" is not a Lightspeed operator (use one of !~ != <= >= >< < > = ~ IN); did you mean "~"?' },
  { name: 'a number filter compared with text', handler: lookup, cfg: item, body: { filters: { defaultCost: '>=,abc' } }, error: 'body.filters.defaultCost: must be number after ">=", got "abc"' },
  { name: 'an integer filter given a word', handler: lookup, cfg: item, body: { filters: { categoryID: 'shoes' } }, error: 'body.filters.categoryID: must be integer, got "shoes"' },
  { name: 'an IN list with one element not a whole number', handler: lookup, cfg: item, body: { filters: { itemID: 'IN,[1,2,x]' } }, error: 'body.filters.itemID: must be integer in the "IN" list, got "x"' },
  { name: 'an IN list without brackets', handler: lookup, cfg: item, body: { filters: { itemID: 'IN,1,2' } }, error: 'body.filters.itemID: "IN" needs a list in brackets such as "IN,[1,2,3]", got "1,2"' },
  { name: 'a boolean filter given "yes"', handler: lookup, cfg: item, body: { filters: { tax: 'yes' } }, error: 'body.filters.tax: must be true or false, got "yes"' },
  { name: 'a datetime filter given a word', handler: lookup, cfg: item, body: { filters: { timeStamp: '>,yesterday' } }, error: 'body.filters.timeStamp: must be an ISO 8601 date-time such as 2024-01-01T00:00:00+00:00 after ">", got "yesterday"' },
  { name: 'a between filter with a bad end', handler: lookup, cfg: item, body: { filters: { defaultCost: '><,10,lots' } }, error: 'body.filters.defaultCost: must be number after "><", got "lots"' },
  { name: 'a number filter given a JSON boolean', handler: lookup, cfg: item, body: { filters: { itemID: true } }, error: 'body.filters.itemID: must be integer, got "true"' },
  { name: 'an integer filter with "=" but no comma', handler: lookup, cfg: item, body: { filters: { itemID: '=42' } }, error: 'body.filters.itemID: write the operator and the value with a comma: "=,42"' },
  { name: 'a date-time filter with ">=" but no comma', handler: lookup, cfg: item, body: { filters: { timeStamp: '>=2024-01-01T00:00:00Z' } }, error: 'body.filters.timeStamp: write the operator and the value with a comma: ">=,2024-01-01T00:00:00Z"' },
  { name: 'a date-time filter with "<" but no comma (not the polling field)', handler: lookup, cfg: customer, body: { filters: { createTime: '<2024-06-01' } }, error: 'body.filters.createTime: write the operator and the value with a comma: "<,2024-06-01"' },
  { name: 'a text filter with "==" glued to it', handler: lookup, cfg: item, body: { filters: { customSku: '==SKU-000042' } }, error: 'body.filters.customSku: write the operator and the value with a comma: "=,SKU-000042"; to find the text "==SKU-000042" itself, write "=,%3D%3DSKU-000042"' },
  { name: 'a like pattern without its comma', handler: lookup, cfg: item, body: { filters: { description: '~%shirt%' } }, error: 'body.filters.description: write the operator and the value with a comma: "~,%shirt%"; to find the text "~%shirt%" itself, write "=,~%25shirt%25"' },
  { name: 'an IN list without its comma', handler: lookup, cfg: item, body: { filters: { itemID: 'IN[1,2,3]' } }, error: 'body.filters.itemID: write the operator and the value with a comma: "IN,[1,2,3]"' },
  { name: 'a between filter without its first comma', handler: lookup, cfg: item, body: { filters: { defaultCost: '><10,20' } }, error: 'body.filters.defaultCost: write the operator and the value with a comma: "><,10,20"' },
  { name: '"=>" glued to a number', handler: lookup, cfg: item, body: { filters: { itemID: '=>5' } }, error: 'body.filters.itemID: write the operator and the value with a comma: ">=,5"' },
  { name: 'a filter on an unknown field', handler: lookup, cfg: { objectType: 'Item' }, body: { filters: { colour: 'red' } }, error: 'body.filters.colour: not a field of Item' },
  { name: 'a between filter with one value', handler: lookup, cfg: { objectType: 'Item' }, body: { filters: { itemID: '><,5' } }, error: 'body.filters.itemID: "><" needs two values: "><,from,to"' },
  { name: 'an unknown relation', handler: lookup, cfg: { objectType: 'Item' }, body: { loadRelations: ['Colour'] }, error: /^body\.loadRelations\.0: must be one of Category/ },
  { name: 'lookup attachImages "yes"', handler: lookup, cfg: { objectType: 'Item', attachImages: 'yes' }, body: { id: 1 }, error: 'attachImages: must be true or false, got "yes"' },
  { name: 'a bad emitBehavior', handler: lookup, cfg: { objectType: 'Item', emitBehavior: 'emitSome' }, body: { id: 1 }, error: 'emitBehavior: must be emitIndividually, emitPage or emitAll, got "emitSome"' },
  ...PATHS_LEAVING_THE_ACCOUNT.map(([path, named]): Case => ({
    name: `raw request to ${JSON.stringify(path)}`, handler: raw, cfg: {}, body: { method: 'GET', path },
    error: new RegExp(`^body\\.path: must be a path relative to the account such as "Item\\.json".*; it has ${escapeRegExp(named)} `),
  })),
  { name: 'raw request with the query in the path', handler: raw, cfg: {}, body: { method: 'GET', path: 'Item.json?limit=5' }, error: 'body.path: move the query into body.query: {"path": "Item.json", "query": {"limit": "5"}}' },
  { name: 'raw request with the account prefix', handler: raw, cfg: {}, body: { method: 'GET', path: '/API/V3/Account/123456/Item.json' }, error: 'body.path: drop "/API/V3/Account/123456/" (the component adds the account\'s prefix): {"path": "Item.json"}' },
  { name: 'raw request with another account\'s prefix', handler: raw, cfg: {}, body: { method: 'GET', path: '/API/V3/Account/999/Item.json' }, error: 'body.path: drop "/API/V3/Account/999/" (the component adds the account\'s prefix): {"path": "Item.json"}' },
  { name: 'raw request with the API prefix and no leading "/" (a doubled path)', handler: raw, cfg: {}, body: { method: 'POST', path: 'API/V3/Account/123456/Sale/12/refund.json', body: {} }, error: 'body.path: drop "API/V3/Account/123456/" (the component adds the account\'s prefix): {"path": "Sale/12/refund.json"}' },
  { name: 'raw request with the prefix and a query', handler: raw, cfg: {}, body: { method: 'GET', path: '/API/V3/Account/123456/Item.json?archived=true&limit=5' }, error: 'body.path: drop "/API/V3/Account/123456/" (the component adds the account\'s prefix) and move the query into body.query: {"path": "Item.json", "query": {"archived": "true", "limit": "5"}}' },
  { name: 'raw request without a path', handler: raw, cfg: {}, body: { method: 'GET', path: ' ' }, error: 'body.path: is required, such as "Item.json"' },
  { name: 'raw request with PATCH', handler: raw, cfg: {}, body: { method: 'PATCH', path: 'Item/1.json' }, error: 'body.method: must be one of GET, POST, PUT, DELETE' },
  { name: 'raw GET with a body', handler: raw, cfg: {}, body: { method: 'GET', path: 'Item.json', body: { a: 1 } }, error: 'body.body: must be left out: a GET sends no body' },
  { name: 'raw request allowing a 5xx', handler: raw, cfg: { allowedStatuses: '404, 500' }, body: { method: 'GET', path: 'Item.json' }, error: 'allowedStatuses: must list 4xx statuses such as "404, 409" (401 and 429 are handled by the component), got "500"' },
  { name: 'raw request with a bad maximum', handler: raw, cfg: { followPages: true, maxResults: 'lots' }, body: { method: 'GET', path: 'Item.json' }, error: 'maxResults: must be a positive whole number, got "lots"' },
  { name: 'trigger pageSize 0', handler: trigger, cfg: { objectType: 'Item', pageSize: 0 }, body: {}, error: 'pageSize: must be a whole number from 1 to 100, got 0' },
  { name: 'trigger pageSize 500', handler: trigger, cfg: { objectType: 'Item', pageSize: '500' }, body: {}, error: 'pageSize: must be a whole number from 1 to 100, got "500"' },
  { name: 'trigger unparsable startTime', handler: trigger, cfg: { objectType: 'Item', startTime: 'yesterday' }, body: {}, error: 'startTime: is not an ISO 8601 date-time such as 2024-01-01T00:00:00Z, got "yesterday"' },
  { name: 'trigger endTime before startTime', handler: trigger, cfg: { objectType: 'Item', startTime: '2024-02-01', endTime: '2024-01-01' }, body: {}, error: 'endTime: (2024-01-01T00:00:00+00:00) must be after startTime (2024-02-01T00:00:00+00:00)' },
  { name: 'trigger on an entity it cannot poll', handler: trigger, cfg: { objectType: 'SaleSaleLine' }, body: {}, error: /^objectType: SaleSaleLine cannot be polled/ },
  { name: 'trigger unknown pollingField', handler: trigger, cfg: { objectType: 'Item', pollingField: 'colour' }, body: {}, error: 'pollingField: "colour" is not a datetime field of Item (choose one of timeStamp, createTime)' },
  { name: 'trigger includeArchived on an entity never archived', handler: trigger, cfg: { objectType: 'Category', includeArchived: true }, body: {}, error: 'includeArchived: Category records are never archived (Lightspeed deletes them or keeps them): turn it off' },
  { name: 'trigger includeArchived "yes"', handler: trigger, cfg: { objectType: 'Item', includeArchived: 'yes' }, body: {}, error: 'includeArchived: must be true or false, got "yes"' },
  { name: 'trigger negative lookback', handler: trigger, cfg: { objectType: 'Item', lookbackSeconds: '-5' }, body: {}, error: 'lookbackSeconds: must be a whole number of seconds from 0 to 86400, got "-5"' },
  { name: 'trigger lookback of a week', handler: trigger, cfg: { objectType: 'Item', lookbackSeconds: 604800 }, body: {}, error: 'lookbackSeconds: must be a whole number of seconds from 0 to 86400, got 604800' },
  { name: 'trigger unknown pollingField on Sale', handler: trigger, cfg: { objectType: 'Sale', pollingField: 'updated' }, body: {}, error: 'pollingField: "updated" is not a datetime field of Sale (choose one of timeStamp|updatetime, timeStamp, createTime, updatetime, completeTime)' },
  { name: 'trigger unknown relation', handler: trigger, cfg: { objectType: 'Item', loadRelations: 'ItemShops,Colour' }, body: {}, error: /^loadRelations: "Colour" is not a relation of Item/ },
  { name: 'malformed environmentUrl', handler: lookup, cfg: { objectType: 'Item', environmentUrl: 'https://exa mple.com' }, body: { id: 1 }, error: 'environmentUrl: "https://exa mple.com" is not a valid URL' },
  { name: 'plain http to a remote host', handler: lookup, cfg: { objectType: 'Item', environmentUrl: 'http://api.lightspeedapp.com' }, body: { id: 1 }, error: /^environmentUrl: must use https/ },
  { name: 'missing clientId', handler: lookup, cfg: { objectType: 'Item', clientId: '' }, body: { id: 1 }, error: 'clientId: is required' },
  { name: 'missing clientSecret', handler: create, cfg: { objectType: 'Item', clientSecret: undefined }, body: { description: 'x' }, error: 'clientSecret: is required' },
  { name: 'missing refreshToken', handler: trigger, cfg: { objectType: 'Item', refreshToken: ' ' }, body: {}, error: 'refreshToken: is required: click Authenticate, or paste a refresh token from the authorization helper' },
  ...TRIGGER_FILTERS,
  ...READY_MADE,
  ...WRITES_LIGHTSPEED_WOULD_NOT_TAKE,
];
BAD_INPUTS.push(...asTriggerFilters(BAD_INPUTS));

describe('reliability: bad input gets a clear error naming the field, and no request is sent', () => {
  let sim: Simulator;
  let cfg: Awaited<ReturnType<typeof simulatorWith>>['cfg'];
  let storage: ObjectStorage;
  let saved: NodeJS.ProcessEnv;
  before(async () => {
    ({ sim, cfg } = await simulatorWith({ items: 5 }));
    storage = await ObjectStorage.start();
    saved = { ...process.env };
    Object.assign(process.env, storage.env);
  });
  after(async () => {
    process.env = saved;
    await storage.close();
    await sim.close();
  });
  beforeEach(() => sim.resetStats());

  for (const bad of BAD_INPUTS) {
    it(bad.name, async () => {
      tally.badInputs.run += 1;
      const message = bad.message?.(storage) ?? {};
      const result = await run(bad.handler, message.body ?? bad.body, cfg(bad.cfg), undefined, undefined, message.attachments);
      expect(result.thrown, 'an error').to.be.instanceOf(Error);
      if (typeof bad.error === 'string') expect(result.thrown?.message).to.equal(bad.error);
      else expect(result.thrown?.message).to.match(bad.error);
      expect(result.data, 'nothing emitted').to.deep.equal([]);
      expect(sim.stats.requests, 'requests sent').to.equal(0);
      assertNoSecrets(sim, [result]);
      tally.badInputs.rejectedWithoutRequest += 1;
    });
  }

  it('has at least 30 cases across the four triggers and the nine actions, every Lookup filter case on the trigger too', () => {
    expect(BAD_INPUTS.length).to.be.at.least(30);
    expect(new Set(BAD_INPUTS.map((bad) => bad.handler)).size).to.equal(13);
    expect(BAD_INPUTS.filter((bad) => bad.name.startsWith('trigger filters: ')).length).to.be.at.least(10);
  });
});
