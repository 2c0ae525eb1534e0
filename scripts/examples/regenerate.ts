/**
 * `npm run examples`: runs every ready step of examples/ alone on a fresh simulator (scripts/examples/runExample.ts)
 * and brings each `<case>.out.json`, and the README's output of that example, up to date with what it emitted,
 * keeping the keys and list elements the file shows. A new example gets its output by writing a `<case>.out.json`
 * that names the keys to show (`{"itemID": 0, "description": ""}`): this fills in their values.
 * spec/component/examples.spec.ts fails while an output differs from a fresh run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../../cli/packageRoot';
import { Example, listExamples, runExample } from './runExample';
import { closestMessage, oneLine, retrim } from './trim';

const root = findPackageRoot(__dirname);

/** The README with the output of the example marked `<!-- example: base -->` replaced, when it differs. */
export function withReadmeOutput(readme: string, base: string, output: unknown): string {
  const marker = `<!-- example: ${base} -->\n\`\`\`jsonc\n`;
  const start = readme.indexOf(marker);
  if (start < 0) return readme;
  const end = readme.indexOf('\n```', start + marker.length);
  const block = readme.slice(start + marker.length, end);
  const lastComment = [...block.matchAll(/^\/\/ .*$/gm)].at(-1);
  if (!lastComment || lastComment.index === undefined) return readme;
  const outputAt = start + marker.length + lastComment.index + lastComment[0].length + 1;
  const shown = readme.slice(outputAt, end);
  if (oneLine(JSON.parse(shown)) === oneLine(output)) return readme;
  return `${readme.slice(0, outputAt)}${oneLine(output)}${readme.slice(end)}`;
}

async function regenerate(example: Example): Promise<unknown> {
  const run = await runExample(example);
  if (run.code !== 0 || run.data.length === 0) throw new Error(`${example.base} failed (exit ${run.code}):\n${run.stdout}${run.stderr}`);
  if (!example.out) return undefined;
  const shown = JSON.parse(readFileSync(example.out, 'utf8')) as unknown;
  return retrim(shown, closestMessage(shown, run.data));
}

async function main(): Promise<void> {
  const readmePath = join(root, 'README.md');
  let readme = readFileSync(readmePath, 'utf8');
  for (const example of listExamples(root)) {
    const output = await regenerate(example);
    if (output === undefined || !example.out) {
      console.log(`${example.base}: runs (no .out.json)`);
      continue;
    }
    const text = `${oneLine(output)}\n`;
    const changed = readFileSync(example.out, 'utf8') !== text;
    if (changed) writeFileSync(example.out, text);
    readme = withReadmeOutput(readme, example.base, output);
    console.log(`${example.base}: ${changed ? 'output updated' : 'output as shown'}`);
  }
  if (readme !== readFileSync(readmePath, 'utf8')) {
    writeFileSync(readmePath, readme);
    console.log('README.md: example outputs updated (rewrap long lines by hand if you like: the spec compares the JSON)');
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
