import { authCommand } from './auth/authCommand';
import { CliIo, writeLine } from './io';
import { runCommand } from './run/runCommand';
import { MAIN_USAGE } from './usage';
import { UsageError } from './usageError';

/** The CLI: dispatches to a command and returns the exit code (0 done, 1 failed, 2 usage error). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'run') return await runCommand(rest, io);
    if (command === 'auth') return await authCommand(rest, io);
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      writeLine(command === undefined ? io.stderr : io.stdout, MAIN_USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`Unknown command "${command}"`, MAIN_USAGE);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeLine(io.stderr, `lightspeed-retail: ${error.message}\n`);
    writeLine(io.stderr, error.usage ?? MAIN_USAGE);
    return 2;
  }
}
