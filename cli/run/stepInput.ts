import { existsSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';
import { readJsonObject } from '../jsonFile';
import { UsageError } from '../usageError';

/** The file `npm run simulator` writes (simulator/credentialFile.ts): missing, the simulator has not been started. */
const SIMULATOR_CREDENTIAL = 'simulator-credential.json';

/** Environment variables that can stand in for credential fields (only where the files leave a field empty). */
export const CREDENTIAL_ENV_VARS: Record<string, string> = {
  clientId: 'LIGHTSPEED_CLIENT_ID',
  clientSecret: 'LIGHTSPEED_CLIENT_SECRET',
  refreshToken: 'LIGHTSPEED_REFRESH_TOKEN',
  accountId: 'LIGHTSPEED_ACCOUNT_ID',
  environmentUrl: 'LIGHTSPEED_ENVIRONMENT_URL',
  tokenUrl: 'LIGHTSPEED_TOKEN_URL',
};

/** Where the step's cfg came from, which the token persistence needs to decide where a rotated token goes. */
export interface StepInput {
  /** Step fields merged with the credential's, as sailor hands them to a handler. */
  cfg: Record<string, unknown>;
  /** The files as read, by absolute path (the credential file is merged over the cfg file). */
  cfgFile?: LoadedFile;
  credentialFile?: LoadedFile;
  /** Credential fields that were filled from environment variables. */
  fromEnv: string[];
}

/** A JSON file named on the command line. */
export interface LoadedFile {
  /** As the user typed it, for messages. */
  shownAs: string;
  path: string;
  content: Record<string, unknown>;
}

/** Options naming the input files. */
export interface StepInputOptions {
  cfgPath?: string;
  credentialPath?: string;
  credentialFields: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * Reads `--cfg` and `--credential` and fills missing credential fields from LIGHTSPEED_* variables.
 * Precedence: the credential file, then the cfg file, then the environment. Files win because the runner writes
 * rotated tokens back to them: a file holds the newest token, an environment variable may hold a revoked one.
 */
export function loadStepInput(options: StepInputOptions): StepInput {
  const cfgFile = options.cfgPath === undefined ? undefined : loadFile(options.cfgPath, '--cfg', options.cwd);
  const credentialFile = options.credentialPath === undefined ? undefined : loadFile(options.credentialPath, '--credential', options.cwd);
  const cfg: Record<string, unknown> = { ...cfgFile?.content };
  for (const field of [...options.credentialFields, 'oauth']) {
    if (credentialFile && !isBlank(credentialFile.content[field])) cfg[field] = credentialFile.content[field];
  }
  const fromEnv: string[] = [];
  for (const [field, variable] of Object.entries(CREDENTIAL_ENV_VARS)) {
    const value = options.env[variable];
    if (isBlank(cfg[field]) && !isBlank(value)) {
      cfg[field] = value;
      fromEnv.push(field);
    }
  }
  return { cfg, cfgFile, credentialFile, fromEnv };
}

/** True when a file holds at least one credential field (or stored tokens), so a rotated token belongs there. */
export function holdsCredential(file: LoadedFile | undefined, credentialFields: string[]): boolean {
  return file !== undefined && [...credentialFields, 'oauth'].some((field) => !isBlank(file.content[field]));
}

/** An absolute path for a path typed on the command line. */
export function resolvePath(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

function loadFile(shownAs: string, option: string, cwd: string): LoadedFile {
  const path = resolvePath(shownAs, cwd);
  if (basename(path) === SIMULATOR_CREDENTIAL && !existsSync(path)) {
    throw new UsageError(`${option}: no such file ${shownAs}: the simulator writes it when it starts (npm run simulator -- --port 8787)`);
  }
  return { shownAs, path, content: readJsonObject(path, option) };
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
