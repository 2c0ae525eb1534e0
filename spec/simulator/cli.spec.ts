import { expect } from 'chai';
import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSimulator } from '../../simulator';
import { defaultCredentialFile, shownPath } from '../../simulator/credentialFile';

const ROOT = resolve(__dirname, '../../..');

describe('simulator command line: the credential file', () => {
  let child: ChildProcess | undefined;
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'lightspeed-sim-')); });
  afterEach(() => {
    child?.kill('SIGTERM');
    child = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a ready credential file (owner-only), prints its path and how to stop the simulator', async () => {
    const file = join(dir, 'nested', 'credential.json');
    child = spawn(process.execPath, [join(ROOT, 'dist/simulator/cli.js'), '--port', '0', '--items', '5', '--credential-file', file], { cwd: dir });
    const stdout = await new Promise<string>((done, fail) => {
      let text = '';
      child?.stdout?.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        if (text.includes('Stop it')) done(text);
      });
      child?.once('exit', (code) => fail(new Error(`simulator exited with ${code}: ${text}`)));
    });
    expect(stdout).to.include(`Credential written to nested/credential.json: pass it to the runner with --credential nested/credential.json\n`);
    const credential = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    expect(credential).to.have.keys('environmentUrl', 'tokenUrl', 'clientId', 'clientSecret', 'refreshToken', 'accountId');
    expect(stdout).to.include(`listening on ${credential.environmentUrl}`);
    expect(stdout, 'the secret is in the file, not on the screen').not.to.include(credential.clientSecret);
    expect(statSync(file).mode & 0o777).to.equal(0o600);
    expect(stdout, 'how to stop it').to.include(`Stop it with Ctrl+C, or from another shell: kill ${child?.pid}\n`);
  });

  it('answers a busy port with one line naming the port and what to do, and writes no credential', async () => {
    const other = await startSimulator({ port: 0, items: 5 });
    try {
      const port = new URL(other.url).port;
      const file = join(dir, 'credential.json');
      const result = spawnSync(process.execPath, [join(ROOT, 'dist/simulator/cli.js'), '--port', port, '--items', '5', '--credential-file', file], { cwd: dir, encoding: 'utf8', timeout: 15_000 });
      expect(result.status).to.equal(1);
      expect(result.stderr).to.equal(`Port ${port} on 127.0.0.1 is already in use, perhaps by a simulator started earlier: use that one, `
        + 'or stop it first (Ctrl+C where it runs; kill %1 in the shell that started it with &), or pass another --port\n');
      expect(result.stdout).to.equal('');
      expect(existsSync(file)).to.equal(false);
    } finally {
      await other.close();
    }
  });

  it('by default writes local/simulator-credential.json at the repository root, which git ignores', function () {
    expect(defaultCredentialFile(ROOT)).to.equal(join(ROOT, 'local', 'simulator-credential.json'));
    expect(shownPath(join(ROOT, 'local', 'x.json'), ROOT)).to.equal(join('local', 'x.json'));
    expect(shownPath('/elsewhere/x.json', ROOT)).to.equal('/elsewhere/x.json');
    // The platform's build has no .git: nothing to ask there.
    if (!existsSync(join(ROOT, '.git'))) this.skip();
    const ignored = ['local/simulator-credential.json', 'local/credential.json', 'local/snapshot.json', 'local/items.jsonl', 'cred.json', 'cfg.json', 'snap.json'];
    const answer = execFileSync('git', ['check-ignore', ...ignored], { cwd: ROOT, encoding: 'utf8' });
    expect(answer.trim().split('\n')).to.deep.equal(ignored);
  });
});
