/** One temporary directory per suite run: broker data, process logs. Kept when something failed, for reading. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let directory: string | undefined;

/** The run's directory (created on first use). */
export function runDirectory(): string {
  directory ??= fs.mkdtempSync(path.join(os.tmpdir(), 'lightspeed-e2e-'));
  return directory;
}

/** A path inside the run directory; its parent directories are created. */
export function runPath(...parts: string[]): string {
  const target = path.join(runDirectory(), ...parts);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  return target;
}

/** Deletes the run directory (after a passing run). */
export function removeRunDirectory(): void {
  if (directory !== undefined) fs.rmSync(directory, { recursive: true, force: true });
  directory = undefined;
}

/** The last `lines` lines of a log file, for error messages. */
export function tailOf(file: string, lines = 30): string {
  if (!fs.existsSync(file)) return `(no log at ${file})`;
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
