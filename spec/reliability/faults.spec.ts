import { expect } from 'chai';
import * as create from '../../lib/actions/createObject';
import * as remove from '../../lib/actions/deleteObjectById';
import * as lookup from '../../lib/actions/lookupObjectById';
import * as update from '../../lib/actions/updateObject';
import * as trigger from '../../lib/triggers/pollingEntity';
import { resetConnections } from '../../lib/client/connections';
import { DEFAULT_REFRESH_RETRY } from '../../lib/client/auth';
import { HandlerContext, IncomingMessage, StepConfig } from '../../lib/runtime/context';
import { setClientOverrides } from '../../lib/runtime/session';
import { Simulator, SimulatorOptions } from '../../simulator';
import { Emitted, apiRequests, nextScheduledTick, run, simulatorWith } from '../helpers/component';
import { assertNoRepeatedText, assertNoSecrets, emittedIds, expectedItemIds, pollUntilDone, survives } from './harness';
import { otherIntegration, refreshAsSibling, rotateElsewhere } from './otherIntegration';

type Output = Emitted & { thrown?: Error };

/** Client settings of the fault matrix: fast backoffs everywhere (the waits are what is tested, not their length). */
function fastClient(extra: { timeoutMs?: number } = {}): void {
  const backoff = { baseDelayMs: 5, maxDelayMs: 20 };
  setClientOverrides({ settings: { backoff, timeoutMs: extra.timeoutMs ?? 5000, refresh: { ...DEFAULT_REFRESH_RETRY, backoff } } });
}

/** 600 Items (595 active), 40 sharing one timeStamp across the first page boundary (IDs 81..120). */
const DATA_SET: Partial<SimulatorOptions> = { items: 600, tieGroupStart: 81, tieGroupSize: 40, sales: 3, customers: 5 };

/** Wraps the trigger so a test can act between emits (expire tokens, edit records, crash, a sibling's refresh). */
function triggerWith(onEmit: (event: string, count: { snapshots: number; data: number }, payload: unknown) => void | Promise<void>): Parameters<typeof run>[0] {
  return {
    process(this: HandlerContext, msg: IncomingMessage, cfg: StepConfig, snapshot?: unknown): Promise<void> {
      const count = { snapshots: 0, data: 0 };
      const emit = this.emit.bind(this);
      const context: HandlerContext = {
        logger: this.logger,
        getApiClient: this.getApiClient,
        emit: async (event: string, payload?: unknown) => {
          if (event === 'snapshot') count.snapshots += 1;
          if (event === 'data') count.data += 1;
          await onEmit(event, count, payload);
          return emit(event, payload);
        },
      };
      return trigger.process.call(context, msg, cfg, snapshot as never);
    },
  };
}

