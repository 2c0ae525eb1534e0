/**
 * `node dist/scripts/platformCheck/main.js --credential FILE`, run by .ci/platform-build in the tree the platform's
 * build leaves (after `npm prune --production` and `rm -rf spec*`), with the credential of a simulator started as a
 * separate process: loads every function, verifies the credential through sailor, runs the trigger twice.
 */
import { readFileSync } from 'node:fs';
import { assertProductionTree, loadEveryFunction, runTrigger, TriggerRun } from './checks';
import { verifyThroughSailor } from './serviceMode';

async function main(root: string, credentialFile: string): Promise<void> {
  console.log(`== platform check on Node ${process.version} in ${root}`);
  step('production tree', assertProductionTree(root));
  step('component.json', loadEveryFunction(root));

  const credential = JSON.parse(readFileSync(credentialFile, 'utf8')) as Record<string, unknown>;
  const verified = await verifyThroughSailor(root, credential);
  if (verified.status !== 'success' || JSON.stringify(verified.data) !== '{"verified":true}') {
    throw new Error(`verifyCredentials through sailor's runService.js answered ${JSON.stringify(verified)}`);
  }
  step('verifyCredentials', 'runService.js (service mode) posted {"status":"success","data":{"verified":true}}');

  const cfg = { ...credential, objectType: 'Item', pageSize: '25' };
  const first = await runTrigger(root, 'pollingEntity', cfg, {});
  expectFirstTick(first);
  step('pollingEntity tick 1', `${first.records.length} Items in order, ${first.snapshots.length} snapshots, ${first.updateKeys.length} updateKeys (rotated token)`);

  // As on the platform: the next tick starts from the stored snapshot and the credential updateKeys stored.
  const second = await runTrigger(root, 'pollingEntity', { ...cfg, ...first.updateKeys[0] }, first.snapshots[first.snapshots.length - 1]);
  if (second.records.length !== 0) throw new Error(`tick 2 emitted ${second.records.length} records; nothing changed since tick 1`);
  step('pollingEntity tick 2', 'from the stored snapshot: nothing new, as expected');
}

function expectFirstTick(run: TriggerRun): void {
  const ids = run.records.map((record) => Number(record.itemID));
  const stamps = run.records.map((record) => Date.parse(String(record.timeStamp)));
  const problems = [
    ids.length === 0 && 'no records',
    new Set(ids).size !== ids.length && 'a record emitted twice',
    ids.some((id) => !Number.isInteger(id)) && 'a record without an integer itemID',
    stamps.some((stamp, i) => Number.isNaN(stamp) || (i > 0 && stamp < stamps[i - 1])) && 'records not in timeStamp order',
    run.snapshots.length === 0 && 'no snapshot',
    run.updateKeys.length !== 1 && `${run.updateKeys.length} updateKeys instead of 1 (the first refresh rotates the token)`,
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(`tick 1: ${problems.join('; ')}\n${run.logs.join('\n')}`);
}

function step(name: string, detail: string): void {
  console.log(`  ok  ${name}: ${detail}`);
}

function credentialArgument(argv: string[]): string {
  const at = argv.indexOf('--credential');
  const file = at >= 0 ? argv[at + 1] : undefined;
  if (!file) throw new Error('usage: node dist/scripts/platformCheck/main.js --credential FILE');
  return file;
}

main(process.cwd(), credentialArgument(process.argv.slice(2))).then(
  () => console.log('== platform check passed'),
  (error: unknown) => {
    console.error(`== platform check FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
