/** Writes a run's results as JSON under bench/results/. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ScenarioReport } from './scenario';

export interface BenchResults {
  mode: 'full' | 'quick';
  startedAt: string;
  durationMs: number;
  environment: Record<string, string | number>;
  scenarios: ScenarioReport[];
}

/** bench/results in the source tree (this file runs from dist/bench). */
export const RESULTS_DIR = path.resolve(__dirname, '..', '..', 'bench', 'results');

export function defaultResultsPath(quick: boolean): string {
  // Quick runs are smoke tests: *.tmp.json is git-ignored, so they never overwrite the committed full results.
  return path.join(RESULTS_DIR, quick ? 'latest-quick.tmp.json' : 'latest.json');
}

export function writeResults(file: string, results: BenchResults): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, jsonReplacer, 2)}\n`);
}

/** Infinity (pageSize.growAfter) is not JSON: write it as a string. */
function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

/** Where the numbers come from: machine, Node, commit. */
export function environment(): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    memoryMb: Math.round(os.totalmem() / 1024 / 1024),
    commit: gitCommit(),
  };
}

/** HEAD, marked when lib/ or simulator/ (what the numbers measure) have uncommitted changes. */
function gitCommit(): string {
  const git = (...args: string[]): string => execFileSync('git', args, {
    cwd: path.resolve(__dirname, '..', '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  try {
    const dirty = git('status', '--porcelain', '--', 'lib', 'simulator') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes in lib/ or simulator/' : ''}`;
  } catch {
    return 'unknown';
  }
}