describe('reliability: fault matrix (a full poll loses nothing and repeats nothing)', () => {
  let sim: Simulator;
  let cfg: (fields?: StepConfig) => StepConfig;
  const outputs: Output[] = [];
  afterEach(async () => {
    const done = outputs.splice(0);
    assertNoSecrets(sim, done);
    assertNoRepeatedText(done);
    await sim.close();
  });

  async function start(options: Partial<SimulatorOptions> = {}): Promise<void> {
    ({ sim, cfg } = await simulatorWith({ ...DATA_SET, ...options }));
  }

  /** Polls to the end and checks the one guarantee: every record exactly once, in order. */
  async function expectCompletePoll(extra: StepConfig = {}): Promise<Output[]> {
    const runs = await pollUntilDone(cfg({ objectType: 'Item', ...extra }));
    outputs.push(...runs);
    expect(runs.at(-1)?.thrown, 'the last run succeeded').to.equal(undefined);
    expect(emittedIds(runs)).to.deep.equal(expectedItemIds(sim));
    return runs;
  }

  it('429 from the leaky bucket, with Retry-After, while another integration drained it', () => survives(async () => {
    await start({ rateLimit: true, bucketSize: 20, dripRate: 5 });
    const other = await otherIntegration(sim);
    await Promise.all(Array.from({ length: 24 }, () => other.get('Shop.json')));
    await expectCompletePoll();
    expect(sim.stats.bucketLimited).to.be.greaterThan(0);
  }));

  it('429 from the leaky bucket without Retry-After', () => survives(async () => {
    await start({ rateLimit: true, bucketSize: 20, dripRate: 5, retryAfterHeader: false });
    const other = await otherIntegration(sim);
    await Promise.all(Array.from({ length: 24 }, () => other.get('Shop.json')));
    await expectCompletePoll();
    expect(sim.stats.bucketLimited).to.be.greaterThan(0);
  }));

  it('429 from the burst limiter', () => survives(async () => {
    await start({ rateLimit: true, bucketSize: 500, dripRate: 50, burstLimit: 4 });
    const other = await otherIntegration(sim);
    const poll = expectCompletePoll({ pageSize: 25 });
    await Promise.all(Array.from({ length: 6 }, () => other.get('Shop.json')));
    await poll;
    expect(sim.stats.burstLimited).to.be.greaterThan(0);
  }));

  it('504 on heavy pages (the page size halves, then grows back)', () => survives(async () => {
    await start({ heavyPage: { threshold: 30, weightPerRecord: 1 } });
    await expectCompletePoll();
    expect(sim.stats.gatewayTimeouts).to.be.greaterThan(1);
  }));

  for (const status of [500, 502, 503]) {
    it(`${status} once`, () => survives(async () => {
      await start({ failures: [{ status, count: 1, match: { path: 'after=' } }] });
      await expectCompletePoll();
      expect(sim.stats.faults.scheduled).to.equal(1);
    }));
  }

  it('500, 502, 503 several times in a row', () => survives(async () => {
    await start({ failures: [{ status: 500, count: 1 }, { status: 502, count: 2 }, { status: 503, count: 2 }] });
    await expectCompletePoll();
    expect(sim.stats.faults.scheduled).to.equal(5);
  }));

  it('a dropped connection mid-response', () => survives(async () => {
    await start({ dropConnections: { count: 2, match: { path: 'Item.json' } } });
    await expectCompletePoll();
    expect(sim.stats.faults.dropped).to.equal(2);
  }));

  it('a response slower than the client\'s timeout', () => survives(async () => {
    await start({ slowResponses: { count: 1, delayMs: 1500, match: { path: 'after=' } } });
    setClientOverrides({ settings: { timeoutMs: 400, backoff: { baseDelayMs: 5, maxDelayMs: 20 } } });
    await expectCompletePoll();
    expect(sim.stats.faults.slow).to.equal(1);
  }));

  it('an access token that expires mid-run, and the refresh that follows', () => survives(async () => {
    await start();
    const expiring = triggerWith((event, count) => { if (event === 'snapshot' && count.snapshots === 2) sim.expireAccessTokens(); });
    const output = await run(expiring, {}, cfg({ objectType: 'Item' }));
    outputs.push(output);
    expect(output.thrown).to.equal(undefined);
    expect(emittedIds([output])).to.deep.equal(expectedItemIds(sim));
    expect(output.updateKeys).to.have.length(2);
  }));

  it('a refresh token already rotated by another process: a clear error, then nothing emitted twice', () => survives(async () => {
    await start();
    let ours = '';
    let theirs: Promise<string> | undefined;
    const expiring = triggerWith((event, count, payload) => {
      if (event === 'updateKeys') ours = (payload as { refreshToken: string }).refreshToken;
      if (event !== 'snapshot' || count.snapshots !== 2) return;
      // Another process with the same credential refreshes and uses its token: ours is dead from now on.
      theirs = rotateElsewhere(sim, ours).then((token) => { sim.expireAccessTokens(); return token; });
    });
    const first = await run(expiring, {}, cfg({ objectType: 'Item' }));
    outputs.push(first);
    expect(first.thrown?.message).to.match(/invalid_grant.*Re-authorize the Lightspeed credential/);
    resetConnections();
    const second = await run(trigger, {}, cfg({ objectType: 'Item', refreshToken: await theirs }), first.snapshots.at(-1));
    outputs.push(second);
    expect(second.thrown).to.equal(undefined);
    expect(emittedIds([first, second])).to.deep.equal(expectedItemIds(sim));
  }));

  it('a 200 with a malformed body', () => survives(async () => {
    await start({ malformedBody: { count: 1, match: { path: 'after=' } } });
    await expectCompletePoll();
    expect(sim.stats.faults.malformed).to.equal(1);
  }));

  it('a page where one record comes as an object instead of an array', () => survives(async () => {
    await start({ items: 206, archivedItems: 5 });
    const runs = await expectCompletePoll();
    expect(runs[0].snapshots).to.have.length(4); // 100 + 100 + 1 (the object) + the closing snapshot
  }));

  it('records updated while the poll runs come again in the next run, never lost', () => survives(async () => {
    await start();
    const editing = triggerWith((event, count) => { if (event === 'snapshot' && count.snapshots === 2) sim.touch('Item', [5, 150, 400]); });
    const first = await run(editing, {}, cfg({ objectType: 'Item' }));
    outputs.push(first);
    // Item 400 moved past this run's upper bound before its page came: it is the next run's.
    expect(emittedIds([first])).to.deep.equal(expectedItemIds(sim).filter((id) => id !== 400).sort((a, b) => a - b));
    await nextScheduledTick();
    const second = await run(trigger, {}, cfg({ objectType: 'Item' }), first.snapshots.at(-1));
    outputs.push(second);
    expect(emittedIds([second])).to.deep.equal([5, 150, 400]);
  }));

  it('the process killed between a page\'s records and its snapshot repeats at most that page', () => survives(async () => {
    await start();
    const crashing = triggerWith((event, count) => { if (event === 'snapshot' && count.snapshots === 3) throw new Error('killed'); });
    const first = await run(crashing, {}, cfg({ objectType: 'Item' }));
    outputs.push(first);
    expect(first.thrown?.message).to.equal('killed');
    const second = await run(trigger, {}, cfg({ objectType: 'Item' }), first.snapshots.at(-1));
    outputs.push(second);
    const all = emittedIds([first, second]);
    const repeated = all.filter((id, index) => all.indexOf(id) !== index);
    expect(repeated).to.deep.equal(emittedIds([first]).slice(200, 300)); // page 3, and only page 3
    expect([...new Set(all)]).to.deep.equal(expectedItemIds(sim));
  }));

  it('the process killed after page k\'s snapshot resumes without repeating anything', () => survives(async () => {
    await start();
    const crashing = triggerWith((event, count) => { if (event === 'data' && count.data === 301) throw new Error('killed'); });
    const first = await run(crashing, {}, cfg({ objectType: 'Item' }));
    outputs.push(first);
    const second = await run(trigger, {}, cfg({ objectType: 'Item' }), first.snapshots.at(-1));
    outputs.push(second);
    expect(emittedIds([first]).slice(0, 300).concat(emittedIds([second]))).to.deep.equal(expectedItemIds(sim));
  }));

  describe('answers Lightspeed does not document', () => {
    it('>< on a datetime answered 400: the trigger never sends it', () => survives(async () => {
      await start({ datetimeBetween: 'reject' });
      await expectCompletePoll({ startTime: '2023-12-31T00:00:00Z' });
      sim.touch('Item', [3]);
      await nextScheduledTick();
      expect(sim.stats.log.filter((entry) => entry.status === 400)).to.deep.equal([]);
    }));

    for (const shape of ['count', 'object', 'empty'] as const) {
      it(`a list without records answered as ${shape === 'empty' ? 'an empty body' : shape === 'count' ? '{"@attributes": {"count": "0"}}' : '{}'}: the next run and a lookup find nothing, without an error`, () => survives(async () => {
        await start({ emptyList: shape });
        const runs = await expectCompletePoll();
        const again = await run(trigger, {}, cfg({ objectType: 'Item' }), runs.at(-1)?.snapshots.at(-1));
        outputs.push(again);
        expect(again.thrown).to.equal(undefined);
        expect(again.data).to.deep.equal([]);
        expect(again.snapshots).to.deep.equal([runs.at(-1)?.snapshots.at(-1)]);
        const none = await run(lookup, { filters: { description: 'no such item' } }, cfg({ objectType: 'Item', allowZeroResults: true }));
        outputs.push(none);
        expect(none.thrown).to.equal(undefined);
        expect(none.data).to.deep.equal([{}]);
      }));
    }

    for (const answer of [524, 520, 522] as const) {
      it(`heavy pages answered ${answer} by Cloudflare (an HTML page): the page size halves`, () => survives(async () => {
        await start({ heavyPage: { threshold: 30, weightPerRecord: 1, answer } });
        await expectCompletePoll();
        expect(sim.stats.faults.heavyPage).to.be.greaterThan(1);
      }));
    }

    it('500 on pages that load relations: the page size halves', () => survives(async () => {
      await start({ heavyPage: { threshold: 90, weightPerRecord: 1, weightPerRelation: 1, answer: 500 } });
      await expectCompletePoll({ loadRelations: 'ItemShops, Category' });
      expect(sim.stats.faults.heavyPage).to.be.greaterThan(1);
    }));

    it('heavy pages that stall past the client\'s timeout: the page size halves', () => survives(async () => {
      await start({ heavyPage: { threshold: 30, weightPerRecord: 1, answer: 'stall', delayMs: 800 } });
      fastClient({ timeoutMs: 250 });
      await expectCompletePoll();
      expect(sim.stats.faults.heavyPage).to.be.greaterThan(1);
    }));

    it('the token endpoint answers 429 with Retry-After: the refresh waits and succeeds', () => survives(async () => {
      await start({ failures: [{ status: 429, count: 1, retryAfter: 1, match: { path: '/auth/oauth/token' } }] });
      fastClient();
      const [output] = await expectCompletePoll();
      expect(output.updateKeys).to.have.length(1);
      expect(sim.stats.faults.scheduled).to.equal(1);
    }));

    it('the token endpoint answers 503 twice: the refresh is retried and succeeds', () => survives(async () => {
      await start({ failures: [{ status: 503, count: 2, match: { path: '/auth/oauth/token' } }] });
      fastClient();
      const [output] = await expectCompletePoll();
      expect(output.updateKeys).to.have.length(1);
      expect(sim.stats.tokens.refreshes).to.equal(1);
    }));

    it('a scope parameter on a refresh would be answered invalid_grant: none is sent', () => survives(async () => {
      await start({ rejectScopeOnRefresh: true });
      await expectCompletePoll();
      expect(sim.stats.tokens.refreshes).to.equal(1);
    }));

    it('a sibling step refreshes the shared credential mid-run: our access token dies at once (the 2024 rule), and we take the sibling\'s', () => survives(async () => {
      await start({ revokeAccessTokenOnRefresh: true });
      let stored: Record<string, unknown> = { ...cfg() };
      const platform = { accounts: { retrieve: async () => ({ keys: stored }) } };
      const withSibling = triggerWith(async (event, count, payload) => {
        if (event === 'updateKeys') stored = { ...stored, ...(payload as Record<string, unknown>) };
        if (event === 'snapshot' && count.snapshots === 2) stored = { ...stored, ...await refreshAsSibling(sim, String(stored.refreshToken)) };
      });
      const output = await run(withSibling, {}, { ...cfg({ objectType: 'Item' }), _account: 'credential-1' }, undefined, platform);
      outputs.push(output);
      expect(output.thrown).to.equal(undefined);
      expect(emittedIds([output])).to.deep.equal(expectedItemIds(sim));
      expect(output.updateKeys, 'no second rotation of our own').to.have.length(1);
      expect(sim.stats.log.filter((entry) => entry.status === 401)).to.have.length(1);
    }));
  });

  describe('actions', () => {
    it('a POST that times out is not retried, and the error says the create may have happened', () => survives(async () => {
      await start({ slowResponses: { count: 1, delayMs: 1500, match: { method: 'POST' } } });
      setClientOverrides({ settings: { timeoutMs: 300, backoff: { baseDelayMs: 5, maxDelayMs: 20 } } });
      const output = await run(create, { description: 'Once only' }, cfg({ objectType: 'Item' }));
      outputs.push(output);
      expect(output.thrown?.message).to.match(/^POST Item: no response before the timeout; the create may have been applied in Lightspeed/);
      await new Promise((resolve) => setTimeout(resolve, 1600)); // the simulator logs a request when it has answered
      expect(apiRequests(sim).filter((line) => line.startsWith('POST'))).to.have.length(1);
    }));

    it('a PUT that adds SaleLines is sent once under a 502, and the error says what to check', () => survives(async () => {
      await start({ failures: [{ status: 502, count: 1, match: { method: 'PUT' } }] });
      const output = await run(update, { saleID: 1, SaleLines: { SaleLine: [{ itemID: 1, unitQuantity: 1 }] } }, cfg({ objectType: 'Sale' }));
      outputs.push(output);
      expect(output.thrown?.message).to.match(/^Lightspeed answered 502 to PUT Sale 1: .*; the update may have been applied in Lightspeed, and sending it again would add its new SaleLine records a second time/);
      expect(apiRequests(sim).filter((line) => line.startsWith('PUT'))).to.have.length(1);
    }));

    it('a PUT that adds SaleLines is sent once when it times out', () => survives(async () => {
      await start({ slowResponses: { count: 1, delayMs: 1200, match: { method: 'PUT' } } });
      fastClient({ timeoutMs: 300 });
      const output = await run(update, { saleID: 2, SaleLines: { SaleLine: { itemID: 4, unitQuantity: 2 } } }, cfg({ objectType: 'Sale' }));
      outputs.push(output);
      expect(output.thrown?.message).to.match(/^PUT Sale 2: no response before the timeout; the update may have been applied/);
      await new Promise((resolve) => setTimeout(resolve, 1300)); // the simulator logs a request when it has answered
      expect(apiRequests(sim).filter((line) => line.startsWith('PUT'))).to.have.length(1);
    }));

    it('a POST answered 524 by Cloudflare is sent once', () => survives(async () => {
      await start({ failures: [{ status: 524, count: 1, match: { method: 'POST' } }] });
      const output = await run(create, { description: 'Once only' }, cfg({ objectType: 'Item' }));
      outputs.push(output);
      expect(output.thrown?.message).to.equal('Lightspeed answered 524 to POST Item: A timeout occurred; '
        + 'the create may have been applied in Lightspeed: check for the record before running it again');
      expect(apiRequests(sim).filter((line) => line.startsWith('POST'))).to.have.length(1);
    }));

    it('a PUT of plain fields is retried after a 524', () => survives(async () => {
      await start({ failures: [{ status: 524, count: 1, match: { method: 'PUT' } }] });
      const output = await run(update, { itemID: 5, description: 'Retried' }, cfg({ objectType: 'Item' }));
      outputs.push(output);
      expect(output.data[0]).to.include({ itemID: 5, description: 'Retried' });
      expect(apiRequests(sim).filter((line) => line.startsWith('PUT'))).to.have.length(2);
    }));

    it('PUT and DELETE are retried after 503 and 502', () => survives(async () => {
      await start({ failures: [{ status: 503, count: 2, match: { method: 'PUT' } }, { status: 502, count: 1, match: { method: 'DELETE' } }] });
      const updated = await run(update, { itemID: 3, description: 'Retried' }, cfg({ objectType: 'Item' }));
      const deleted = await run(remove, { id: 3 }, cfg({ objectType: 'Item' }));
      outputs.push(updated, deleted);
      expect(updated.data[0]).to.include({ itemID: 3, description: 'Retried' });
      expect(deleted.data[0]).to.include({ id: 3, result: 'archived' });
      expect(apiRequests(sim).map((line) => line.split(' ')[0])).to.deep.equal(['PUT', 'PUT', 'PUT', 'DELETE', 'DELETE']);
    }));
  });
});
