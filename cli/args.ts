import { parseArgs } from 'node:util';
import { didYouMean } from '../lib/text/suggest';
import { UsageError } from './usageError';

/** The options a command accepts, in node:util parseArgs' terms. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Parsed command line: option values by name and the remaining positional arguments. */
export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * Parses `argv` strictly. An unknown option, a missing value or a value given to a flag is a UsageError in our own
 * words, with the closest option for a typo (`--credentials`: did you mean --credential?).
 */
export function parseCommandLine(argv: string[], options: OptionSpec): ParsedArgs {
  checkOptions(argv, options);
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    // Only a case checkOptions does not know gets here; Node's message is then the best there is.
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

/** A string option's value, or undefined. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Walks the options as typed (parseArgs' tokens, read loosely) and refuses the first one that is wrong. */
function checkOptions(argv: string[], options: OptionSpec): void {
  const { tokens } = parseArgs({ args: argv, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (spec === undefined) {
      throw new UsageError(`unknown option ${token.rawName}${didYouMean(token.name, Object.keys(options), (name) => `--${name}`)}`);
    }
    const takesValue = spec.type === 'string';
    // "--cfg --msg m.json": the next option was taken for --cfg's value.
    const valueMissing = token.value === undefined || (!token.inlineValue && token.value.startsWith('--'));
    if (takesValue && valueMissing) throw new UsageError(`--${token.name} needs a value`);
    if (!takesValue && token.value !== undefined) throw new UsageError(`--${token.name} takes no value`);
  }
}
