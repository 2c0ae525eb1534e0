/** The component's root (component.json, verifyCredentials.js, dist/), where sailor runs. */
import fs from 'node:fs';
import path from 'node:path';

function findComponentRoot(start: string): string {
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (fs.existsSync(path.join(directory, 'component.json')) && fs.existsSync(path.join(directory, 'package.json'))) return directory;
    if (path.dirname(directory) === directory) throw new Error(`no component.json above ${start}`);
  }
}

export const COMPONENT_ROOT = findComponentRoot(__dirname);
