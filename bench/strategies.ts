/** Client strategies compared side by side: ours (the defaults) and what an older integration would do. */
import { ClientSettings, DEFAULT_CLIENT_SETTINGS } from '../lib/client/settings';

export interface Strategy {
  name: string;
  /** One line for the table and the results. */
  description: string;
  /** Client settings for `setClientOverrides({ settings })`; empty: the component's defaults. */
  settings: Partial<ClientSettings>;
  /** Trigger fields that differ from the scenario's base step config. */
  stepFields?: Record<string, unknown>;
}

export const OURS: Strategy = {
  name: 'ours',
  description: 'defaults: pace from X-LS-API-* headers; halve limit on 504, grow back after successes',
  settings: {},
};

/** No pacing at all: send at once, wait out each 429 (Retry-After) and retry. */
export const RETRY_ON_429_ONLY: Strategy = {
  name: 'retry on 429 only',
  description: 'no pacing (paceFromHeaders: false); wait Retry-After and retry on 429',
  settings: { pacer: { ...DEFAULT_CLIENT_SETTINGS.pacer, paceFromHeaders: false } },
};

/** The older component's advice: halve the page size when 429s (or 504s) come back, and leave it there. */
export const HALVE_ON_429_NEVER_GROW: Strategy = {
  name: 'halve on 429, never grow back',
  description: 'no pacing; halve limit on 429 and 504, never grow back (the older component\'s advice)',
  settings: {
    pacer: { ...DEFAULT_CLIENT_SETTINGS.pacer, paceFromHeaders: false },
    pageSize: { max: 100, growAfter: Infinity, shrinkOn: [429, 504], shrinkOnTimeout: false },
  },
};

export const HALVE_ON_504_NEVER_GROW: Strategy = {
  name: 'halve, never grow back',
  description: 'halve limit on 504, never grow back (pageSize.growAfter: Infinity)',
  settings: { pageSize: { ...DEFAULT_CLIENT_SETTINGS.pageSize, growAfter: Infinity } },
};

export const IDEAL_PAGE_SIZE_25: Strategy = {
  name: 'ideal (pageSize 25)',
  description: 'trigger cfg pageSize 25: the largest page that never 504s, known in advance',
  settings: {},
  stepFields: { pageSize: 25 },
};
