/** Runs a Node script as a child process and measures its peak RSS: GNU time when installed, else its own report. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export const GNU_TIME = '/usr/bin/time';

export interface ChildRun {
  stdout: string;
  stderr: string;
  /** Peak RSS of the whole child process, in kilobytes. */
  peakRssKb: number;
  source: 'GNU time -v (Maximum resident set size)' | 'process.resourceUsage().maxRSS in the child';
}

/**
 * `node nodeArgs script args` with `env` added. The child must print its own `maxRssKb` as the last JSON line of
 * stdout; it is the figure used when /usr/bin/time is missing (a fresh CI machine).
 */
export async function runNodeMeasured(script: string, args: string[], env: Record<string, string>, nodeArgs: string[] = []): Promise<ChildRun> {
  const gnuTime = existsSync(GNU_TIME);
  const node = [...nodeArgs, script, ...args];
  const [command, commandArgs] = gnuTime ? [GNU_TIME, ['-v', process.execPath, ...node]] : [process.execPath, node];
  const { stdout, stderr, code } = await run(command, commandArgs, { ...process.env, ...env });
  if (code !== 0) {
    const own = stderr.split('\tCommand being timed:')[0].trim(); // without GNU time's report
    throw new Error(`${script} exited with ${code}: ${own.split('\n').slice(0, 3).join(' | ')}`);
  }
  if (gnuTime) {
    const match = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(stderr);
    if (match) return { stdout, stderr, peakRssKb: Number(match[1]), source: 'GNU time -v (Maximum resident set size)' };
  }
  return { stdout, stderr, peakRssKb: selfReportedRssKb(stdout), source: 'process.resourceUsage().maxRSS in the child' };
}

/** The last JSON line of the child's stdout, parsed. */
export function lastJsonLine(stdout: string): Record<string, unknown> {
  const line = stdout.trim().split('\n').filter((text) => text.startsWith('{')).at(-1);
  if (!line) throw new Error(`the child printed no JSON report: ${stdout.slice(0, 200)}`);
  return JSON.parse(line) as Record<string, unknown>;
}

function selfReportedRssKb(stdout: string): number {
  const value = lastJsonLine(stdout).maxRssKb;
  if (typeof value !== 'number') throw new Error('the child reported no maxRssKb');
  return value;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    // Asynchronous on purpose: the simulator the child talks to runs in this process and must keep serving.
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.once('error', reject);
    child.once('close', (code) => resolve({ stdout, stderr, code }));
  });
}
