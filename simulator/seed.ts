/** Fills a fresh Store deterministically from the seed and the configured sizes. */
import { SimulatorOptions } from './options';
import { seedItems } from './seedItems';
import { seedMatrices, seedOrders } from './seedPurchasing';
import { seedReference, stampsFrom } from './seedReference';
import { seedCustomers, seedSales } from './seedSales';
import { seedSideRecords } from './seedSideRecords';
import { Store } from './store';
import { parseInstant } from './time';

/** Seeds every table; the other catalog entities start empty. */
export function seedStore(store: Store, options: SimulatorOptions): void {
  const base = parseInstant(options.seedBaseTime);
  if (base === null) throw new Error(`seedBaseTime is not a datetime: ${options.seedBaseTime}`);
  const at = stampsFrom(base);
  seedReference(store, options, at);
  seedItems(store, options, at);
  seedCustomers(store, options, at);
  seedSales(store, options, at);
  seedMatrices(store, at);
  seedOrders(store, at);
  seedSideRecords(store, at);
  store.finishSeeding();
}
