/** Rate control: pacing by the account's leaky bucket shared with other processes, and the adaptive page size. What the rest of the client may use. */
export { PacerSettings, RateLimitPacer } from './pacing';
export { AdaptivePageSize, DEFAULT_PAGE_SIZE_SETTINGS, PageSizeSettings, signalsHeavyPage } from './pageSize';
