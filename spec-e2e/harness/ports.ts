/** Free TCP ports on the loopback interface, and waiting until something listens on one. */
import net from 'node:net';
import { waitFor } from './waitFor';

/** A port the kernel had free a moment ago (bind to 0, read it, release it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/** Whether a TCP connection to 127.0.0.1:port succeeds now. */
export function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves once something accepts connections on the port. */
export async function waitForPort(port: number, timeoutMs: number, isStillStarting: () => boolean = () => true): Promise<void> {
  await waitFor(`port ${port} to accept connections`, async () => {
    if (!isStillStarting()) throw new Error(`the process that should listen on port ${port} has exited`);
    return isPortOpen(port);
  }, { timeoutMs, intervalMs: 100 });
}
