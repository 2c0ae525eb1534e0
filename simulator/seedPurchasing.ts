/** Seeds the records behind matrices and purchasing: ItemAttributeSets, one ItemMatrix, an Order and a SpecialOrder. */
import { StampAt } from './seedReference';
import { Store } from './store';

/** The attribute sets every account starts with. */
const ATTRIBUTE_SETS: Array<[string, string, string]> = [['Color/Size', 'Color', 'Size'], ['Size', '', 'Size'], ['Color', 'Color', '']];

/**
 * ItemAttributeSets 1..3; ItemMatrix 1 ("Color/Size") holding Items 2 and 3, its lists of values stored as real
 * accounts send them: one colour bare, two sizes an array, no third attribute "".
 */
export function seedMatrices(store: Store, at: StampAt): void {
  ATTRIBUTE_SETS.forEach(([name, attributeName1, attributeName2], i) => store.seed('ItemAttributeSet', {
    itemAttributeSetID: String(i + 1), name, attributeName1, attributeName2, attributeName3: '',
  }));
  const members = [2, 3].map((id) => store.get('Item', id)).filter((item) => item !== undefined);
  if (members.length === 0) return;
  const first = members[0];
  store.seed('ItemMatrix', {
    itemMatrixID: '1', description: 'Linen Shirt', tax: 'true', defaultCost: String(first.defaultCost), itemType: 'default',
    modelYear: '0', archived: 'false', timeStamp: at(1), itemAttributeSetID: '1', categoryID: String(first.categoryID),
    taxClassID: '1', manufacturerID: String(first.manufacturerID), defaultVendorID: String(first.defaultVendorID), Prices: first.Prices,
    attribute1Values: 'Natural', attribute2Values: ['M', 'L'], attribute3Values: '',
  });
  for (const item of members) store.update('Item', item, { itemMatrixID: '1' }, String(item.timeStamp));
}

/** Order 1 from Vendor 1 to Shop 1 with two OrderLines; SpecialOrder 1 ties SaleLine 1 to the first line. */
export function seedOrders(store: Store, at: StampAt): void {
  const items = [1, 2].map((id) => store.get('Item', id)).filter((item) => item !== undefined);
  if (items.length === 0 || !store.get('Vendor', 1) || !store.get('Shop', 1)) return;
  store.seed('Order', {
    orderID: '1', orderedDate: at(1), receivedDate: '', arrivalDate: '', shipInstructions: '', stockInstructions: '',
    complete: 'false', archived: 'false', totalQuantity: String(items.length * 5), timeStamp: at(1), vendorID: '1', shopID: '1',
  });
  for (const item of items) {
    store.seed('OrderLine', {
      quantity: '5', price: String(item.defaultCost), originalPrice: String(item.defaultCost), checkedIn: '0', numReceived: '0',
      timeStamp: at(1), total: (Number(item.defaultCost) * 5).toFixed(2), orderID: '1', itemID: String(item.itemID),
    });
  }
  const line = store.get('SaleLine', 1);
  if (!line) return;
  store.seed('SpecialOrder', {
    specialOrderID: '1', unitQuantity: '1', contacted: 'false', completed: 'false', timeStamp: at(1),
    customerID: String(line.customerID), shopID: String(line.shopID), saleLineID: '1', orderLineID: '1', transferItemID: '0',
  });
}
