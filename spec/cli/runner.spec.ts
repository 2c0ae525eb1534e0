import { expect } from 'chai';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Simulator, startSimulator } from '../../simulator';
import { CliResult, events, expectNoSecrets, readJson, runBin, runCli, tempDir, tokensIn, writeJson } from './helpers';

describe('lightspeed-retail run', () => {
  let sim: Simulator;
  let dir: string;
  let cleanup: () => void;
  /** Every output of the test, checked for secrets at the end of each test. */
  let outputs: CliResult[];
  const run = async (argv: string[], env: NodeJS.ProcessEnv = {}) => {
    const result = await runCli(['run', ...argv], { cwd: dir, env });
    outputs.push(result);
    return result;
  };

  beforeEach(async () => {
    sim = await startSimulator({ rateLimit: false, items: 60, archivedItems: 3 });
    ({ dir, cleanup } = tempDir());
    outputs = [];
    writeJson(dir, 'cfg.json', { ...sim.credentials, objectType: 'Item' });
    writeJson(dir, 'msg.json', { id: 42 });
  });
  afterEach(async () => {
    try {
      // Whatever a test did, no secret and no token may have reached stdout or stderr.
      const seen = ['cfg.json', 'cred.json', 'saved.json', 'local/credential.json'].filter((name) => existsSync(join(dir, name)))
        .flatMap((name) => tokensIn(readJson(dir, name)));
      expectNoSecrets(outputs.map((output) => output.stdout + output.stderr).join('\n'), sim, seen);
    } finally {
      cleanup();
      await sim.close();
    }
  });

  it('runs an action: JSON lines on stdout, the rotated token written back to the cfg file, exit 0', async () => {
    copyFileSync(join(dir, 'cfg.json'), join(dir, 'original.json'));
    const result = await run(['lookupObjectById', '--cfg', 'cfg.json', '--msg', 'msg.json']);
    expect(result.code).to.equal(0);
    const lines = events(result.stdout);
    expect(lines.map((line) => line.event)).to.deep.equal(['updateKeys', 'data', 'end']);
    expect(lines[1].body).to.include({ itemID: 42 });
    // The updateKeys line shows the credential's shape, never its token values.
    expect(lines[0].body).to.include({ refreshToken: '[redacted]', clientSecret: '[redacted]', clientId: sim.credentials.clientId });
    expect(lines[0].body?.oauth).to.include({ access_token: '[redacted]', refresh_token: '[redacted]' });
    expect(result.stderr).to.include('Lightspeed rotated the refresh token; saved the new one to cfg.json');

    const saved = readJson(dir, 'cfg.json');
    expect(saved.refreshToken).to.be.a('string').and.not.equal(sim.credentials.refreshToken);
    expect(saved).to.include({ objectType: 'Item', clientSecret: sim.credentials.clientSecret });
    expect((saved.oauth as Record<string, unknown>).refresh_token).to.equal(saved.refreshToken);

    // The original token is dead now; the file's token is alive, even when it has to refresh again.
    const stale = await run(['lookupObjectById', '--cfg', 'original.json', '--msg', 'msg.json']);
    expect(stale.code).to.equal(1);
    expect(events(stale.stdout)[0].message).to.match(/invalid_grant.*Re-authorize/);
    sim.expireAccessTokens();
    const again = await run(['lookupObjectById', '--cfg', 'cfg.json', '--msg', 'msg.json']);
    expect(again.code).to.equal(0);
    expect(events(again.stdout).filter((line) => line.event === 'data')).to.have.length(1);
    expect(readJson(dir, 'cfg.json').refreshToken).not.to.equal(saved.refreshToken);
  });

  it('the README\'s recipe: one credential file under local/, shared by two step files, always holding the newest token', async () => {
    mkdirSync(join(dir, 'local'));
    writeJson(dir, 'local/credential.json', sim.credentials);
    writeJson(dir, 'local/item.json', { objectType: 'Item' });
    writeJson(dir, 'local/customer.json', { objectType: 'Customer' });
    const first = await run(['lookupObjectById', '--credential', 'local/credential.json', '--cfg', 'local/item.json', '--msg', 'msg.json']);
    expect(first.code).to.equal(0);
    expect(first.stderr).to.include('Lightspeed rotated the refresh token; saved the new one to local/credential.json\n');
    expect(first.stderr).not.to.include('platform');
    expect(first.stderr).not.to.include('holds the credential\'s tokens');
    // The other step's file holds no token to go stale: after the next rotation it still runs.
    sim.expireAccessTokens();
    const second = await run(['lookupObjectById', '--credential', 'local/credential.json', '--cfg', 'local/customer.json', '--msg', writeJson(dir, 'one.json', { id: 1 })]);
    expect(second.code, second.stderr).to.equal(0);
    expect(readJson(dir, 'local/item.json')).to.deep.equal({ objectType: 'Item' });
  });

  it('warns when the --cfg file holds the credential\'s tokens', async () => {
    const result = await run(['lookupObjectById', '--cfg', 'cfg.json', '--msg', 'msg.json']);
    expect(result.code).to.equal(0);
    expect(result.stderr).to.include('cfg.json holds the credential\'s tokens: a copy of it stops working at the next rotation. Keep the '
      + 'credential in its own file (--credential) and only the step\'s fields in --cfg.');
  });

  it('runs the trigger over every page, saves the snapshot, and a second run from it emits nothing', async () => {
    const first = await run(['pollingEntity', '--cfg', 'cfg.json', '--snapshot-out', 'snap.json']);
    expect(first.code).to.equal(0);
    const active = sim.store.list('Item').filter((item) => item.archived !== 'true').length;
    expect(events(first.stdout).filter((line) => line.event === 'data')).to.have.length(active);
    expect(first.stderr).to.match(/\[info\] Item: page 1/);
    expect(readJson(dir, 'snap.json')).to.include({ objectType: 'Item', lastId: 60 - 3 });

    const second = await run(['pollingEntity', '--cfg', 'cfg.json', '--snapshot', 'snap.json']);
    expect(second.code).to.equal(0);
    expect(events(second.stdout).map((line) => line.event)).to.deep.equal(['snapshot', 'end']);
  });

  it('--snapshot naming a file that does not exist yet is no snapshot, said in the log: one command serves every run', async () => {
    const argv = ['pollingEntity', '--cfg', 'cfg.json', '--snapshot', 'local/snap.json', '--snapshot-out', 'local/snap.json'];
    const first = await run(argv);
    expect(first.code, first.stderr).to.equal(0);
    expect(first.stderr).to.include('[info] --snapshot local/snap.json does not exist yet: starting without a snapshot, as a flow\'s first run does\n');
    expect(events(first.stdout).filter((line) => line.event === 'data')).to.have.length(60 - 3);
    expect(readJson(dir, 'local/snap.json')).to.include({ objectType: 'Item', lastId: 60 - 3 });
    const second = await run(argv);
    expect(second.stderr).to.include('[info] starting from the snapshot in local/snap.json\n');
    expect(events(second.stdout).map((line) => line.event)).to.deep.equal(['snapshot', 'end']);
  });

  it('--debug runs the trigger in sample mode: at most 10 records and no snapshot', async () => {
    const result = await run(['pollingEntity', '--cfg', 'cfg.json', '--debug']);
    expect(result.code).to.equal(0);
    const lines = events(result.stdout);
    expect(lines.filter((line) => line.event === 'data')).to.have.length(10);
    expect(lines.filter((line) => line.event === 'snapshot')).to.deep.equal([]);
    expect(process.env.ELASTICIO_FLOW_TYPE).to.equal(undefined);
  });

  it('warns on a cfg key no field declares, naming the closest known key and the known ones, and runs on', async () => {
    writeJson(dir, 'typo.json', { ...sim.credentials, objectType: 'Item', start_time: '2024-01-01T00:00:00Z' });
    const result = await run(['pollingEntity', '--cfg', 'typo.json', '--debug']);
    expect(result.code).to.equal(0);
    expect(events(result.stdout).filter((line) => line.event === 'data')).to.have.length(10);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('[warn]'))).to.deep.equal([
      '[warn] cfg key "start_time" is not a field of pollingEntity and is ignored; did you mean startTime? Known keys: '
        + 'objectType, pollingField, includeArchived, emitBehavior, startTime, endTime, loadRelations, filters, lookbackSeconds, pageSize, '
        + 'and the credential\'s oauth, environmentUrl, accountId, clientId, clientSecret, refreshToken, tokenUrl',
    ]);
    // verifyCredentials is run with a step's cfg file: step fields are at home there, a misspelt credential field is not.
    writeJson(dir, 'verify.json', { ...sim.credentials, objectType: 'Item', client_id: 'x' });
    const verify = await run(['verifyCredentials', '--cfg', 'verify.json']);
    expect(verify.stderr.split('\n').filter((line) => line.startsWith('[warn]'))).to.have.length(1)
      .and.to.match(/^\[warn\] cfg key "client_id" is not a field of verifyCredentials and is ignored; did you mean clientId\? Known keys: objectType, /);
    const clean = await run(['lookupObjectById', '--cfg', 'cfg.json', '--msg', 'msg.json']);
    expect(clean.stderr).not.to.include('[warn]');
  });

  it('takes a credential from environment variables and saves the rotated one with --save-credential', async () => {
    writeJson(dir, 'step.json', { objectType: 'Item' });
    const env = credentialEnv(sim);
    const result = await run(['lookupObjectById', '--cfg', 'step.json', '--msg', 'msg.json', '--save-credential', 'local/credential.json'], env);
    expect(result.code).to.equal(0);
    expect(result.stderr).to.include('saved the new one to local/credential.json (it takes precedence over LIGHTSPEED_REFRESH_TOKEN');
    const saved = readJson(dir, 'local/credential.json');
    expect(saved).to.include({ clientId: sim.credentials.clientId, accountId: sim.credentials.accountId, environmentUrl: sim.url });
    expect(saved.refreshToken).to.be.a('string').and.not.equal(sim.credentials.refreshToken);
    expect(readJson(dir, 'step.json')).to.deep.equal({ objectType: 'Item' });
    // Later runs read the saved file, which wins over the (now revoked) variable.
    const next = await run(['lookupObjectById', '--cfg', 'step.json', '--msg', 'msg.json', '--credential', 'local/credential.json'], env);
    expect(next.code).to.equal(0);
  });

  it('with an environment-only credential and nowhere to save, stops before using the new token: the old one still works', async () => {
    writeJson(dir, 'step.json', { objectType: 'Item' });
    const env = credentialEnv(sim);
    const stopped = await run(['lookupObjectById', '--cfg', 'step.json', '--msg', 'msg.json'], env);
    expect(stopped.code).to.equal(1);
    expect(events(stopped.stdout)[0]).to.include({ event: 'error' });
    expect(stopped.stderr).to.match(/no file to save the new one to.*LIGHTSPEED_REFRESH_TOKEN still works.*--save-credential/);
    const retried = await run(['lookupObjectById', '--cfg', 'step.json', '--msg', 'msg.json', '--save-credential', 'saved.json'], env);
    expect(retried.code).to.equal(0);
  });

  it('a separate --credential file wins over the cfg file and receives the rotated token; the cfg file is untouched', async () => {
    writeJson(dir, 'cred.json', sim.credentials);
    writeJson(dir, 'step.json', { objectType: 'Item', refreshToken: 'a-stale-token-in-the-step-file' });
    const result = await run(['lookupObjectById', '--cfg', 'step.json', '--credential', 'cred.json', '--msg', 'msg.json']);
    expect(result.code).to.equal(0);
    expect(readJson(dir, 'cred.json').refreshToken).not.to.equal(sim.credentials.refreshToken);
    expect(readJson(dir, 'step.json').refreshToken).to.equal('a-stale-token-in-the-step-file');
  });

  it('calls design-time methods and verifyCredentials, printing what they return as data', async () => {
    const meta = await run(['lookupObjectById', '--method', 'getMetaModel', '--cfg', 'cfg.json']);
    expect(meta.code).to.equal(0);
    expect(events(meta.stdout)[0].body).to.have.keys('in', 'out');
    const types = await run(['createObject', '--method', 'getObjectTypes', '--cfg', 'cfg.json']);
    expect(events(types.stdout)[0].body).to.include({ Customer: 'Customer' });
    const verified = await run(['verifyCredentials', '--cfg', 'cfg.json']);
    expect(verified.code).to.equal(0);
    expect(events(verified.stdout)[0].body).to.deep.equal({ verified: true });
    const refused = await run(['verifyCredentials', '--cfg', writeJson(dir, 'bad.json', { ...sim.credentials, clientSecret: 'wrong-secret-value' })]);
    expect(refused.code).to.equal(1);
    expect(events(refused.stdout)[0].body).to.include({ verified: false });
  });

  it('exit code 1 with an error line when the function throws', async () => {
    const failed = await run(['lookupObjectById', '--cfg', 'cfg.json', '--msg', writeJson(dir, 'missing.json', { id: 99999 })]);
    expect(failed.code).to.equal(1);
    expect(events(failed.stdout).map((line) => line.event)).to.deep.equal(['updateKeys', 'error', 'end']);
    expect(events(failed.stdout)[1].message).to.match(/404.*Item 99999/);
  });

  it('answers a usage error with exit code 2 and one line: the mistake, the fix, and where the options are; nothing is sent', async () => {
    writeJson(dir, 'step.json', { objectType: 'Item' });
    const cases: Array<[string[], string]> = [
      [['lookupObjectById', '--credentials', 'cfg.json', '--msg', 'msg.json'], 'unknown option --credentials; did you mean --credential?'],
      [['lookupObjectById', '--cfg'], '--cfg needs a value'],
      [['lookupObjectById', '--cfg', '--msg', 'msg.json'], '--cfg needs a value'],
      [['pollingEntity', '--cfg', 'cfg.json', '--debug=yes'], '--debug takes no value'],
      [[], 'name the function to run: pollingEntity, completedSales, stockChanges, newCustomers, registerButton, createObject, '],
      [['lookupObjectByID', '--cfg', 'cfg.json'], 'unknown function "lookupObjectByID"; did you mean lookupObjectById? The functions: pollingEntity, '],
      [['lookupObjectById', '--cfg', 'absent.json'], '--cfg: no such file'],
      [['lookupObjectById', '--cfg', 'cfg.json', '--method', 'getMetaModell'], 'lookupObjectById has no method "getMetaModell"; did you mean getMetaModel?'],
      // No credential at all: the terminal's fix, not the platform's ("click Authenticate").
      [['lookupObjectById', '--cfg', 'step.json', '--msg', 'msg.json'], 'no credential: pass --credential <file>, local/simulator-credential.json for the simulator'],
      [['verifyCredentials'], 'no credential: pass --credential <file>'],
      [['lookupObjectById', '--credential', 'local/simulator-credential.json', '--cfg', 'step.json'],
        '--credential: no such file local/simulator-credential.json: the simulator writes it when it starts (npm run simulator -- --port 8787)'],
    ];
    for (const [argv, expected] of cases) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).to.equal(2);
      expect(result.stdout, argv.join(' ')).to.equal('');
      expect(result.stderr.split('\n').filter(Boolean), argv.join(' ')).to.have.length(1);
      expect(result.stderr, argv.join(' ')).to.include(`lightspeed-retail run: ${expected}`)
        .and.match(/ \(see lightspeed-retail run --help\)\n$/).and.not.include('Authenticate');
    }
    expect(sim.stats.requests, 'requests the simulator saw').to.equal(0);
    const help = await run(['--help']);
    expect(help.code).to.equal(0);
    expect(help.stdout).to.include('Usage: lightspeed-retail run <function>');
  });

  it('a design-time call that reads only the catalog needs no credential', async () => {
    writeJson(dir, 'step.json', { objectType: 'Item' });
    const meta = await run(['lookupObjectById', '--method', 'getMetaModel', '--cfg', 'step.json']);
    expect(meta.code, meta.stderr).to.equal(0);
    expect(events(meta.stdout)[0].body).to.have.keys('in', 'out');
  });

  it('keeps secrets out of --verbose logs and failure messages too', async () => {
    await run(['pollingEntity', '--cfg', 'cfg.json', '--verbose']);
    const wrongClient = writeJson(dir, 'wrong.json', { ...sim.credentials, clientSecret: 'another-wrong-secret', objectType: 'Item' });
    const failed = await run(['lookupObjectById', '--cfg', wrongClient, '--msg', 'msg.json', '--verbose']);
    expect(failed.code).to.equal(1);
    expect(failed.stdout + failed.stderr).not.to.include('another-wrong-secret');
    expect(outputs[0].stderr).to.match(/\[debug\] GET \/API\/V3\/Account\/123456\/Item\.json/);
  });

  it('the real bin runs a function as a child process', async () => {
    const result = await runBin(['run', 'lookupObjectById', '--cfg', 'cfg.json', '--msg', 'msg.json'], { cwd: dir });
    outputs.push(result);
    expect(result.code, result.stderr).to.equal(0);
    expect(events(result.stdout).find((line) => line.event === 'data')?.body).to.include({ itemID: 42 });
    const usage = await runBin(['run', 'lookupObjectById', '--credentials', 'cfg.json'], { cwd: dir });
    expect(usage.code).to.equal(2);
    expect(usage.stderr).to.equal('lightspeed-retail run: unknown option --credentials; did you mean --credential? (see lightspeed-retail run --help)\n');
  });
});

function credentialEnv(sim: Simulator): NodeJS.ProcessEnv {
  return {
    LIGHTSPEED_CLIENT_ID: sim.credentials.clientId,
    LIGHTSPEED_CLIENT_SECRET: sim.credentials.clientSecret,
    LIGHTSPEED_REFRESH_TOKEN: sim.credentials.refreshToken,
    LIGHTSPEED_ACCOUNT_ID: sim.credentials.accountId,
    LIGHTSPEED_ENVIRONMENT_URL: sim.credentials.environmentUrl,
    LIGHTSPEED_TOKEN_URL: sim.credentials.tokenUrl,
  };
}
