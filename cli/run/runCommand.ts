import { existsSync } from 'node:fs';
import { resetConnections } from '../../lib/client/connections';
import { ParsedArgs, parseCommandLine, stringOption } from '../args';
import { CliIo, writeLine } from '../io';
import { readJsonObject, writeJsonAtomically } from '../jsonFile';
import { findPackageRoot } from '../packageRoot';
import { SecretRedactor, learnSecrets } from '../secrets';
import { stderrLogger } from '../stderrLogger';
import { RUN_USAGE } from '../usage';
import { UsageError } from '../usageError';
import { unknownCfgKeyWarnings } from './cfgKeys';
import { ComponentFunction, credentialFieldNames, findFunction, functionNames } from './componentFunctions';
import { EventLines } from './eventLines';
import { SailorMessage, loadMessage } from './incomingMessage';
import { Handler, loadHandler } from './loadHandler';
import { rotatedTokenSaver } from './rotatedTokenSaver';
import { sailorContext } from './sailorContext';
import { StepInput, holdsCredential, loadStepInput, resolvePath } from './stepInput';

const OPTIONS = {
  cfg: { type: 'string' }, msg: { type: 'string' }, snapshot: { type: 'string' }, 'snapshot-out': { type: 'string' },
  credential: { type: 'string' }, 'save-credential': { type: 'string' }, method: { type: 'string' },
  debug: { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
} as const;

/** Everything a run needs, read and checked before the handler is called. */
interface RunPlan {
  fn: ComponentFunction;
  handler: Handler;
  /** `process` gets (msg, cfg, snapshot); design-time methods and verifyCredentials get (cfg). */
  designTime: boolean;
  input: StepInput;
  credentialFields: string[];
  msg: SailorMessage;
  snapshot: Record<string, unknown>;
  /** What the log says about `--snapshot`, when it was given. */
  snapshotNote?: string;
  args: ParsedArgs;
}

/** `lightspeed-retail run <function> ...`: calls one function the way sailor does; returns the exit code. */
export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseCommandLine(argv, OPTIONS);
  if (args.values.help) {
    writeLine(io.stdout, RUN_USAGE);
    return 0;
  }
  return execute(prepare(args, io), io);
}

function prepare(args: ParsedArgs, io: CliIo): RunPlan {
  const root = findPackageRoot();
  if (args.positionals.length !== 1) {
    throw new UsageError(`${args.positionals.length === 0 ? 'name the function to run' : `one function at a time, not ${args.positionals.join(' ')}`}: ${functionNames(root)}`);
  }
  const fn = findFunction(root, args.positionals[0]);
  const method = stringOption(args, 'method');
  const designTime = fn.kind === 'verifyCredentials' || (method !== undefined && method !== 'process');
  const credentialFields = credentialFieldNames(root);
  const input = loadStepInput({ cfgPath: stringOption(args, 'cfg'), credentialPath: stringOption(args, 'credential'), credentialFields, env: io.env, cwd: io.cwd });
  // A design-time call may need no account (getMetaModel reads the catalog); the others always do.
  if (!designTime || fn.kind === 'verifyCredentials') requireCredential(input, credentialFields);
  return {
    fn,
    handler: loadHandler(fn, method),
    designTime,
    input,
    credentialFields,
    msg: loadMessage(pathOption(args, 'msg', io)),
    ...startingSnapshot(stringOption(args, 'snapshot'), io),
    args,
  };
}

/**
 * The snapshot to start from. A `--snapshot` file that does not exist yet is no snapshot, as on a flow's first run,
 * so that one command (`--snapshot f --snapshot-out f`) serves the first run and every later one.
 */
function startingSnapshot(shownAs: string | undefined, io: CliIo): Pick<RunPlan, 'snapshot' | 'snapshotNote'> {
  if (shownAs === undefined) return { snapshot: {} };
  const path = resolvePath(shownAs, io.cwd);
  if (!existsSync(path)) return { snapshot: {}, snapshotNote: `--snapshot ${shownAs} does not exist yet: starting without a snapshot, as a flow's first run does` };
  return { snapshot: readJsonObject(path, '--snapshot'), snapshotNote: `starting from the snapshot in ${shownAs}` };
}

/** A run with no credential at all would fail at its first request in the platform's words ("click Authenticate"). */
function requireCredential(input: StepInput, credentialFields: string[]): void {
  if (input.credentialFile || holdsCredential(input.cfgFile, credentialFields) || input.fromEnv.length > 0) return;
  throw new UsageError('no credential: pass --credential <file>, local/simulator-credential.json for the simulator (it writes '
    + 'that file when it starts) or your own from "lightspeed-retail auth ... --save-credential local/credential.json"');
}

