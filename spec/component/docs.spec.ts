import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { listEntities } from '../../lib/catalog';
import { replaceEntityTable } from '../../scripts/catalog/readmeTable';
import { renderEntityTable } from '../../scripts/catalog/renderEntityTable';

const root = path.resolve(__dirname, '../../..');

describe('README', () => {
  it('holds the entity support table generated from the catalog (run `npm run generate` when this fails)', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(replaceEntityTable(readme, renderEntityTable(listEntities()))).to.equal(readme);
  });

  it('documents every function of component.json', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const title of ['Polling entity', 'Create Object', 'Upsert Object', 'Update Object', 'Lookup Object By ID', 'Delete Object By ID', 'Make Raw Request']) {
      expect(readme).to.contain(`## ${title}`);
    }
  });
});
