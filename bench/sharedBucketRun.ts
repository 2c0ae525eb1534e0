/**
 * Child process of the shared-bucket scenario: one flow's step, polling its own slice of Items with its own
 * authorization of the account's API client, on the scenario's scaled time. Reads SharedBucketSetup from
 * BENCH_SHARED_BUCKET, says `ready` over IPC, polls on `go`, then sends its ChildReport and exits.
 */
import { setClientOverrides } from '../lib/runtime/session';
import { CountingTransport } from './countingTransport';
import { pollEverything } from './pollRun';
import { scaledClock } from './scaledClock';
import { ChildMessage, ChildReport, GoMessage, SHARED_BUCKET_ENV, SharedBucketSetup } from './sharedBucketMessages';

function setup(): SharedBucketSetup {
  const raw = process.env[SHARED_BUCKET_ENV];
  if (!raw || !process.send) throw new Error(`run under the shared-bucket scenario (IPC and ${SHARED_BUCKET_ENV} needed)`);
  return JSON.parse(raw) as SharedBucketSetup;
}

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => process.send?.(message, undefined, {}, (error) => (error ? reject(error) : resolve())));
}

function go(): Promise<void> {
  return new Promise((resolve) => process.on('message', (message: GoMessage) => { if (message.type === 'go') resolve(); }));
}

async function main(): Promise<void> {
  const { step, time } = setup();
  const clock = scaledClock(time);
  const transport = new CountingTransport();
  setClientOverrides({ clock, transport });
  const started = go();
  await send({ type: 'ready' });
  await started;
  const ids: number[] = [];
  let error: string | undefined;
  try {
    await pollEverything(step, (message) => ids.push(Number((message.body as { itemID: unknown }).itemID)));
  } catch (thrown) {
    error = thrown instanceof Error ? thrown.message : String(thrown);
  }
  const report: ChildReport = {
    ids, finishedAt: clock.now(), statuses: transport.statuses, rateLimitedAtStart: transport.rateLimitedAtStart, error,
  };
  await send({ type: 'report', report });
  process.disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
