/** What the shared-bucket scenario tells each child process (sharedBucketRun.ts) and what the child reports back. */
import { StepConfig } from '../lib/runtime/context';
import { TimeScale } from './scaledClock';

/** Environment variable holding a child's SharedBucketSetup as JSON. */
export const SHARED_BUCKET_ENV = 'BENCH_SHARED_BUCKET';

export interface SharedBucketSetup {
  /** The trigger's cfg: the simulator's credential with this process's own refresh token, Item, its slice. */
  step: StepConfig;
  time: TimeScale;
}

/** Child -> parent over IPC. */
export type ChildMessage =
  | { type: 'ready' }
  | { type: 'report'; report: ChildReport };

/** Parent -> child over IPC: start polling now. */
export interface GoMessage {
  type: 'go';
}

export interface ChildReport {
  /** itemID of every record emitted, in emission order. */
  ids: number[];
  /** Simulated epoch ms when the poll ended. */
  finishedAt: number;
  /** Lightspeed's answers to this process's API requests, by status. */
  statuses: Record<string, number>;
  /** Of the 429s, those before its first accepted request. */
  rateLimitedAtStart: number;
  /** The run's error message, when it failed. */
  error?: string;
}
