/** Local Lightspeed Retail (R-Series) API v3 simulator: start one in-process with startSimulator(). */
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadEntities } from './catalog';
import { SimulatorCore } from './core';
import { OAuthState, opaqueToken } from './oauth';
import { SimulatorOptions, resolveOptions } from './options';

export { defaultOptions } from './options';
import { Prng } from './prng';
import { SignedTap, signTap, tapContext } from './menuButton';
import { loadCostTable } from './protocol';
import { BurstLimiter, LeakyBucket } from './rateLimiter';
import { Relations } from './relations';
import { Router } from './routes';
import { seedStore } from './seed';
import { createRequestListener } from './server';
import { SimulatorStats, emptyStats, resetStats } from './stats';
import { Store } from './store';
import { WireObject } from './types';

export type { SimulatorOptions, ScheduledFailure, CountedFault, SlowResponsesFault, HeavyPageFault, HeavyPageAnswer, EmptyListShape, RequestMatch } from './options';
export type { SimulatorStats, RequestLogEntry, BucketSample, FaultCounters } from './stats';
export type { TokenCounters } from './oauth';
export type { WireObject, WireValue, SimEntity } from './types';
export { Store } from './store';
export type { SignedTap, TapRequest } from './menuButton';
export { RETURN_URL, TAP_LIFETIME_SECONDS } from './menuButton';

/** What the component needs to talk to the simulator (same shape as the component's credential). */
export interface SimulatorCredentials {
  environmentUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  accountId: string;
}

/** A running simulator. */
export interface Simulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  credentials: SimulatorCredentials;
  stats: SimulatorStats;
  store: Store;
  /** Live options: faults and rate limits may be changed between requests. */
  options: SimulatorOptions;
  setOptions(partial: Partial<SimulatorOptions>): void;
  /** Bumps records' timeStamp to now (strictly after every seeded timestamp), as a user edit would. */
  touch(entity: string, ids: number[]): WireObject[];
  /** Changes records with a timeStamp `behindMs` before the newest one: a change that became visible late. */
  touchLate(entity: string, ids: number[], behindMs: number): WireObject[];
  /** Makes every access token issued so far answer 401 "Token has expired". */
  expireAccessTokens(): void;
  /** The refresh token of another authorization of the same API client, as a second integration or flow holds. */
  grantRefreshToken(): string;
  resetStats(): void;
  /** Empties the rate-limit buckets and burst windows. */
  resetRateLimits(): void;
  /**
   * A tap on a custom menu button that opens `buttonUrl`, on `screen` (sale, refund, layaway, workorder) of the sale
   * or workorder `id`, signed with the simulator's current key; `params` adds or replaces parameters before signing.
   */
  signButtonTap(buttonUrl: string, screen: string, id: number, extra?: { params?: Record<string, string>; exp?: number; kid?: string }): SignedTap;
  /** Lightspeed rotates its key: the key set gains a second key, and taps are signed with it from now on. */
  rotateButtonKey(): void;
  close(): Promise<void>;
}

/** Seeds a store and starts the HTTP server (port 0 picks a free port). */
export async function startSimulator(partial: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  const options = resolveOptions(partial);
  const entities = loadEntities({ catalogPath: options.catalogPath, entitiesPath: options.entitiesPath });
  const store = new Store(entities, () => options.now());
  seedStore(store, options);
  const stats = emptyStats();
  const oauth = new OAuthState(() => stats.tokens);
  oauth.addRefreshToken(options.refreshToken, options.clientId, options.grantedScope);
  const core: SimulatorCore = {
    options, store, stats, oauth,
    relations: new Relations(store),
    router: new Router(entities),
    bucket: new LeakyBucket(),
    burst: new BurstLimiter(),
    costs: loadCostTable(),
    faultRng: new Prng(`${options.seed}:faults`),
    images: new Map(),
    baseUrl: '',
  };
  const server = createServer(createRequestListener(core));
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // A wildcard bind is reached through loopback; IPv6 literals need brackets in URLs.
  const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  core.baseUrl = url;
  const sweeper = setInterval(() => oauth.sweep(options.now()), 60_000);
  sweeper.unref();

  return {
    url,
    credentials: {
      environmentUrl: url,
      tokenUrl: `${url}/auth/oauth/token`,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      refreshToken: options.refreshToken,
      accountId: options.accountId,
    },
    stats,
    store,
    options,
    setOptions: (next) => {
      Object.assign(options, next);
    },
    touch: (entity, ids) => store.touch(entity, ids),
    touchLate: (entity, ids, behindMs) => store.touchLate(entity, ids, behindMs),
    expireAccessTokens: () => {
      oauth.expireAll();
    },
    grantRefreshToken: () => {
      const token = opaqueToken('sim-rt-');
      oauth.addRefreshToken(token, options.clientId, options.grantedScope);
      return token;
    },
    resetStats: () => resetStats(stats),
    signButtonTap: (buttonUrl, screen, id, extra = {}) => signTap({
      buttonUrl, params: { ...tapContext(store, options, screen, id), ...extra.params }, exp: extra.exp, kid: extra.kid,
    }, options),
    rotateButtonKey: () => {
      options.menuButtonKeyRotated = true;
    },
    resetRateLimits: () => {
      core.bucket.reset();
      core.burst.reset();
    },
    close: () => new Promise<void>((resolve, reject) => {
      clearInterval(sweeper);
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    }),
  };
}
