/** The credential file the simulator's command line writes, ready for `lightspeed-retail run --credential`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { findPackageRoot } from './packageRoot';

/**
 * `local/` at the repository root: git-ignored, where the local runs of docs/local-runs.md keep their credential, step, message,
 * snapshot and output files. The simulator's file has a name of its own, so it never overwrites a real credential.
 */
export function defaultCredentialFile(root: string = findPackageRoot()): string {
  return join(root, 'local', 'simulator-credential.json');
}

/** Writes the credential as JSON, readable by its owner only (it holds a client secret and a refresh token). */
export function writeCredentialFile(path: string, credentials: object): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
}

/** The path as a user would type it from `cwd`: relative when inside it. */
export function shownPath(path: string, cwd: string = process.cwd()): string {
  const inside = relative(cwd, path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}
