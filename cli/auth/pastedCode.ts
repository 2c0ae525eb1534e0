import { createInterface } from 'node:readline';
import { RedirectError, codeFromPastedText } from './redirectAnswer';

/** Reading the code from stdin; `stop` ends the reading once the code came some other way. */
export interface PastedCode {
  /** The code; rejects on a bad paste, and on end of input when `waitForever` is false. */
  code: Promise<string>;
  stop(): void;
}

/**
 * Reads the first non-empty line from `stdin` (the redirect address or the bare code) and checks its state.
 * With `waitForever` (a listener is running too) the end of input is not an error: the redirect may still come.
 */
export function readPastedCode(stdin: NodeJS.ReadableStream, expectedState: string | undefined, waitForever: boolean): PastedCode {
  const lines = createInterface({ input: stdin, terminal: false });
  let done = false;
  const code = new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      if (done || line.trim() === '') return;
      done = true;
      lines.close();
      try {
        resolve(codeFromPastedText(line, expectedState));
      } catch (error) {
        reject(error);
      }
    });
    lines.on('close', () => {
      if (!done && !waitForever) reject(new RedirectError('No authorization code was given (stdin ended): paste the redirect address, or use --code'));
      done = true;
    });
  });
  code.catch(() => undefined);
  return {
    code,
    stop: () => {
      done = true;
      lines.close();
    },
  };
}
