import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The component's root: the nearest directory at or above `from` that holds component.json. */
export function findPackageRoot(from: string = __dirname): string {
  // Walking up works both from cli/ (ts-node) and from dist/cli/ (the build), and from an installed package.
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'component.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No component.json found in ${from} or any directory above it`);
  }
}
