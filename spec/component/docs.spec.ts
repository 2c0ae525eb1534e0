import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { listEntities } from '../../lib/catalog';
import { ENTITY_TABLE_PAGE, replaceEntityTable } from '../../scripts/catalog/readmeTable';
import { renderEntityTable } from '../../scripts/catalog/renderEntityTable';
import { githubSlug, headingAnchors } from '../helpers/markdown';

const root = path.resolve(__dirname, '../../..');
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');
const guides = fs.readdirSync(path.join(root, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`);
/** The README and the guides it links to under docs/. */
const documents = ['README.md', ...guides];

interface Field { label: string; viewClass: string; model?: unknown }
interface Manifest {
  credentials: { fields: Record<string, Field> };
  triggers: Record<string, { title: string; fields: Record<string, Field> }>;
  actions: Record<string, { title: string; fields?: Record<string, Field> }>;
}
const manifest = JSON.parse(read('component.json')) as Manifest;
const functions = [...Object.entries(manifest.triggers), ...Object.entries(manifest.actions)];

/** The README's text under a heading, down to the next heading of the same or a higher level. */
function section(readme: string, title: string): string {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => /^#{2,3} /.test(line) && line.replace(/^#+ /, '') === title);
  if (start < 0) throw new Error(`README has no section "${title}"`);
  const level = lines[start].indexOf(' ');
  const end = lines.findIndex((line, index) => index > start && /^#+ /.test(line) && line.indexOf(' ') <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** Rows of a field table: `| Field label | `jsonKey` | Values/notes |`, by JSON key. */
function fieldRows(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^\| [^|`]+ \| `([A-Za-z.]+)` \|(.*)$/gm)].map((match) => [match[1], match[0]]));
}

/**
 * Examples marked `<!-- example: examples/<function>/<case> -->`: a jsonc block whose `//` lines introduce the input
 * (the step's cfg, or the message) and then the output; [base, [input, output]] with both parsed.
 */
function examples(text: string): Array<[string, unknown[]]> {
  return [...text.matchAll(/<!-- example: (\S+) -->\n```jsonc\n([\s\S]*?)\n```/g)].map(([, base, block]) => {
    const parts = block.split(/^\/\/ .*$/m).map((part) => part.trim()).filter(Boolean);
    return [base, parts.map((part) => JSON.parse(part) as unknown)];
  });
}

/** The contents of the document's `sh` command blocks. */
function shellBlocks(text: string): string[] {
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]);
}

/** The text of the example block marked with `base`. */
function block(text: string, base: string): string {
  const start = text.indexOf(`<!-- example: ${base} -->`);
  return text.slice(start, text.indexOf('\n```\n', start + 1));
}

