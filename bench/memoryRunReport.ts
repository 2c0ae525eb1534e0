/** What the memory child process (memoryRun.ts) is told and what it prints. */

/** Environment variable holding the simulator's credential as JSON. */
export const SIMULATOR_ENV = 'BENCH_SIMULATOR';

/** Environment variable holding `{url, itemID}` of the image upload child (imageUploadRun.ts). */
export const IMAGE_ENV = 'BENCH_IMAGE';

export interface MemoryRunReport {
  items: number;
  emitted: number;
  ms: number;
  /** process.resourceUsage().maxRSS: peak resident set of the child, in kilobytes. */
  maxRssKb: number;
  heapUsedKb: number;
}
