import { readJsonObjectIfExists, writeJsonAtomically } from '../jsonFile';
import { CREDENTIAL_ENV_VARS, StepInput, holdsCredential, resolvePath } from './stepInput';

/** Thrown from `updateKeys` when a rotated token has nowhere to go: stopping keeps the old token alive. */
export class NowhereToSaveError extends Error {
  constructor() {
    super('Lightspeed rotated the refresh token, but the credential came from environment variables and there is no '
      + 'file to save the new one to. The run stopped before using the new token, so LIGHTSPEED_REFRESH_TOKEN still '
      + 'works: run again with --save-credential local/credential.json to keep rotated tokens (and --credential '
      + 'local/credential.json after that).');
    this.name = 'NowhereToSaveError';
  }
}

interface Target {
  path: string;
  shownAs: string;
  /** --save-credential writes the whole credential; an existing file only gets the tokens and the fields it had. */
  wholeCredential: boolean;
}

/**
 * Returns the `updateKeys` handler of a run: it merges the rotated credential into the file the credential came
 * from (or `--save-credential`) and says so on stderr. It runs before the new access token is first used, which is
 * what revokes the old refresh token, so when it throws nothing is lost.
 */
export function rotatedTokenSaver(
  input: StepInput, saveCredentialPath: string | undefined, credentialFields: string[], cwd: string, notice: (text: string) => void,
): (keys: Record<string, unknown>) => void {
  const target = chooseTarget(input, saveCredentialPath, credentialFields, cwd);
  return (keys) => {
    if (!target) throw new NowhereToSaveError();
    const current = readJsonObjectIfExists(target.path, '--save-credential');
    const next: Record<string, unknown> = { ...current };
    for (const [field, value] of Object.entries(keys)) {
      if (target.wholeCredential || field === 'refreshToken' || field === 'oauth' || field in current) next[field] = value;
    }
    writeJsonAtomically(target.path, next);
    const envNote = input.fromEnv.includes('refreshToken')
      ? ` (it takes precedence over ${CREDENTIAL_ENV_VARS.refreshToken}, which stops working now)` : '';
    notice(`Lightspeed rotated the refresh token; saved the new one to ${target.shownAs}${envNote}`);
  };
}

function chooseTarget(input: StepInput, saveCredentialPath: string | undefined, credentialFields: string[], cwd: string): Target | undefined {
  if (saveCredentialPath !== undefined) return { path: resolvePath(saveCredentialPath, cwd), shownAs: saveCredentialPath, wholeCredential: true };
  if (input.credentialFile) return { ...input.credentialFile, wholeCredential: false };
  if (input.cfgFile && holdsCredential(input.cfgFile, credentialFields)) return { ...input.cfgFile, wholeCredential: false };
  return undefined;
}
