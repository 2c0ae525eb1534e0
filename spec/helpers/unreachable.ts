import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { HttpRequest, HttpResponse, Transport } from '../../lib/client/http';

/** `http://127.0.0.1:PORT` where nothing listens: a port a server just gave back. */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return `http://127.0.0.1:${port}`;
}

/** A host name that never resolves (RFC 6761 reserves `.invalid`). */
export const UNKNOWN_HOST_URL = 'https://lightspeed-api.invalid';

/** An https server on loopback with a self-signed certificate (spec/fixtures), which no client trusts. */
export async function selfSignedServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const fixtures = join(resolve(__dirname, '../../..'), 'spec/fixtures');
  const server = https.createServer({
    key: readFileSync(join(fixtures, 'self-signed.key.pem')), cert: readFileSync(join(fixtures, 'self-signed.cert.pem')),
  }, (_req, res) => res.end('{}'));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `https://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

/** The real transport, counting what it sends: how many attempts a request took. */
export class CountingTransport extends Transport {
  readonly sent: string[] = [];

  override send(request: HttpRequest): Promise<HttpResponse> {
    this.sent.push(`${request.method} ${new URL(request.url).pathname}`);
    return super.send(request);
  }
}
