import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { defaultOptions, initialRefreshToken } from '../../simulator/options';
import { ROOT } from './helpers';

describe('npm start (the demo)', () => {
  let output: { code: number; stdout: string; stderr: string };

  before(function () {
    this.timeout(30_000);
    return new Promise<void>((resolve) => {
      execFile(process.execPath, [join(ROOT, 'dist/scripts/demo.js')], { cwd: ROOT, timeout: 30_000, env: { PATH: process.env.PATH } },
        (error, stdout, stderr) => {
          output = { code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr };
          resolve();
        });
    });
  });

  it('exits 0 after polling every active Item, then nothing new from the snapshot', () => {
    expect(output.code, output.stderr + output.stdout).to.equal(0);
    const [, polled, held] = /records polled\s+(\d+) \(the simulator holds (\d+) active Items\)/.exec(output.stdout) ?? [];
    const defaults = defaultOptions();
    expect(Number(polled)).to.equal(Number(held));
    expect(Number(polled)).to.equal(defaults.items - defaults.archivedItems);
    expect(output.stdout).to.match(/Polling entity again, from the stored snapshot\n(.*\n)*?\s+0 records emitted/);
    expect(output.stdout).to.match(/fetching: page 3, \d+ records, \d+\.\d s waited for the rate limit/);
    expect(output.stdout).to.match(/Item 1\s+"[^"]+"\s+timeStamp 2024-01-01T00:01:00\+00:00/);
  });

  it('shows each Customer action, the token rotation and a summary, and no secret', () => {
    for (const step of ['Create Object: Customer', 'Lookup Object By ID: Customer', 'Update Object: Customer', 'Upsert Object: Customer',
      'Delete Object By ID: Customer']) expect(output.stdout).to.include(step);
    expect(output.stdout).to.match(/Customer \d+\s+archived/);
    expect(output.stdout).to.include('refresh token rotated, new one persisted (updateKeys)');
    expect(output.stdout).to.match(/requests sent\s+\d+/);
    expect(output.stdout).to.match(/429 answers\s+0/);
    const defaults = defaultOptions();
    const all = output.stdout + output.stderr;
    expect(all).not.to.include(defaults.clientSecret);
    expect(all).not.to.include(initialRefreshToken(defaults.seed, defaults.clientId));
    expect(all).not.to.match(/sim-(at|rt)-/);
    // Not a terminal here: no colour codes.
    expect(all).not.to.include('\x1b[');
  });
});
