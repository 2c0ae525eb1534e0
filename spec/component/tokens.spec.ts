import { expect } from 'chai';
import * as lookup from '../../lib/actions/lookupObjectById';
import * as trigger from '../../lib/triggers/pollingEntity';
import { resetConnections } from '../../lib/client/connections';
import { HandlerContext, IncomingMessage, StepConfig } from '../../lib/runtime/context';
import { Simulator } from '../../simulator';
import { leakedSecrets } from '../helpers/capture';
import { run, simulatorWith } from '../helpers/component';

describe('token rotation in the handlers', () => {
  let sim: Simulator;
  let cfg: Awaited<ReturnType<typeof simulatorWith>>['cfg'];
  beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 300, tokenLifetimeSeconds: 3600 })));
  afterEach(() => sim.close());

  it('updateKeys carries the rotated refresh token, the access token and the rest of the credential', async () => {
    const step = cfg({ objectType: 'Item' });
    const result = await run(lookup, { id: 1 }, step);
    expect(result.updateKeys).to.have.length(1);
    const keys = result.updateKeys[0] as { refreshToken: string; oauth: Record<string, string>; clientId: string; environmentUrl: string };
    expect(keys.refreshToken).to.be.a('string').and.not.equal(sim.credentials.refreshToken);
    expect(keys.oauth.refresh_token).to.equal(keys.refreshToken);
    expect(keys.oauth.access_token).to.be.a('string');
    expect(Date.parse(keys.oauth.expires_at)).to.be.greaterThan(Date.now());
    expect(keys).to.include({ clientId: sim.credentials.clientId, environmentUrl: sim.credentials.environmentUrl });
    // What the platform would hand the next container works, even though the original token is now dead.
    resetConnections();
    const next = await run(lookup, { id: 2 }, { ...step, ...keys });
    expect(next.thrown).to.equal(undefined);
    expect(next.updateKeys).to.deep.equal([]);
  });

  it('a later message in the same process uses the newest tokens although its cfg is stale', async () => {
    const step = cfg({ objectType: 'Item' });
    await run(lookup, { id: 1 }, step);
    const second = await run(lookup, { id: 2 }, step);
    expect(second.thrown).to.equal(undefined);
    expect(sim.stats.tokens.refreshes).to.equal(1);
  });

  it('an access token that expires mid-poll is refreshed once, persisted, and nothing is lost or repeated', async () => {
    const step = cfg({ objectType: 'Item', pageSize: 50 });
    let pages = 0;
    // Expire every token right after the second page, as if the hour ran out mid-run.
    const expiringMidRun = {
      process(this: HandlerContext, msg: IncomingMessage, stepCfg: StepConfig): Promise<void> {
        const emit = this.emit.bind(this);
        const context: HandlerContext = {
          logger: this.logger,
          emit: async (event: string, payload?: unknown) => {
            if (event === 'snapshot' && ++pages === 2) sim.expireAccessTokens();
            return emit(event, payload);
          },
        };
        return trigger.process.call(context, msg, stepCfg);
      },
    };
    const result = await run(expiringMidRun, {}, step);
    expect(result.thrown).to.equal(undefined);
    expect(result.data.map((row) => (row as { itemID: number }).itemID)).to.deep.equal(Array.from({ length: 295 }, (_, i) => i + 1));
    expect(result.updateKeys).to.have.length(2);
    expect(sim.stats.log.filter((entry) => entry.status === 401)).to.have.length(1);
  });

  it('two steps of a flow in separate processes share one credential: the second reads the first one\'s rotation', async () => {
    // The platform's credential store, as sailor's API client reads and updateKeys writes it.
    let stored: Record<string, unknown> = { ...cfg() };
    const platform = { accounts: { retrieve: async () => ({ keys: stored }) } };
    const step = (fields: Record<string, unknown>) => ({ ...cfg(fields), _account: 'account-1' });

    const trigger = await run(lookup, { id: 1 }, step({ objectType: 'Item' }), undefined, platform);
    stored = { ...stored, ...trigger.updateKeys[0] };
    resetConnections(); // another container, started with the original cfg
    sim.expireAccessTokens();
    const action = await run(lookup, { id: 2 }, step({ objectType: 'Item' }), undefined, platform);
    expect(action.thrown).to.equal(undefined);
    expect(action.data[0]).to.include({ itemID: 2 });
  });

  it('a refresh token already rotated elsewhere gives a clear re-authorize error, and no secret anywhere', async () => {
    const step = cfg({ objectType: 'Item' });
    await run(lookup, { id: 1 }, step); // rotates and uses: the original refresh token is now revoked
    resetConnections();
    const result = await run(lookup, { id: 1 }, step);
    expect(result.thrown?.message).to.match(/invalid_grant.*Re-authorize the Lightspeed credential/);
    const everything = JSON.stringify({ error: result.thrown?.message, stack: result.thrown?.stack, logs: result.logs, data: result.data });
    expect(leakedSecrets(everything, [sim.credentials.clientSecret, sim.credentials.refreshToken])).to.deep.equal([]);
  });
});
