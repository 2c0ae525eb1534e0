import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { listEntities } from '../../lib/catalog';
import { replaceEntityTable } from '../../scripts/catalog/readmeTable';
import { renderEntityTable } from '../../scripts/catalog/renderEntityTable';
import { githubSlug, headingAnchors } from '../helpers/markdown';

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

  it('links only to sections that exist (GitHub\'s heading anchors)', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const anchors = headingAnchors(readme);
    const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]);
    expect(links.length).to.be.greaterThan(10);
    expect(links.filter((anchor) => !anchors.has(anchor))).to.deep.equal([]);
  });

  it('computes anchors as GitHub does', () => {
    expect(githubSlug('Deploy to elastic.io')).to.equal('deploy-to-elasticio');
    expect(githubSlug('Lookup Object By ID')).to.equal('lookup-object-by-id');
    expect([...headingAnchors('# A\n```sh\n# not a heading\n```\n## A\n### `npx` and more\n')]).to.deep.equal(['a', 'a-1', 'npx-and-more']);
  });
});
