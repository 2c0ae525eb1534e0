/**
 * Every OS process the suite starts goes through here: it is spawned with its output in a log file,
 * its PID is recorded, and it is stopped by that PID only. The record outlives the processes so the
 * last spec can prove none of them is still running.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import { tailOf } from './runDirectory';
import { waitFor } from './waitFor';

export interface StartedProcess {
  pid: number;
  label: string;
}

const started: StartedProcess[] = [];

/** Records a PID the suite is responsible for (also used for processes started indirectly, such as the broker's VM). */
export function recordStartedPid(pid: number, label: string): void {
  if (!started.some((entry) => entry.pid === pid)) started.push({ pid, label });
}

/** All processes the suite started during this run. */
export function startedProcesses(): readonly StartedProcess[] {
  return started;
}

/** Whether the PID names a live process (a zombie counts as gone: it has exited and only awaits reaping). */
export function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return processAnswersSignalZero(pid);
  }
}

function processAnswersSignalZero(pid: number): boolean {
  if (fs.existsSync('/proc/self')) return false; // /proc exists but has no entry: gone
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The started processes that are still running. */
export function stillRunning(): StartedProcess[] {
  return started.filter((entry) => isRunning(entry.pid));
}

/** Sends a signal to one recorded PID if it is still running. */
export function signalPid(pid: number, signal: NodeJS.Signals): void {
  if (!isRunning(pid)) return;
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Last resort on abnormal exit (synchronous): SIGTERM to every recorded process that still runs. */
export function terminateAllStartedSync(): void {
  for (const entry of stillRunning()) signalPid(entry.pid, 'SIGTERM');
}

export interface LaunchOptions {
  label: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  logFile: string;
  /** Open an IPC channel (sailor reports init:started / init:ended over it). */
  ipc?: boolean;
  /** Called with each line the process writes to stdout or stderr. */
  onLine?: (line: string) => void;
}

/** A child process with its log, its exit state and a stop that escalates from SIGTERM to SIGKILL. */
export class LaunchedProcess {
  readonly pid: number;
  exitCode: number | null = null;
  exitSignal: NodeJS.Signals | null = null;
  private exited = false;
  private readonly exitPromise: Promise<void>;

  constructor(readonly child: ChildProcess, readonly label: string, readonly logFile: string) {
    if (child.pid === undefined) throw new Error(`${label} did not start (no PID); see ${logFile}`);
    this.pid = child.pid;
    this.exitPromise = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exited = true;
        this.exitCode = code;
        this.exitSignal = signal;
        resolve();
      });
    });
  }

  get running(): boolean {
    return !this.exited;
  }

  /** Resolves when the process has exited; rejects after `timeoutMs`. */
  async waitForExit(timeoutMs: number): Promise<void> {
    await waitFor(`${this.label} (PID ${this.pid}) to exit`, () => this.exited, { timeoutMs, intervalMs: 25 });
    await this.exitPromise;
  }

  /** SIGTERM, then SIGKILL if it is still running after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.exited) return;
    signalPid(this.pid, 'SIGTERM');
    try {
      await this.waitForExit(graceMs);
    } catch {
      signalPid(this.pid, 'SIGKILL');
      await this.waitForExit(5_000);
    }
  }
}

/** Spawns a process with stdout and stderr appended to `logFile`, and records its PID. */
export function launch(options: LaunchOptions): LaunchedProcess {
  const log = fs.createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? ['ipc' as const] : [])],
  });
  const launched = new LaunchedProcess(child, options.label, options.logFile);
  recordStartedPid(launched.pid, options.label);
  for (const stream of [child.stdout, child.stderr]) {
    if (stream === null) continue;
    readline.createInterface({ input: stream }).on('line', (line) => {
      if (!log.writableEnded) log.write(`${line}\n`);
      options.onLine?.(line);
    });
  }
  child.once('close', () => log.end());
  return launched;
}

/** Runs a short-lived command to completion (killed after `timeoutMs`); rejects with its log tail unless it exits 0. */
export async function runToCompletion(options: LaunchOptions, timeoutMs: number): Promise<void> {
  const launched = launch(options);
  try {
    await launched.waitForExit(timeoutMs);
  } catch (error) {
    await launched.stop(1_000);
    throw error;
  }
  if (launched.exitCode !== 0) {
    throw new Error(`${options.label} exited with ${launched.exitCode ?? launched.exitSignal}; log ${options.logFile}:\n${tailOf(options.logFile)}`);
  }
}