describe('README', () => {
  const readme = read('README.md');

  it('is a front door: the quick start at the top, a short way to the functions, and a short section for each', () => {
    const lines = readme.split('\n');
    const quickStart = lines.findIndex((line) => line === '## Quick start');
    expect(quickStart, 'the Quick start heading').to.be.within(0, 30);
    expect(lines.slice(quickStart, 40).join('\n')).to.include('npm ci').and.include('npm start').and.include('bin/lightspeed-retail.js run');
    // A reader takes the way in and then the section of the function at hand: those stay short as functions are added.
    expect(lines.findIndex((line) => line === '## Triggers'), 'lines before the first function').to.be.at.most(60);
    for (const [, { title }] of functions) expect(section(readme, title).split('\n').length, title).to.be.at.most(30);
    for (const title of ['Limits and throughput', 'Troubleshooting']) expect(section(readme, title).split('\n').length, title).to.be.at.most(20);
  });

  it('names near the top the two commands a newcomer needs: the main job on the simulator, and every test, which CI runs too', () => {
    const quickStart = section(readme, 'Quick start');
    const commands = shellBlocks(quickStart)[0].split('\n').map((line) => line.replace(/#.*$/, '').trim()).filter(Boolean);
    expect(commands).to.deep.equal(['npm ci && npm start', 'npm test']);
    expect(read('package.json')).to.include('"start": "node dist/scripts/demo.js"');
    const ci = read('.ci/run').split('\n').map((line) => line.trim());
    expect(ci, '.ci/run runs the README\'s test command').to.include('npm test');
  });

  it('stops, in the same command block, every process it starts in the background', () => {
    let checked = 0;
    for (const document of documents) {
      for (const block of shellBlocks(read(document)).filter((text) => /&(\s|$)/m.test(text.replace(/&&/g, '')))) {
        expect(block, document).to.match(/^kill /m);
        checked += 1;
      }
    }
    expect(checked).to.be.at.least(1);
  });

  it('links to every guide in docs/', () => {
    const linked = new Set([...readme.matchAll(/\]\((docs\/[^)#\s]+)/g)].map((match) => match[1]));
    expect(guides.filter((guide) => !linked.has(guide))).to.deep.equal([]);
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

  it('has a field table for every function and the credential: each field with its JSON key, and no other', () => {
    for (const [, { title, fields = {} }] of functions) {
      const rows = fieldRows(section(readme, title));
      expect([...rows.keys()].sort(), title).to.deep.equal(Object.keys(fields).sort());
      for (const [key, field] of Object.entries(fields)) expect(rows.get(key), `${title}: ${key}`).to.include(`| ${field.label} |`);
    }
    expect([...fieldRows(section(readme, 'Credentials')).keys()].sort()).to.deep.equal(Object.keys(manifest.credentials.fields).sort());
  });

  it('gives select values by the key the cfg takes (emitAll, not "Emit all")', () => {
    let checked = 0;
    for (const [, { title, fields = {} }] of functions) {
      const rows = fieldRows(section(readme, title));
      for (const [key, field] of Object.entries(fields)) {
        if (field.viewClass !== 'SelectView' || typeof field.model !== 'object' || field.model === null) continue;
        for (const value of Object.keys(field.model)) expect(rows.get(key), `${title}: ${key}`).to.include(`\`${value}\``);
        checked += 1;
      }
    }
    expect(checked).to.be.at.least(2);
  });

  it('shows for every trigger and action an example input and output, each the files under examples/ that a spec runs', () => {
    for (const [key, { title }] of functions) {
      const shown = examples(section(readme, title));
      expect(shown.length, `${title}: an example`).to.be.at.least(1);
      for (const [base, [input, output, ...rest]] of shown) {
        expect(base, title).to.match(new RegExp(`^examples/${key}/[\\w-]+$`));
        const inputFile = fs.existsSync(path.join(root, `${base}.msg.json`)) ? `${base}.msg.json` : `${base}.cfg.json`;
        expect(input, `${title}: ${inputFile}`).to.deep.equal(JSON.parse(read(inputFile)));
        expect(output, `${title}: ${base}.out.json`).to.deep.equal(JSON.parse(read(`${base}.out.json`)));
        expect(rest, title).to.deep.equal([]);
        const cfg = /^\/\/ cfg (\{.*\}), message in$/m.exec(block(section(readme, title), base));
        if (inputFile.endsWith('.msg.json')) expect(JSON.parse(cfg?.[1] ?? 'null'), `${title}: ${base}.cfg.json`).to.deep.equal(JSON.parse(read(`${base}.cfg.json`)));
      }
    }
  });

  it('gives the runner as `node bin/lightspeed-retail.js`: no command block runs it through npx (npm would warn EBADENGINE)', () => {
    for (const document of documents) {
      expect(shellBlocks(read(document)).filter((block) => /npx lightspeed-retail/.test(block)), document).to.deep.equal([]);
    }
    expect(readme).to.include('node bin/lightspeed-retail.js run');
  });

  it('computes anchors as GitHub does', () => {
    expect(githubSlug('Deploy to elastic.io')).to.equal('deploy-to-elasticio');
    expect(githubSlug('Lookup Object By ID')).to.equal('lookup-object-by-id');
    expect([...headingAnchors('# A\n```sh\n# not a heading\n```\n## A\n### `npx` and more\n')]).to.deep.equal(['a', 'a-1', 'npx-and-more']);
  });
});

describe(ENTITY_TABLE_PAGE, () => {
  it('holds the entity support table generated from the catalog (run `npm run generate` when this fails)', () => {
    const page = read(ENTITY_TABLE_PAGE);
    expect(replaceEntityTable(page, renderEntityTable(listEntities()))).to.equal(page);
  });
});
