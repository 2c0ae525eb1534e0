import http from 'node:http';
import { AddressInfo } from 'node:net';

/** What the server does with one request: answer, hang past the client's timeout, or drop the connection. */
export type Step =
  | { reply: number; body: unknown; headers?: Record<string, string> }
  | { hangMs: number }
  | { drop: true };

/** A real HTTP server on loopback that plays `steps` in order, for faults nock cannot fake (drops, timeouts). */
export async function scriptedServer(steps: Step[]): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const step = steps.shift() ?? { reply: 500, body: { message: 'no more steps' } };
    if ('drop' in step) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"Customer": {"custo');
      setImmediate(() => res.socket?.destroy());
    } else if ('hangMs' in step) {
      setTimeout(() => res.socket?.destroy(), step.hangMs);
    } else {
      res.writeHead(step.reply, { 'Content-Type': 'application/json', ...step.headers });
      res.end(JSON.stringify(step.body));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
