import { expect } from 'chai';
import * as lookup from '../../lib/actions/lookupObjectById';
import * as trigger from '../../lib/triggers/pollingEntity';
import { Simulator } from '../../simulator';
import { run, simulatorWith } from '../helpers/component';
import { assertNoSecrets, emittedIds, expectedItemIds, survives } from './harness';

describe('reliability: load on one credential', () => {
  let sim: Simulator;
  afterEach(() => sim.close());

  it('50 concurrent actions and a poll at once: one refresh, no 429 storm, every call ends well', () => survives(async () => {
    // A tight bucket (40 drips, 20 per second): the 60-odd requests cannot all go at once.
    let cfg: Awaited<ReturnType<typeof simulatorWith>>['cfg'];
    ({ sim, cfg } = await simulatorWith({ items: 500, rateLimit: true, bucketSize: 40, dripRate: 20 }));
    const lookups = Array.from({ length: 50 }, (_, i) => run(lookup, { id: i + 1 }, cfg({ objectType: 'Item' })));
    const poll = run(trigger, {}, cfg({ objectType: 'Item' }));
    const results = await Promise.all([...lookups, poll]);

    expect(results.filter((result) => result.thrown).map((result) => result.thrown?.message)).to.deep.equal([]);
    expect(results.slice(0, 50).map((result) => (result.data[0] as { itemID: number }).itemID))
      .to.deep.equal(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(emittedIds([results[50]])).to.deep.equal(expectedItemIds(sim));
    expect(sim.stats.tokens.refreshes).to.equal(1);
    expect(results.flatMap((result) => result.updateKeys), 'one persisted copy per rotation').to.have.length(1);
    expect(sim.stats.rateLimited).to.equal(0);
    assertNoSecrets(sim, results);
  }));
});
