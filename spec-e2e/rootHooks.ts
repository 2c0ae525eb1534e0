/**
 * Mocha root hooks (loaded with --require): whatever happens, the suite ends every process it started,
 * by PID, and closes its servers. Logs of a failed run are kept in the run directory.
 */
import { closeAllOwned } from './harness/ownedResources';
import { removeRunDirectory, runDirectory } from './harness/runDirectory';
import { stopSharedBroker } from './harness/sharedBroker';
import { stillRunning, terminateAllStartedSync } from './harness/processes';

let signalled = false;

process.on('exit', (code) => {
  terminateAllStartedSync();
  if (code === 0 && !signalled) removeRunDirectory();
  else console.error(`e2e logs kept in ${runDirectory()}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    signalled = true;
    terminateAllStartedSync();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

export const mochaHooks = {
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(90_000);
    await closeAllOwned();
    await stopSharedBroker();
    for (const leftover of stillRunning()) {
      console.error(`stopping leftover ${leftover.label} (PID ${leftover.pid})`);
    }
    terminateAllStartedSync();
  },
};
