/** Seeds Items with Prices and ItemShops, including the run of Items sharing one timeStamp. */
import { SimulatorOptions } from './options';
import { Prng } from './prng';
import { COLORS, ITEM_ADJECTIVES, ITEM_NOUNS } from './seedData';
import { StampAt } from './seedReference';
import { Store } from './store';
import { formatTimestamp, parseInstant } from './time';

/** True when itemID is inside the configured tie group. */
export function inTieGroup(options: SimulatorOptions, itemID: number): boolean {
  return itemID >= options.tieGroupStart && itemID < options.tieGroupStart + options.tieGroupSize;
}

/** Seeds `options.items` Items; each gets one ItemShop per shop plus the shopID 0 summary. */
export function seedItems(store: Store, options: SimulatorOptions, at: StampAt): void {
  const rng = new Prng(`${options.seed}:items`);
  const firstArchived = options.items - options.archivedItems + 1;
  let itemShopID = 0;
  for (let id = 1; id <= options.items; id++) {
    // The tie group shares the timestamp of its first member; everything else increases with the id.
    const stamp = at(inTieGroup(options, id) ? options.tieGroupStart : id);
    const created = formatTimestamp((parseInstant(stamp) ?? 0) - rng.int(0, 365) * 86_400_000);
    const cost = Number(rng.money(2, 150));
    const price = (cost * (1.4 + rng.next())).toFixed(2);
    const noun = rng.pick(ITEM_NOUNS);
    // Shared string instances keep 100k-item stores small.
    const idText = String(id);
    const costText = cost.toFixed(2);
    store.seed('Item', {
      itemID: idText,
      systemSku: String(210000000000 + id),
      defaultCost: costText,
      avgCost: costText,
      discountable: 'true',
      tax: 'true',
      archived: id >= firstArchived ? 'true' : 'false',
      itemType: 'default',
      serialized: 'false',
      description: `${rng.pick(ITEM_ADJECTIVES)} ${noun} - ${rng.pick(COLORS)}`,
      modelYear: String(2018 + (id % 7)),
      upc: String(400000000000 + id),
      ean: String(2000000000000 + id),
      customSku: `SKU-${String(id).padStart(6, '0')}`,
      manufacturerSku: `MS-${rng.int(10000, 99999)}`,
      createTime: created,
      timeStamp: stamp,
      publishToEcom: id % 3 === 0 ? 'true' : 'false',
      categoryID: id % 10 === 0 || options.categories === 0 ? '0' : String(((id - 1) % options.categories) + 1),
      taxClassID: '1',
      departmentID: '0',
      itemMatrixID: '0',
      manufacturerID: options.manufacturers ? String(((id - 1) % options.manufacturers) + 1) : '0',
      seasonID: '0',
      defaultVendorID: options.vendors ? String(((id - 1) % options.vendors) + 1) : '0',
      Prices: {
        ItemPrice: [
          { amount: price, useTypeID: '1', useType: 'Default' },
          { amount: (Number(price) * 1.1).toFixed(2), useTypeID: '2', useType: 'MSRP' },
          { amount: price, useTypeID: '3', useType: 'Online' },
        ],
      },
    });
    let total = 0;
    const perShop: number[] = [];
    for (let shop = 1; shop <= options.shops; shop++) {
      const qoh = rng.int(0, 40);
      perShop.push(qoh);
      total += qoh;
    }
    for (let shop = 0; shop <= options.shops; shop++) {
      const qoh = shop === 0 ? total : perShop[shop - 1];
      const qohText = String(qoh);
      const value = (qoh * cost).toFixed(2);
      store.seed('ItemShop', {
        itemShopID: String(++itemShopID),
        qoh: qohText,
        sellable: qohText,
        reorderPoint: shop === 0 ? '0' : '5',
        reorderLevel: shop === 0 ? '0' : '10',
        timeStamp: stamp,
        itemID: idText,
        shopID: String(shop),
        averageCost: costText,
        totalValueFifo: value,
        totalValueAvgCost: value,
      });
    }
  }
}
