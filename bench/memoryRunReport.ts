/** What the memory child process (memoryRun.ts) is told and what it prints. */

/** Environment variable holding the simulator's credential as JSON. */
export const SIMULATOR_ENV = 'BENCH_SIMULATOR';

export interface MemoryRunReport {
  items: number;
  emitted: number;
  ms: number;
  /** process.resourceUsage().maxRSS: peak resident set of the child, in kilobytes. */
  maxRssKb: number;
  heapUsedKb: number;
}
