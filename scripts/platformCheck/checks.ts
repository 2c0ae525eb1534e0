/**
 * What the platform does with a built component, checked on the tree its build leaves behind: the modules load with
 * production dependencies only, and the trigger runs as sailor calls it. Everything is loaded by path from
 * component.json, as sailor does; nothing here imports the component's lib.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFunctions } from '../../cli/run/componentFunctions';
import { loadHandler } from '../../cli/run/loadHandler';
import { sailorContext } from '../../cli/run/sailorContext';
import type { Logger } from '../../lib/client/http';

type Fields = Record<string, { model?: unknown }>;
interface ManifestFunction { main: string; fields?: Fields; dynamicMetadata?: boolean }

/** The build removed spec* and pruned devDependencies: a check that passes on a dev tree proves nothing. */
export function assertProductionTree(root: string): string {
  const left = ['spec', 'spec-e2e'].filter((dir) => existsSync(join(root, dir)));
  if (left.length > 0) throw new Error(`${left.join(', ')} still present: the build removes spec*`);
  const devTools = ['typescript', 'mocha', 'chai'].filter((name) => resolvable(name, root));
  if (devTools.length > 0) throw new Error(`devDependencies still installed (${devTools.join(', ')}): the build prunes them`);
  return 'no spec*, no devDependencies (typescript, mocha, chai absent)';
}

/** Requires every main of component.json and verifyCredentials.js, and checks the exports sailor will call. */
export function loadEveryFunction(root: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'component.json'), 'utf8')) as Record<string, Record<string, ManifestFunction> | undefined>;
  const declared: Record<string, ManifestFunction> = { ...manifest.triggers, ...manifest.actions };
  const functions = listFunctions(root);
  for (const fn of functions) {
    loadHandler(fn, undefined);
    const entry = declared[fn.name];
    if (!entry) continue;
    if (entry.dynamicMetadata) loadHandler(fn, 'getMetaModel');
    for (const field of Object.values(entry.fields ?? {})) if (typeof field.model === 'string') loadHandler(fn, field.model);
  }
  const triggers = functions.filter((fn) => fn.kind === 'trigger').length;
  const actions = functions.filter((fn) => fn.kind === 'action').length;
  return `${triggers} trigger(s), ${actions} action(s) and verifyCredentials.js load; process, getMetaModel and select models exported`;
}

export interface TriggerRun {
  records: Array<Record<string, unknown>>;
  snapshots: Array<Record<string, unknown>>;
  updateKeys: Array<Record<string, unknown>>;
  logs: string[];
}

/** One scheduled tick of a trigger (body `{}`), called as sailor calls it. */
export async function runTrigger(root: string, name: string, cfg: Record<string, unknown>, snapshot: Record<string, unknown>): Promise<TriggerRun> {
  const fn = listFunctions(root).find((candidate) => candidate.name === name && candidate.kind === 'trigger');
  if (!fn) throw new Error(`component.json has no trigger ${name}`);
  const handler = loadHandler(fn, 'process');
  const run: TriggerRun = { records: [], snapshots: [], updateKeys: [], logs: [] };
  const context = sailorContext(collectingLogger(run.logs), (event, payload) => {
    if (event === 'data') run.records.push((payload as { body: Record<string, unknown> }).body);
    if (event === 'snapshot') run.snapshots.push(payload as Record<string, unknown>);
    if (event === 'updateKeys') run.updateKeys.push(payload as Record<string, unknown>);
  });
  const message = { id: 'platform-check-tick', body: {}, headers: {}, attachments: {}, metadata: {} };
  const returned = await handler.call(context, message, cfg, snapshot);
  if (returned) run.records.push(returned as Record<string, unknown>);
  return run;
}

function collectingLogger(lines: string[]): Logger {
  const write = (level: string) => (...args: unknown[]) => { lines.push(`[${level}] ${args.map(String).join(' ')}`); };
  return { debug: () => undefined, info: write('info'), warn: write('warn'), error: write('error') };
}

function resolvable(name: string, root: string): boolean {
  try {
    require.resolve(name, { paths: [root] });
    return true;
  } catch {
    return false;
  }
}
