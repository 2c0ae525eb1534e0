import { didYouMean } from '../lib/text/suggest';
import { authCommand } from './auth/authCommand';
import { CliIo, writeLine } from './io';
import { runCommand } from './run/runCommand';
import { MAIN_USAGE } from './usage';
import { UsageError } from './usageError';

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = { run: runCommand, auth: authCommand };

/** The CLI: dispatches to a command and returns the exit code (0 done, 1 failed, 2 usage error). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const known = command !== undefined && Object.hasOwn(COMMANDS, command);
  try {
    if (known) return await COMMANDS[command](rest, io);
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      writeLine(command === undefined ? io.stderr : io.stdout, MAIN_USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command "${command}"${didYouMean(command, Object.keys(COMMANDS))}`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // One line and where the whole usage is: the usage text itself would bury the line that matters.
    writeLine(io.stderr, `lightspeed-retail${known ? ` ${command}` : ''}: ${error.message} (see lightspeed-retail ${known ? `${command} ` : ''}--help)`);
    return 2;
  }
}
