import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './usageError';

/** A JSON object read from a file the user named; a missing or broken file is a usage error. */
export function readJsonObject(path: string, option: string): Record<string, unknown> {
  if (!existsSync(path)) throw new UsageError(`${option}: no such file ${path}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${option}: ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(`${option}: ${path} must hold a JSON object`);
  return parsed as Record<string, unknown>;
}

/** The JSON object in `path`, or `{}` when the file does not exist yet. */
export function readJsonObjectIfExists(path: string, option: string): Record<string, unknown> {
  return existsSync(path) ? readJsonObject(path, option) : {};
}

/**
 * Writes `value` as JSON through a temporary file in the same directory and a rename, so a crash or a full disk
 * never leaves half a credential behind. Mode 0600: the file holds secrets. A missing directory (`local/`) is made.
 */
export function writeJsonAtomically(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
