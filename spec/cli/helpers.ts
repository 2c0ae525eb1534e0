/** Shared helpers of the CLI specs: the CLI in-process with captured streams, the real bin as a child, temp files. */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../cli/program';
import { Simulator } from '../../simulator';

/** The repository root (specs run from dist/spec/cli). */
export const ROOT = resolve(__dirname, '../../..');

/** What a CLI run printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** An in-process CLI run that is still going: its streams can be read and written meanwhile. */
export interface RunningCli {
  stdin: PassThrough;
  /** Everything written to stderr so far. */
  stderr(): string;
  done: Promise<CliResult>;
}

/** Starts `main(argv)` in this process with its own streams, environment and working directory. */
export function startCli(argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): RunningCli {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString('utf8')));
  const done = main(argv, { stdout, stderr, stdin, env: options.env ?? {}, cwd: options.cwd })
    .then((code) => ({ code, stdout: out.join(''), stderr: err.join('') }));
  return { stdin, stderr: () => err.join(''), done };
}

/** Runs the CLI in-process to the end, with stdin closed. */
export function runCli(argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> {
  const running = startCli(argv, options);
  running.stdin.end();
  return running.done;
}

/** Runs the real `bin/lightspeed-retail.js` in a child process. */
export function runBin(argv: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> {
  return new Promise((resolvePromise) => {
    execFile(process.execPath, [join(ROOT, 'bin/lightspeed-retail.js'), ...argv],
      { cwd: options.cwd, env: { PATH: process.env.PATH, ...options.env }, timeout: 15_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolvePromise({ code, stdout, stderr });
      });
  });
}

/** The JSON lines of stdout, parsed (a line that is not JSON fails the test). */
export function events(stdout: string): Array<{ event: string; body?: Record<string, unknown>; message?: string }> {
  return stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as { event: string });
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lightspeed-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes JSON into `dir/name` and returns the name. */
export function writeJson(dir: string, name: string, value: unknown): string {
  writeFileSync(join(dir, name), JSON.stringify(value, null, 2));
  return name;
}

/** Reads `dir/name` as JSON. */
export function readJson(dir: string, name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
}

/** Waits until `read()` matches `pattern`; returns the match. */
export async function waitFor(read: () => string, pattern: RegExp, timeoutMs = 5000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = read().match(pattern);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${pattern} in:\n${read()}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
}

/**
 * Asserts that no secret is in `text`: the simulator's client secret and initial refresh token, the given tokens,
 * and nothing shaped like a simulator token at all (every access and refresh token it issues starts with sim-at- or
 * sim-rt-).
 */
export function expectNoSecrets(text: string, sim: Simulator, tokens: string[] = []): void {
  const secrets = [sim.credentials.clientSecret, sim.credentials.refreshToken, ...tokens].filter((secret) => secret.length > 0);
  expect(secrets.filter((secret) => text.includes(secret)), 'secret values in the output').to.deep.equal([]);
  expect(text).not.to.match(/sim-(at|rt)-/);
}

/** Tokens a credential file holds (refreshToken and oauth's), to check they never reach the output. */
export function tokensIn(credential: Record<string, unknown>): string[] {
  const oauth = (credential.oauth ?? {}) as Record<string, unknown>;
  return [credential.refreshToken, oauth.access_token, oauth.refresh_token].filter((value): value is string => typeof value === 'string');
}
