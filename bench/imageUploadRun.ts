/**
 * Child process of scenario 7: one Upload Image from a URL into the simulator, which runs in the parent (its credential
 * in BENCH_SIMULATOR, the picture's URL and the Item in BENCH_IMAGE), so only the component's memory is measured.
 * Usage: BENCH_SIMULATOR='{...}' BENCH_IMAGE='{"url":...,"itemID":1}' node dist/bench/imageUploadRun.js
 * Prints one JSON line: {bytes, ms, maxRssKb}.
 */
import * as uploadImage from '../lib/actions/uploadImage';
import { StepConfig } from '../lib/runtime/context';
import { IMAGE_ENV, SIMULATOR_ENV } from './memoryRunReport';
import { noopContext } from './noopContext';

function fromEnv<T>(name: string): T {
  const raw = process.env[name];
  if (!raw) throw new Error(`${name} must be set (JSON)`);
  return JSON.parse(raw) as T;
}

async function main(): Promise<void> {
  const credential = fromEnv<StepConfig>(SIMULATOR_ENV);
  const image = fromEnv<{ url: string; itemID: number }>(IMAGE_ENV);
  let size = 0;
  const context = noopContext((message) => { size = Number((message.body as { size?: unknown }).size); });
  const started = performance.now();
  await uploadImage.process.call(context, { body: { itemID: image.itemID, imageUrl: image.url } }, { ...credential, objectType: 'Item' });
  if (context.counts.data !== 1) throw new Error('the upload emitted no Image record');
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`${JSON.stringify({ bytes: size, ms, maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
