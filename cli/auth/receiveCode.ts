import { CliIo, writeLine } from '../io';
import { AuthorizationRequest } from './authorizeUrl';
import { CallbackListener, canListenOn, listenForRedirect } from './callbackListener';
import { readPastedCode } from './pastedCode';

/** How long the helper waits for the user to log in and approve. */
const WAIT_MS = 10 * 60_000;

/**
 * Prints the authorize URL and waits for the code: caught by a one-shot listener when the redirect URI is on this
 * machine, or pasted on stdin (the whole redirect address or just the code), whichever comes first.
 */
export async function receiveCode(request: AuthorizationRequest, io: CliIo): Promise<string> {
  const listener: CallbackListener | undefined = canListenOn(request.redirectUri)
    ? await listenForRedirect(request.redirectUri, request.state) : undefined;
  writeLine(io.stderr, 'Open this address in a browser, log in to Lightspeed and approve the access:\n');
  writeLine(io.stderr, `  ${request.url}\n`);
  writeLine(io.stderr, listener
    ? `Waiting for the redirect to ${request.redirectUri} (or paste the address you were redirected to, or its code).`
    : 'Then paste the address you were redirected to (or just its code) here and press Enter.');
  writeLine(io.stderr, 'An authorization code is valid for 60 seconds: paste it right away.');
  const pasted = readPastedCode(io.stdin, request.state, listener !== undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('No authorization code arrived within 10 minutes')), WAIT_MS);
  });
  try {
    return await Promise.race([pasted.code, ...(listener ? [listener.code] : []), timeout]);
  } finally {
    clearTimeout(timer);
    pasted.stop();
    await listener?.close();
  }
}
