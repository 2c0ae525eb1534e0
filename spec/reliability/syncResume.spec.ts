/**
 * A sync killed part-way, then run again on the same input: the second run writes only what still differs. The first
 * run is the real runner in a child process, killed (SIGKILL, no goodbye) after a seeded random number of writes;
 * the simulator answers slowly enough for the kill to land mid-batch.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import * as syncRecords from '../../lib/actions/syncRecords';
import { SyncSummary } from '../../lib/runtime/sync/outcomes';
import { Simulator, WireObject } from '../../simulator';
import { Prng } from '../../simulator/prng';
import { ROOT, tempDir, writeJson } from '../cli/helpers';
import { run, simulatorWith } from '../helpers/component';

const RECORDS = 240;
const DIFFERING = 120;
const SEEDS = ['resume-1', 'resume-2', 'resume-3'];

const puts = (sim: Simulator): number => sim.stats.log.filter((entry) => entry.method === 'PUT' && entry.path.startsWith('/API/')).length;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('Sync records killed part-way, then run again', function () {
  this.timeout(60_000);

  for (const seed of SEEDS) {
    it(`seed ${seed}: the re-run writes exactly the records the killed run had not, and the final state is the input's`, async () => {
      const { sim, cfg } = await simulatorWith({ items: RECORDS, archivedItems: 0, revokeRotatedRefreshTokens: false, latencyMs: 10 });
      const { dir, cleanup } = tempDir();
      try {
        const killAfter = new Prng(seed).int(5, DIFFERING - 5);
        // Every other Item gets a new description; the rest are sent as they are.
        const target = (id: number): string => (id % 2 === 0 ? `Resumed ${id}` : String((sim.store.get('Item', id) as WireObject).description));
        const records = Array.from({ length: RECORDS }, (_, index) => ({ customSku: sim.store.get('Item', index + 1)?.customSku, description: target(index + 1) }));
        const applied = (): number => sim.store.list('Item').filter((row) => Number(row.itemID) % 2 === 0 && row.description === target(Number(row.itemID))).length;
        writeJson(dir, 'credential.json', sim.credentials);
        writeJson(dir, 'cfg.json', { objectType: 'Item', matchField: 'customSku' });
        writeJson(dir, 'msg.json', { records });

        const child = spawn(process.execPath, [join(ROOT, 'bin/lightspeed-retail.js'), 'run', 'syncRecords', '--credential', 'credential.json', '--cfg', 'cfg.json', '--msg', 'msg.json'],
          { cwd: dir, stdio: 'ignore' });
        const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
        while (puts(sim) < killAfter && child.exitCode === null) await sleep(2);
        child.kill('SIGKILL');
        expect(await exited, 'killed, not finished').to.equal(null);
        await sleep(100); // a request in flight is applied or not; either way it is settled now
        const writtenBefore = applied();
        expect(writtenBefore, 'the kill landed mid-batch').to.be.within(killAfter, DIFFERING - 1);
        expect(puts(sim), 'every PUT the killed run sent was applied').to.equal(writtenBefore);
        sim.resetStats();

        const again = await run(syncRecords, { records }, cfg({ objectType: 'Item', matchField: 'customSku' }));
        const summary = again.data[0] as SyncSummary;
        expect(again.thrown).to.equal(undefined);
        expect({ ...summary, results: undefined, drips: undefined }).to.deep.include({ created: 0, updated: DIFFERING - writtenBefore, unchanged: RECORDS - DIFFERING + writtenBefore, skipped: 0, failed: 0 });
        expect(puts(sim), 'writes of the re-run').to.equal(DIFFERING - writtenBefore);
        expect(applied(), 'every differing record written, once').to.equal(DIFFERING);
      } finally {
        cleanup();
        await sim.close();
      }
    });
  }
});
