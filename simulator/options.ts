/** Simulator options, their defaults, and the fault descriptions tests can set between requests. */
import { createHash } from 'node:crypto';
import type { ContactEmailSearch } from './contactSearch';

/** Which requests a fault applies to; without `path` only API requests (/API/...) match. */
export interface RequestMatch {
  method?: string;
  /** Substring of the path with query, or a RegExp tested against it. */
  path?: string | RegExp;
}

/** A failure answered instead of the next `count` matching requests (consumed in list order). */
export interface ScheduledFailure {
  status: 500 | 502 | 503 | 504 | 429 | number;
  count: number;
  match?: RequestMatch;
  /** 502/504 default to an HTML gateway page, other statuses to the JSON envelope. */
  body?: 'envelope' | 'html';
  /** Retry-After seconds sent with a scheduled 429 (default 1). */
  retryAfter?: number;
}

/** A fault that fires for the next `count` matching requests. */
export interface CountedFault {
  count: number;
  match?: RequestMatch;
}

/** Delays the next `count` matching responses by `delayMs`. */
export interface SlowResponsesFault extends CountedFault {
  delayMs: number;
}

/** How a heavy page fails: Lightspeed's gateway, Cloudflare in front of it, or nothing at all for a long time. */
export type HeavyPageAnswer = 504 | 500 | 520 | 522 | 524 | 'stall';

/** Fails pages where records-in-page x (weightPerRecord + relations x weightPerRelation) > threshold. */
export interface HeavyPageFault {
  threshold: number;
  weightPerRecord: number;
  weightPerRelation?: number;
  /**
   * 504 (default) from Lightspeed's gateway; 524, 520 or 522 with Cloudflare's HTML page; 500 in the error envelope;
   * `stall`: no answer for `delayMs` (default 100 s, Cloudflare's limit), then Cloudflare's 524.
   */
  answer?: HeavyPageAnswer;
  /** Body of a 504: the JSON envelope (default) or a gateway's HTML page. */
  body?: 'envelope' | 'html';
  /** Extra time before the failure is answered: a real gateway gives up only after its own timeout. */
  delayMs?: number;
}

/** How a query without records is answered: Lightspeed does not document it, clients have seen each of these. */
export type EmptyListShape = 'attributes' | 'count' | 'object' | 'empty';

/** Everything a simulator instance can be configured with (all live: read on every request). */
export interface SimulatorOptions {
  port: number;
  host: string;
  /** Seed of the deterministic data generator. */
  seed: string;
  items: number;
  customers: number;
  categories: number;
  vendors: number;
  manufacturers: number;
  employees: number;
  shops: number;
  sales: number;
  /** First itemID of the run of Items sharing one timeStamp, and its length. */
  tieGroupStart: number;
  tieGroupSize: number;
  /** The last N Items / Customers are archived. */
  archivedItems: number;
  archivedCustomers: number;
  /** Timestamp of record 0; record i of a table is stamped i minutes later. */
  seedBaseTime: string;
  accountId: string;
  accountName: string;
  clientId: string;
  clientSecret: string;
  /** Initial refresh token; empty = derived from seed and clientId (stable across runs). */
  refreshToken: string;
  tokenLifetimeSeconds: number;
  authorizationCodeLifetimeSeconds: number;
  /** Retire a refresh token once the access token issued by refreshing it is first used. */
  revokeRotatedRefreshTokens: boolean;
  /** Lightspeed's 2024 rule: a refresh revokes at once the access token issued with the refresh token it spends. */
  revokeAccessTokenOnRefresh: boolean;
  /** Answer a `scope` parameter on a refresh with 400 invalid_grant, as other clients have seen. */
  rejectScopeOnRefresh: boolean;
  /** Scope of the initial refresh token (codes carry the scope they were authorized with). */
  grantedScope: string;
  /** `><` (between) on a datetime field: Lightspeed documents it only with numbers; `reject` answers 400. */
  datetimeBetween: 'accept' | 'reject';
  /** The answer to a query without records: `{"@attributes": {next, previous}}` (default), `count` 0, `{}`, or an empty body. */
  emptyList: EmptyListShape;
  rateLimit: boolean;
  bucketSize: number;
  /** Drips per second. */
  dripRate: number;
  costModel: 'current' | 'legacy';
  /** Requests per fixed 1-second window; null disables the burst limiter. */
  burstLimit: number | null;
  retryAfterHeader: boolean;
  heavyPage: HeavyPageFault | null;
  failures: ScheduledFailure[];
  /** Probability (0..1) that an API request fails with one of failureStatuses (seeded). */
  failureRate: number;
  failureStatuses: number[];
  latencyMs: number;
  dropConnections: CountedFault | null;
  slowResponses: SlowResponsesFault | null;
  malformedBody: CountedFault | null;
  /** How `Customer.json?Contact.email=...` is answered (see contactSearch.ts). */
  contactEmailSearch: ContactEmailSearch;
  /** Custom menu buttons: false, the key set holds the first key and taps are signed with it; true, it holds both and taps use the second (menuButton.ts). */
  menuButtonKeyRotated: boolean;
  /** Clock in epoch ms; inject a fake one to test bucket and token arithmetic. */
  now: () => number;
  /** Bound of the request log and of the bucket-level samples. */
  logLimit: number;
  sampleLimit: number;
  catalogPath?: string;
  entitiesPath?: string;
}

