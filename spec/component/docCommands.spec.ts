import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { listExamples, runInProcess } from '../../scripts/examples/runExample';
import { Simulator, startSimulator } from '../../simulator';
import { ROOT, tempDir, writeJson } from '../cli/helpers';

const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');
const RUNNER = 'node bin/lightspeed-retail.js ';
const RUN = `${RUNNER}run `;

/** The `run` command lines in a document's `sh` blocks, continuation lines joined, comments and redirections cut. */
function runnerCommands(document: string): string[] {
  const blocks = [...read(document).matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]);
  return blocks.flatMap((block) => block.replace(/\\\n\s*/g, '').split('\n'))
    .map((line) => line.replace(/\s#.*$/, '').replace(/\s>\s*\S+\s*$/, '').trim())
    .filter((line) => line.startsWith(RUN));
}

describe('the docs\' command lines of the local runner run as written, against the simulator alone', () => {
  let sim: Simulator;
  let dir: string;
  let cleanup: () => void;
  before(async () => {
    sim = await startSimulator({});
    ({ dir, cleanup } = tempDir());
    // Where a reader runs them: the repository, whose local/ holds the simulator's credential once it started.
    fs.symlinkSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'));
    fs.mkdirSync(path.join(dir, 'local'));
    writeJson(dir, 'local/simulator-credential.json', sim.credentials);
  });
  after(async () => {
    cleanup();
    await sim.close();
  });

  for (const document of ['README.md', 'docs/local-runs.md']) {
    it(`${document}: each command, in order, with only the simulator's credential: exit 0, data emitted`, async () => {
      const commands = runnerCommands(document).filter((command) => !command.includes('<function>'));
      expect(commands.length, 'commands').to.be.at.least(document === 'README.md' ? 1 : 5);
      for (const command of commands) {
        expect(command, 'only the simulator\'s credential and the files of examples/').to.match(/--credential local\/simulator-credential\.json/)
          .and.not.match(/local\/(credential|step|msg)\.json/);
        const result = await runInProcess(command.slice(RUNNER.length).split(/\s+/), dir);
        expect(result.code, `${command}\n${result.stderr}`).to.equal(0);
        expect(result.stdout, command).to.match(/"event":"data"|"event":"snapshot"/);
      }
    });
  }

  it('docs/local-runs.md: the trigger\'s command serves the first run and the next one (the snapshot file appears in between)', async () => {
    const [trigger] = runnerCommands('docs/local-runs.md').filter((command) => command.includes('--snapshot '));
    expect(trigger).to.include('--snapshot local/snapshot.json --snapshot-out local/snapshot.json').and.not.include('--msg');
    fs.rmSync(path.join(dir, 'local/snapshot.json'), { force: true });
    const first = await runInProcess(trigger.slice(RUNNER.length).split(/\s+/), dir);
    expect(first.stderr).to.include('--snapshot local/snapshot.json does not exist yet: starting without a snapshot');
    const next = await runInProcess(trigger.slice(RUNNER.length).split(/\s+/), dir);
    expect(next.stdout).not.to.include('"event":"data"');
  });

  it('docs/local-runs.md: the generic command passes --msg to actions only, and the table lists every example', () => {
    const generic = runnerCommands('docs/local-runs.md').filter((command) => command.includes('<function>'));
    expect(generic.map((command) => command.includes('--msg'))).to.deep.equal([true, false]);
    const rows = [...read('docs/local-runs.md').matchAll(/^\| `(\w+)` \| `([\w-]+)` \| (.*) \|$/gm)];
    const examples = listExamples(ROOT);
    expect(rows.map(([, fn, name]) => `${fn}/${name}`).sort()).to.deep.equal(examples.map((example) => `${example.fn}/${example.name}`).sort());
    for (const [, fn, name, text] of rows) {
      const example = examples.find((candidate) => candidate.fn === fn && candidate.name === name);
      expect(text.includes('no `--msg`'), `${fn} ${name}`).to.equal(example?.msg === undefined);
    }
  });

  it('docs/local-runs.md names every function the runner takes', () => {
    const manifest = JSON.parse(read('component.json')) as { triggers: object; actions: object };
    const row = /^\| `<function>` \|(.*)$/m.exec(read('docs/local-runs.md'))?.[1] ?? '';
    for (const name of [...Object.keys(manifest.triggers), ...Object.keys(manifest.actions), 'verifyCredentials']) expect(row).to.include(`\`${name}\``);
  });
});
