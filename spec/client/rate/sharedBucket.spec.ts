import { expect } from 'chai';
import { ModelOutcome, ModelSetup, runSharedBucketModel } from '../../helpers/sharedBucketModel';

const DEFAULT_BUCKET = { bucketSize: 90, dripRate: 1, latencyMs: 150 };

/** Accepted requests per second of the processes together, against the drip the foreign consumer left. */
function efficiency(outcome: ModelOutcome, dripRate: number): number {
  const seconds = Math.max(...outcome.processes.map((process) => process.finishedAt)) / 1000;
  const accepted = outcome.processes.reduce((sum, process) => sum + process.accepted, 0);
  return accepted / seconds / (dripRate - outcome.foreign.accepted / seconds);
}

/** Slowest process's accepted requests per second against the fastest's. */
function fairness(outcome: ModelOutcome): number {
  const rates = outcome.processes.map((process) => process.accepted / process.finishedAt);
  return Math.min(...rates) / Math.max(...rates);
}

describe('processes sharing one leaky bucket with no channel but its headers (virtual time)', () => {
  for (const processes of [2, 4, 8]) {
    it(`${processes} processes starting together on a full bucket, beside a consumer spending a quarter of the drip`, async () => {
      const setup: ModelSetup = { ...DEFAULT_BUCKET, processes, requests: 320 / processes, startLevel: 90, foreignShare: 0.25, seed: `k${processes}` };
      const outcome = await runSharedBucketModel(setup);
      // Their first requests go out together, before any answer has told them the bucket: one of them gets through.
      expect(outcome.processes.map((process) => process.firstRefused).filter((count) => count > 0)).to.have.length.at.most(processes - 1);
      expect(outcome.processes.map((process) => process.laterRefused), '429s after the first answer').to.deep.equal(Array(processes).fill(0));
      const refusedLater = outcome.foreign.refusedAt.filter((at) => at > 60_000);
      expect(refusedLater, 'the other integration, blind to the bucket, is not refused once the start is over').to.deep.equal([]);
      expect(fairness(outcome), 'slowest / fastest').to.be.at.least(0.8);
      expect(efficiency(outcome, 1), 'of the drip left').to.be.at.least(0.94);
    });
  }

  for (const processes of [2, 4, 8]) {
    it(`${processes} processes as above, refused as Lightspeed refuses: 429s without Retry-After`, async () => {
      const setup: ModelSetup = {
        ...DEFAULT_BUCKET, processes, requests: 320 / processes, startLevel: 90, foreignShare: 0.25, seed: `k${processes}`, retryAfterHeader: false,
      };
      const outcome = await runSharedBucketModel(setup);
      // Refused together at the start, they retry when the level allows, in ever wider spreads until they take turns.
      const atStart = outcome.processes.reduce((sum, process) => sum + process.firstRefused, 0);
      expect(atStart, '429s before a first answer').to.be.at.most(4 * processes);
      expect(outcome.processes.map((process) => process.laterRefused), '429s after the first answer').to.deep.equal(Array(processes).fill(0));
      expect(fairness(outcome), 'slowest / fastest').to.be.at.least(0.8);
      expect(efficiency(outcome, 1), 'of the drip left').to.be.at.least(0.94);
    });
  }

  it('one process beside an integration spending half the drip takes the other half, leaving the top of the bucket free', async () => {
    const outcome = await runSharedBucketModel({ ...DEFAULT_BUCKET, processes: 1, requests: 300, startLevel: 0, foreignShare: 0.5, seed: 'half' });
    expect(outcome.processes[0].firstRefused + outcome.processes[0].laterRefused).to.equal(0);
    expect(outcome.foreign.refusedAt).to.deep.equal([]);
    // From an empty bucket: the burst is spent first, then half the drip. 300 requests: (300 - room) / 0.5 s at best.
    const seconds = outcome.processes[0].finishedAt / 1000;
    expect(seconds).to.be.within((300 - 89) / 0.5, ((300 - 89) / 0.5) * 1.06);
  });
});