/** The defaults (the documented 90-drip bucket leaking 1 drip per second). */
export function defaultOptions(): SimulatorOptions {
  return {
    port: 0,
    host: '127.0.0.1',
    seed: 'demo',
    items: 250,
    customers: 50,
    categories: 12,
    vendors: 8,
    manufacturers: 10,
    employees: 5,
    shops: 2,
    sales: 40,
    tieGroupStart: 81,
    tieGroupSize: 40,
    archivedItems: 5,
    archivedCustomers: 2,
    seedBaseTime: '2024-01-01T00:00:00+00:00',
    accountId: '123456',
    accountName: 'Simulated Retail Store',
    clientId: 'simulator-client-id',
    clientSecret: 'simulator-client-secret',
    refreshToken: '',
    tokenLifetimeSeconds: 3600,
    authorizationCodeLifetimeSeconds: 60,
    revokeRotatedRefreshTokens: true,
    revokeAccessTokenOnRefresh: true,
    rejectScopeOnRefresh: false,
    grantedScope: 'employee:all',
    datetimeBetween: 'accept',
    emptyList: 'attributes',
    rateLimit: true,
    bucketSize: 90,
    dripRate: 1,
    costModel: 'current',
    burstLimit: null,
    retryAfterHeader: true,
    heavyPage: null,
    failures: [],
    failureRate: 0,
    failureStatuses: [500, 502, 503],
    latencyMs: 0,
    dropConnections: null,
    slowResponses: null,
    malformedBody: null,
    contactEmailSearch: 'match',
    menuButtonKeyRotated: false,
    now: () => Date.now(),
    logLimit: 10_000,
    sampleLimit: 10_000,
  };
}

/** Merges caller options over the defaults and derives the initial refresh token. */
export function resolveOptions(partial: Partial<SimulatorOptions> = {}): SimulatorOptions {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  const options: SimulatorOptions = { ...defaultOptions(), ...defined };
  options.failures = [...options.failures];
  if (!options.refreshToken) options.refreshToken = initialRefreshToken(options.seed, options.clientId);
  return options;
}

/** Deterministic initial refresh token, so `--seed demo` prints the same credential every run. */
export function initialRefreshToken(seed: string, clientId: string): string {
  return `sim-rt-${createHash('sha256').update(`${seed}|${clientId}`).digest('hex').slice(0, 48)}`;
}
