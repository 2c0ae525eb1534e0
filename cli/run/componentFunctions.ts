import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { didYouMean } from '../../lib/text/suggest';
import { UsageError } from '../usageError';

/** A function of the component as component.json declares it. */
export interface ComponentFunction {
  name: string;
  kind: 'trigger' | 'action' | 'verifyCredentials';
  title: string;
  /** Absolute path of the module sailor would require. */
  modulePath: string;
  /** The step fields component.json declares (cfg keys besides the credential's). */
  fields: string[];
}

interface ManifestFunction {
  title?: string;
  main: string;
  fields?: Record<string, unknown>;
}

interface Manifest {
  triggers?: Record<string, ManifestFunction>;
  actions?: Record<string, ManifestFunction>;
  credentials?: { fields?: Record<string, unknown> };
}

/** Reads component.json from the package root. */
export function readManifest(root: string): Manifest {
  return JSON.parse(readFileSync(join(root, 'component.json'), 'utf8')) as Manifest;
}

/** Every function a flow can use, plus verifyCredentials, with the module path sailor would load. */
export function listFunctions(root: string): ComponentFunction[] {
  const manifest = readManifest(root);
  const declared = (kind: 'trigger' | 'action', entries: Manifest['triggers'] = {}) => Object.entries(entries).map(([name, entry]) => (
    { name, kind, title: entry.title ?? name, modulePath: resolve(root, entry.main), fields: Object.keys(entry.fields ?? {}) }));
  const steps = [...declared('trigger', manifest.triggers), ...declared('action', manifest.actions)];
  // Sailor looks for verifyCredentials.js at the component root, not in component.json. It is often run with a
  // step's cfg file, so every step field is at home in its cfg.
  const allFields = [...new Set(steps.flatMap((step) => step.fields))];
  return [...steps, { name: 'verifyCredentials', kind: 'verifyCredentials', title: 'Verify credentials', modulePath: join(root, 'verifyCredentials.js'), fields: allFields }];
}

/** The function named on the command line, or a UsageError listing the names there are. */
export function findFunction(root: string, name: string): ComponentFunction {
  const functions = listFunctions(root);
  const found = functions.find((candidate) => candidate.name === name);
  if (!found) throw new UsageError(`unknown function "${name}"${didYouMean(name, functions.map((f) => f.name)) || '.'} The functions: ${functionNames(root)}`);
  return found;
}

/** Every function's name, for a message: `pollingEntity, completedSales, ...`. */
export function functionNames(root: string): string {
  return listFunctions(root).map((fn) => fn.name).join(', ');
}

/** Credential field names, from component.json (the contract the platform fills cfg with). */
export function credentialFieldNames(root: string): string[] {
  return Object.keys(readManifest(root).credentials?.fields ?? {});
}
