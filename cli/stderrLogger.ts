import { Logger, SecretRedactor } from '../lib/client/http';
import { writeLine } from './io';

/** A logger like sailor's (debug/info/warn/error) that writes `[level] message` lines to stderr, secrets masked. */
export function stderrLogger(stderr: NodeJS.WritableStream, redactor: SecretRedactor, verbose: boolean): Logger {
  const write = (level: string) => (...args: unknown[]) => {
    const text = args.map((arg) => (typeof arg === 'string' ? arg : arg instanceof Error ? arg.message : JSON.stringify(arg))).join(' ');
    writeLine(stderr, redactor.redact(`[${level}] ${text}`));
  };
  return { debug: verbose ? write('debug') : () => undefined, info: write('info'), warn: write('warn'), error: write('error') };
}
