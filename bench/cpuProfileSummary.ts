/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by file:function, and time attributed to the
 * nearest project function on the stack (lib/, simulator/, bench/), so that time in axios or Node internals counts
 * for the project code that called it.
 * Usage: node dist/bench/cpuProfileSummary.js file.cpuprofile [--top 25] (profilePoll.js prints it directly)
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const PROJECT_DIRS = ['lib', 'simulator', 'bench'];

/** `file:///work/main/dist/lib/client/normalize.js` -> `lib/client/normalize.ts`; other URLs shortened. */
export function sourceName(url: string): string {
  const project = /\/dist\/((?:lib|simulator|bench)\/.*)\.js$/.exec(url);
  if (project) return `${project[1]}.ts`;
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return `node_modules/${dependency[1]}`;
  return url === '' ? '(native)' : url.replace(/^node:/, 'node:');
}

function isProject(url: string): boolean {
  return PROJECT_DIRS.some((dir) => url.includes(`/dist/${dir}/`));
}

function label(frame: CallFrame): string {
  return `${sourceName(frame.url)}:${frame.functionName || '(anonymous)'}`;
}

export interface ProfileSummary {
  totalMs: number;
  selfByFunction: Array<[string, number]>;
  selfByFile: Array<[string, number]>;
  attributed: Array<[string, number]>;
}

export function summarize(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfByFunction = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  const attributed = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number): void => { map.set(key, (map.get(key) ?? 0) + ms); };
  let totalMs = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    // Walk up to the nearest project frame: axios under transport.ts counts for transport.ts.
    let current: ProfileNode | undefined = node;
    while (current && !isProject(current.callFrame.url)) current = byId.get(parent.get(current.id) ?? -1);
    // Starting and stopping the profiler is sampled too; it is not the code under test.
    if (current?.callFrame.url.includes('/dist/bench/cpuProfiler')) return;
    totalMs += ms;
    add(selfByFunction, label(node.callFrame), ms);
    add(selfByFile, sourceName(node.callFrame.url), ms);
    const idle = ['(idle)', '(program)', '(garbage collector)'].includes(node.callFrame.functionName);
    add(attributed, current ? label(current.callFrame) : idle ? node.callFrame.functionName : '(no project frame on the stack)', ms);
  });
  const sorted = (map: Map<string, number>): Array<[string, number]> => [...map.entries()].sort((a, b) => b[1] - a[1]);
  return { totalMs, selfByFunction: sorted(selfByFunction), selfByFile: sorted(selfByFile), attributed: sorted(attributed) };
}

function print(title: string, rows: Array<[string, number]>, totalMs: number, top: number): void {
  console.log(`\n${title}`);
  for (const [name, ms] of rows.slice(0, top)) {
    console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / totalMs).toFixed(1).padStart(5)}%  ${name}`);
  }
}

export function printSummary(summary: ProfileSummary, top: number): void {
  console.log(`${summary.totalMs.toFixed(0)} ms sampled`);
  print('self time by file', summary.selfByFile, summary.totalMs, top);
  print('self time by file:function', summary.selfByFunction, summary.totalMs, top);
  print('time attributed to the nearest project function on the stack', summary.attributed, summary.totalMs, top);
}

function main(): void {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpuProfileSummary.js file.cpuprofile [--top 25]');
  const topIndex = rest.indexOf('--top');
  printSummary(summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile), topIndex >= 0 ? Number(rest[topIndex + 1]) : 25);
}

if (require.main === module) main();
