/**
 * Runs last: the suite stops what it started and proves it by PID. (On failure or interruption the root
 * hooks and exit handlers do the same stopping; this spec is the check on the normal path.)
 */
import { expect } from 'chai';
import { closeAllOwned, openResources } from '../harness/ownedResources';
import { startedProcesses, stillRunning } from '../harness/processes';
import { brokerWasStarted, stopSharedBroker } from '../harness/sharedBroker';

describe('Cleanup', function () {
  it('stops the broker, every sailor and service process, and the in-process servers it started', async function () {
    this.timeout(90_000);
    await closeAllOwned();
    await stopSharedBroker();

    const labels = startedProcesses().map((entry) => entry.label);
    expect(labels, 'processes the suite started').to.not.be.empty;
    if (brokerWasStarted()) expect(labels).to.include.members(['epmd', 'rabbitmq-server', 'rabbitmq Erlang VM']);
    expect(stillRunning(), 'processes the suite started that still run').to.deep.equal([]);
    expect(openResources(), 'servers and connections still open').to.deep.equal([]);
    const listening = process.getActiveResourcesInfo().filter((resource) => resource === 'TCPServerWrap');
    expect(listening, 'TCP servers still listening in the test process').to.deep.equal([]);
  });
});
