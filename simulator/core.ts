/** The state one simulator instance shares between its modules. */
import { LeakyBucket, BurstLimiter } from './rateLimiter';
import { CostTable } from './protocol';
import { OAuthState } from './oauth';
import { SimulatorOptions } from './options';
import { Prng } from './prng';
import { Relations } from './relations';
import { Router } from './routes';
import { SimulatorStats } from './stats';
import { Store } from './store';
import type { StoredImage } from './types';

/** Everything the request pipeline works with. */
export interface SimulatorCore {
  options: SimulatorOptions;
  store: Store;
  relations: Relations;
  router: Router;
  oauth: OAuthState;
  bucket: LeakyBucket;
  burst: BurstLimiter;
  costs: CostTable;
  stats: SimulatorStats;
  /** Seeded source of random failures. */
  faultRng: Prng;
  /** Uploaded pictures by publicID. */
  images: Map<string, StoredImage>;
  /** `http://127.0.0.1:PORT`, known once listening. */
  baseUrl: string;
}
