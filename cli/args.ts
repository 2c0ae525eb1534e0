import { parseArgs } from 'node:util';
import { UsageError } from './usageError';

/** The options a command accepts, in node:util parseArgs' terms. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Parsed command line: option values by name and the remaining positional arguments. */
export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses `argv` strictly: an unknown option or a missing value is a UsageError carrying `usage`. */
export function parseCommandLine(argv: string[], options: OptionSpec, usage: string): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    // parseArgs' messages are good ("Unknown option '--foo'"), only the stack trace is not.
    throw new UsageError(error instanceof Error ? error.message : String(error), usage);
  }
}

/** A string option's value, or undefined. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}
