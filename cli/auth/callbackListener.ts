import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { RedirectError, codeFromQuery } from './redirectAnswer';

/** A one-shot listener on the redirect URI: resolves with the code of the first redirect to arrive. */
export interface CallbackListener {
  code: Promise<string>;
  close(): Promise<void>;
}

/** True when the helper can listen on the redirect URI itself: plain http on this machine. */
export function canListenOn(redirectUri: string): boolean {
  const url = new URL(redirectUri);
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * Listens on the redirect URI's port and path (on both loopback addresses for `localhost`, which a browser may
 * resolve either way), answers a small "you can close this tab" page, and checks the state.
 */
export async function listenForRedirect(redirectUri: string, expectedState: string): Promise<CallbackListener> {
  const url = new URL(redirectUri);
  const port = Number(url.port || 80);
  let settle: { resolve(code: string): void; reject(error: Error): void } | undefined;
  const code = new Promise<string>((resolve, reject) => { settle = { resolve, reject }; });
  // Handled here too: when the code was pasted instead, nobody awaits this promise any more.
  code.catch(() => undefined);
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const arrived = new URL(request.url ?? '/', redirectUri);
    if (arrived.pathname !== url.pathname) return page(response, 404, 'Not found', 'This is not the redirect address.');
    try {
      const value = codeFromQuery(arrived.searchParams, expectedState);
      page(response, 200, 'Authorized', 'Lightspeed authorization received. You can close this tab and return to the terminal.');
      settle?.resolve(value);
    } catch (error) {
      const message = error instanceof RedirectError ? error.message : 'The redirect could not be read';
      page(response, 400, 'Authorization failed', `${message}.`);
      settle?.reject(error instanceof Error ? error : new Error(message));
    }
  };
  const hosts = url.hostname === 'localhost' ? ['127.0.0.1', '::1'] : [url.hostname.replace(/^\[|\]$/g, '')];
  const servers = await listenOnSome(hosts, port, handle);
  return {
    code,
    close: async () => {
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })));
    },
  };
}

/** Listens on every host that works (a machine without IPv6 has no ::1); fails only when none does. */
async function listenOnSome(hosts: string[], port: number, handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server[]> {
  const results = await Promise.allSettled(hosts.map((host) => new Promise<Server>((resolve, reject) => {
    const server = createServer(handle);
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  })));
  const servers = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  if (servers.length === 0) {
    const reason = results.find((result): result is PromiseRejectedResult => result.status === 'rejected')?.reason as Error | undefined;
    throw new Error(`Cannot listen on port ${port} for the redirect (${reason?.message ?? 'unknown error'}): free the port, or paste the address instead`);
  }
  return servers;
}

function page(response: ServerResponse, status: number, title: string, text: string): void {
  // The text may quote the redirect's error_description: never let a URL put markup in the page.
  const escape = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  [title, text] = [escape(title), escape(text)];
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>`
    + `<body style="font-family:sans-serif;margin:4em auto;max-width:32em"><h1>${title}</h1><p>${text}</p></body></html>`;
  response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  response.end(html);
}
