/** Entry point of `lightspeed-retail` (bin/lightspeed-retail.js requires this file). */
import { processIo } from './io';
import { main } from './program';

main(process.argv.slice(2), processIo()).then(
  (code) => exit(code),
  (error: unknown) => {
    // Only a bug gets here: the commands turn every expected failure into an exit code.
    process.stderr.write(`lightspeed-retail: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
    exit(1);
  },
);

/** Exits once stdout and stderr have flushed: open keep-alive sockets or stdin must not keep the process alive. */
function exit(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
