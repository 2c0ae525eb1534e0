import { expect } from 'chai';
import { createServer } from 'node:net';
import { Simulator, startSimulator } from '../../simulator';
import { CliResult, events, expectNoSecrets, readJson, runCli, startCli, tempDir, waitFor, writeJson } from './helpers';

describe('lightspeed-retail auth', () => {
  let sim: Simulator;
  let dir: string;
  let cleanup: () => void;
  const base = () => ['auth', '--client-id', sim.credentials.clientId, '--client-secret', sim.credentials.clientSecret,
    '--token-url', sim.credentials.tokenUrl, '--environment-url', sim.url];

  beforeEach(async () => {
    sim = await startSimulator({ rateLimit: false, items: 5 });
    ({ dir, cleanup } = tempDir());
  });
  afterEach(async () => {
    cleanup();
    await sim.close();
  });

  /** Opens the authorize URL the helper printed, as a browser would, without following the redirect. */
  async function approve(printed: string): Promise<string> {
    const response = await fetch(printed, { redirect: 'manual' });
    expect(response.status).to.equal(302);
    return response.headers.get('location') as string;
  }

  /** The refresh token and account ID printed on stdout. */
  function printedCredential(result: CliResult): { refreshToken: string; accountId: string } {
    const refreshToken = /Refresh token:\s+(\S+)/.exec(result.stdout)?.[1];
    const accountId = /Account ID:\s+(\d+)/.exec(result.stdout)?.[1];
    expect(refreshToken, result.stdout + result.stderr).to.be.a('string');
    return { refreshToken: refreshToken as string, accountId: accountId as string };
  }

  /** Proves a refresh token works: the runner looks up an Item with it. */
  async function expectWorking(credential: Record<string, unknown>): Promise<void> {
    writeJson(dir, 'try.json', { ...credential, objectType: 'Item' });
    const lookup = await runCli(['run', 'lookupObjectById', '--cfg', 'try.json', '--msg', writeJson(dir, 'msg.json', { id: 1 })], { cwd: dir });
    expect(lookup.code, lookup.stderr).to.equal(0);
    expect(events(lookup.stdout).find((line) => line.event === 'data')?.body).to.include({ itemID: 1 });
  }

  it('prints the authorize URL, takes the pasted redirect address, and prints a working refresh token and the account ID', async () => {
    const running = startCli([...base(), '--redirect-uri', 'https://example.com/callback', '--scope', 'employee:inventory employee:customers'], { cwd: dir });
    const [printed] = await waitFor(running.stderr, /http:\/\/127\.0\.0\.1:\d+\/auth\/oauth\/authorize\?\S+/);
    const url = new URL(printed);
    expect(url.searchParams.get('scope')).to.equal('employee:inventory employee:customers');
    expect(printed).to.include('scope=employee%3Ainventory+employee%3Acustomers');
    expect(url.searchParams.get('state')).to.have.length.greaterThan(15);
    expect(running.stderr()).to.include('valid for 60 seconds');
    running.stdin.write(`${await approve(printed)}\n`);
    const result = await running.done;
    expect(result.code, result.stderr).to.equal(0);
    const printedToken = printedCredential(result);
    expect(printedToken.accountId).to.equal(sim.credentials.accountId);
    expect(result.stdout).to.match(/rotates/);
    expect(result.stdout + result.stderr).not.to.include(sim.credentials.clientSecret);
    await expectWorking({ ...sim.credentials, refreshToken: printedToken.refreshToken, accountId: undefined });
  });

  it('takes a code given with --code', async () => {
    const authorize = new URL('/auth/oauth/authorize', sim.url);
    Object.entries({ response_type: 'code', client_id: sim.credentials.clientId, scope: 'employee:all', redirect_uri: 'https://example.com/cb' })
      .forEach(([key, value]) => authorize.searchParams.set(key, value));
    const code = new URL(await approve(authorize.toString())).searchParams.get('code') as string;
    const result = await runCli([...base(), '--redirect-uri', 'https://example.com/cb', '--code', code], { cwd: dir });
    expect(result.code, result.stderr).to.equal(0);
    await expectWorking({ ...sim.credentials, refreshToken: printedCredential(result).refreshToken });
  });

  it('catches the redirect with a one-shot listener on a localhost redirect URI and saves the credential', async () => {
    const port = await freePort();
    const redirectUri = `http://127.0.0.1:${port}/callback`;
    const running = startCli([...base(), '--redirect-uri', redirectUri, '--save-credential', 'cred.json'], { cwd: dir });
    const [printed] = await waitFor(running.stderr, /http:\/\/127\.0\.0\.1:\d+\/auth\/oauth\/authorize\?\S+/);
    expect(running.stderr()).to.include(`Waiting for the redirect to ${redirectUri}`);
    const location = await approve(printed);
    expect(location.startsWith(redirectUri)).to.equal(true);
    const page = await fetch(location);
    expect(page.status).to.equal(200);
    expect(await page.text()).to.include('You can close this tab');
    const result = await running.done;
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.include('Saved the credential (account 123456 (Simulated Retail Store), refresh token) to cred.json');
    const saved = readJson(dir, 'cred.json');
    expect(saved).to.include({ accountId: '123456', clientId: sim.credentials.clientId, environmentUrl: sim.url, tokenUrl: sim.credentials.tokenUrl });
    // With --save-credential the token goes to the file only.
    expectNoSecrets(result.stdout + result.stderr, sim, [saved.refreshToken as string]);
    await expectWorking(saved);
    // The listener is gone once the code arrived.
    const after = await fetch(location).then(() => 'answered', () => 'refused');
    expect(after).to.equal('refused');
  });

  it('refuses a pasted redirect whose state is not its own, and a code Lightspeed rejects', async () => {
    const running = startCli([...base(), '--redirect-uri', 'https://example.com/cb'], { cwd: dir });
    await waitFor(running.stderr, /authorize\?/);
    running.stdin.write('https://example.com/cb?code=whatever&state=someone-elses\n');
    const mismatch = await running.done;
    expect(mismatch.code).to.equal(1);
    expect(mismatch.stderr).to.match(/different state/);

    const rejected = await runCli([...base(), '--redirect-uri', 'https://example.com/cb', '--code', 'sim-code-not-issued'], { cwd: dir });
    expect(rejected.code).to.equal(1);
    expect(rejected.stderr).to.match(/invalid_grant.*60 seconds/);
    expect(rejected.stdout + rejected.stderr).not.to.include(sim.credentials.clientSecret);
  });

  it('exit code 2 and one line when a required option is missing or mistyped, pointing to --help', async () => {
    const result = await runCli(['auth', '--client-id', 'x', '--client-secret', 'y'], { cwd: dir });
    expect(result.code).to.equal(2);
    expect(result.stderr).to.equal('lightspeed-retail auth: --redirect-uri is required (see lightspeed-retail auth --help)\n');
    const typo = await runCli(['auth', '--client-id', 'x', '--client-secret', 'y', '--redirect-url', 'https://example.com/cb'], { cwd: dir });
    expect(typo.code).to.equal(2);
    expect(typo.stderr).to.equal('lightspeed-retail auth: unknown option --redirect-url; did you mean --redirect-uri? (see lightspeed-retail auth --help)\n');
    const command = await runCli(['aut'], { cwd: dir });
    expect(command.stderr).to.equal('lightspeed-retail: unknown command "aut"; did you mean auth? (see lightspeed-retail --help)\n');
    expect((await runCli(['auth', '-h'], { cwd: dir })).stdout).to.include('Usage: lightspeed-retail auth');
  });
});

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