async function execute(plan: RunPlan, io: CliIo): Promise<number> {
  const { fn, input, args } = plan;
  const redactor = new SecretRedactor();
  learnSecrets(redactor, input.cfg);
  const logger = stderrLogger(io.stderr, redactor, args.values.verbose === true);
  const lines = new EventLines(io.stdout, redactor);
  const notice = (text: string) => writeLine(io.stderr, redactor.redact(text));
  const saveRotated = rotatedTokenSaver(input, stringOption(args, 'save-credential'), plan.credentialFields, io.cwd, notice);
  if (input.fromEnv.length > 0) logger.info(`Credential fields from the environment: ${input.fromEnv.join(', ')}`);
  if (plan.snapshotNote) logger.info(plan.snapshotNote);
  for (const warning of unknownCfgKeyWarnings(input.cfg, fn, plan.credentialFields)) logger.warn(warning);
  const tokensInStep = tokensInStepFile(input);
  if (tokensInStep) {
    notice(`${tokensInStep} holds the credential's tokens: a copy of it stops working at the next rotation. Keep the credential `
      + 'in its own file (--credential) and only the step\'s fields in --cfg.');
  }

  let lastSnapshot: Record<string, unknown> | undefined;
  const context = sailorContext(logger, (event, payload) => {
    if (event === 'updateKeys') {
      learnSecrets(redactor, payload);
      saveRotated(payload as Record<string, unknown>);
    }
    if (event === 'snapshot') lastSnapshot = payload as Record<string, unknown>;
    if (event === 'updateSnapshot') lastSnapshot = { ...lastSnapshot, ...payload as Record<string, unknown> };
    lines.write(event, payload);
  });

  const started = Date.now();
  const restoreFlowType = setFlowType(args.values.debug === true);
  // A fresh process has no tokens cached; a test calling main twice in one process should not either.
  resetConnections();
  try {
    const returned: unknown = await (plan.designTime
      ? plan.handler.call(context, input.cfg) : plan.handler.call(context, plan.msg, input.cfg, plan.snapshot));
    // Sailor emits a truthy return value as data (design-time calls answer this way).
    if (returned) lines.write('data', returned);
    if (!lines.counts.end) lines.write('end');
    const unverified = fn.kind === 'verifyCredentials' ? unverifiedReason(returned) : undefined;
    if (unverified) notice(`Not verified: ${unverified}`);
    notice(`${fn.name}: ${unverified ? 'not verified' : 'done'} in ${seconds(started)} (${describeCounts(lines.counts)})`);
    return unverified ? 1 : 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    lines.write('error', error instanceof Error ? error : new Error(message));
    lines.write('end');
    notice(`${fn.name} failed after ${seconds(started)}: ${message}`);
    return 1;
  } finally {
    restoreFlowType();
    const snapshotOut = pathOption(args, 'snapshot-out', io);
    if (snapshotOut !== undefined && lastSnapshot !== undefined) writeJsonAtomically(snapshotOut, lastSnapshot);
  }
}

/** The --cfg file as typed, when it carries a refresh token (that rotates) and no --credential file does. */
function tokensInStepFile(input: StepInput): string | undefined {
  if (input.credentialFile || !input.cfgFile) return undefined;
  const { content, shownAs } = input.cfgFile;
  return ['refreshToken', 'oauth'].some((field) => content[field] !== undefined && content[field] !== '') ? shownAs : undefined;
}

function pathOption(args: ParsedArgs, name: string, io: CliIo): string | undefined {
  const value = stringOption(args, name);
  return value === undefined ? undefined : resolvePath(value, io.cwd);
}

/** `--debug` is sailor's "Retrieve sample" mode; the old value comes back afterwards (tests run in-process). */
function setFlowType(debug: boolean): () => void {
  if (!debug) return () => undefined;
  const previous = process.env.ELASTICIO_FLOW_TYPE;
  process.env.ELASTICIO_FLOW_TYPE = 'debug';
  return () => {
    if (previous === undefined) delete process.env.ELASTICIO_FLOW_TYPE;
    else process.env.ELASTICIO_FLOW_TYPE = previous;
  };
}

/** The reason of a `{verified: false, reason}` answer, or undefined when verified. */
function unverifiedReason(returned: unknown): string | undefined {
  if (typeof returned !== 'object' || returned === null || (returned as { verified?: unknown }).verified !== false) return undefined;
  const reason = (returned as { reason?: unknown }).reason;
  return typeof reason === 'string' ? reason : 'no reason given';
}

function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts).filter(([event]) => event !== 'end').map(([event, count]) => `${count} ${event}`).join(', ') || 'nothing emitted';
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
