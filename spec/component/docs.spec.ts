import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { listEntities } from '../../lib/catalog';
import { replaceEntityTable } from '../../scripts/catalog/readmeTable';
import { renderEntityTable } from '../../scripts/catalog/renderEntityTable';
import { githubSlug, headingAnchors } from '../helpers/markdown';

const root = path.resolve(__dirname, '../../..');
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');
/** The README and the guides it links to under docs/. */
const documents = ['README.md', ...fs.readdirSync(path.join(root, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];

interface Manifest {
  credentials: { fields: Record<string, unknown> };
  triggers: Record<string, { title: string; fields: Record<string, unknown> }>;
  actions: Record<string, { title: string; fields?: Record<string, unknown> }>;
}

/** The README's text under a heading, down to the next heading of the same or a higher level. */
function section(readme: string, title: string): string {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => /^#{2,3} /.test(line) && line.replace(/^#+ /, '') === title);
  if (start < 0) throw new Error(`README has no section "${title}"`);
  const level = lines[start].indexOf(' ');
  const end = lines.findIndex((line, index) => index > start && /^#+ /.test(line) && line.indexOf(' ') <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** JSON keys of a field table: rows that start `| Label (`key`) |`, or `| Label | `key` |` (label, key, notes). */
function documentedKeys(text: string): string[] {
  return [...text.matchAll(/^\| (?:[^|]*\(`([A-Za-z.]+)`\)|[^|`]+ \| `([A-Za-z.]+)`) \|/gm)].map((match) => match[1] ?? match[2]);
}

describe('README', () => {
  it('holds the entity support table generated from the catalog (run `npm run generate` when this fails)', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(replaceEntityTable(readme, renderEntityTable(listEntities()))).to.equal(readme);
  });


  it('links, from the README and every guide in docs/, only to files and sections that exist', () => {
    let checked = 0;
    for (const document of documents) {
      const text = read(document);
      for (const [, link] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(link)) continue;
        const [file, anchor] = link.split('#');
        const target = file === '' ? document : path.posix.normalize(path.posix.join(path.posix.dirname(document), file));
        expect(fs.existsSync(path.join(root, target)), `${document}: ${link}`).to.equal(true);
        if (anchor !== undefined && target.endsWith('.md')) {
          expect(headingAnchors(read(target)).has(anchor), `${document}: ${link}`).to.equal(true);
        }
        checked += 1;
      }
    }
    expect(checked).to.be.greaterThan(40);
  });

  it('lists every field of every function and of the credential with its JSON key, and no other', () => {
    const readme = read('README.md');
    const manifest = JSON.parse(read('component.json')) as Manifest;
    const functions = [...Object.values(manifest.triggers), ...Object.values(manifest.actions)];
    for (const { title, fields = {} } of functions) {
      expect(documentedKeys(section(readme, title)).sort(), title).to.deep.equal(Object.keys(fields).sort());
    }
    const credentialTable = section(readme, 'Credentials');
    expect(documentedKeys(credentialTable).sort()).to.deep.equal(Object.keys(manifest.credentials.fields).sort());
  });

  it('computes anchors as GitHub does', () => {
    expect(githubSlug('Deploy to elastic.io')).to.equal('deploy-to-elasticio');
    expect(githubSlug('Lookup Object By ID')).to.equal('lookup-object-by-id');
    expect([...headingAnchors('# A\n```sh\n# not a heading\n```\n## A\n### `npx` and more\n')]).to.deep.equal(['a', 'a-1', 'npx-and-more']);
  });
});
