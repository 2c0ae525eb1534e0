import { expect } from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import { listFiles } from '../../scripts/catalog/fileSystem';
import { generatedFiles, SCHEMAS_DIR } from '../../scripts/catalog/generatedFiles';
import { freshCatalog, repoRoot } from './support';

const STALE = 'is out of date with data/lightspeed-api/catalog.json: run `npm run generate` and commit the result';

describe('generated files are in sync with data/lightspeed-api', () => {
  const expected = generatedFiles(freshCatalog());

  it('lib/catalog/entities.json and every schema equal what the generator produces now', () => {
    for (const file of expected) {
      const target = path.join(repoRoot, file.path);
      const onDisk = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
      expect(onDisk === file.content, `${file.path} ${onDisk === null ? 'is missing' : STALE}`).to.equal(true);
    }
  });

  it('schemas/ holds no file the generator would not write', () => {
    const wanted = new Set(expected.map((file) => file.path));
    const extra = listFiles(repoRoot, SCHEMAS_DIR).filter((file) => !wanted.has(file));
    expect(extra, `stale schema files; run \`npm run generate\``).to.deep.equal([]);
  });
});
