/** The generator's only I/O: reading the raw catalog and (re)writing generated files. */
import * as fs from 'fs';
import * as path from 'path';
import { asRawCatalog, RawCatalog } from './rawCatalog';
import { GeneratedFile, SCHEMAS_DIR } from './generatedFiles';
import { RawObserved, withObserved } from './observed';
import { buildCatalog } from './buildCatalog';
import { EntitySpec } from '../../lib/catalog/types';

export const RAW_CATALOG_FILE = 'data/lightspeed-api/catalog.json';
export const OBSERVED_FILE = 'data/real-recordings/observed.json';

/** Parses data/lightspeed-api/catalog.json under `root`. */
export function readRawCatalog(root: string): RawCatalog {
  return asRawCatalog(JSON.parse(fs.readFileSync(path.join(root, RAW_CATALOG_FILE), 'utf8')));
}

/** Parses data/real-recordings/observed.json under `root`: what real answers show beyond the docs. */
export function readObserved(root: string): RawObserved {
  return JSON.parse(fs.readFileSync(path.join(root, OBSERVED_FILE), 'utf8')) as RawObserved;
}

/** The catalog as the generator writes it: the docs' facts, then the observed layer over them. */
export function readCatalog(root: string): EntitySpec[] {
  return withObserved(buildCatalog(readRawCatalog(root)), readObserved(root));
}

/** Replaces schemas/ wholesale (so schemas of removed entities disappear) and writes every file. */
export function writeGeneratedFiles(root: string, files: readonly GeneratedFile[]): void {
  fs.rmSync(path.join(root, SCHEMAS_DIR, 'out'), { recursive: true, force: true });
  fs.rmSync(path.join(root, SCHEMAS_DIR, 'in'), { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(root, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
  }
}

/** Repo-relative paths (forward slashes) of every file below `dir`. */
export function listFiles(root: string, dir: string): string[] {
  const absolute = path.join(root, dir);
  if (!fs.existsSync(absolute)) return [];
  return fs.readdirSync(absolute, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    return entry.isDirectory() ? listFiles(root, relative) : [relative];
  });
}

/** Rewrites a page of the repository (`relative` to the root); returns false when it or its markers are missing. */
export function updatePage(root: string, relative: string, replace: (page: string) => string | null): boolean {
  const pagePath = path.join(root, relative);
  if (!fs.existsSync(pagePath)) return false;
  const updated = replace(fs.readFileSync(pagePath, 'utf8'));
  if (updated === null) return false;
  fs.writeFileSync(pagePath, updated);
  return true;
}
