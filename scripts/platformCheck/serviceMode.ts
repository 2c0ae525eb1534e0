/**
 * A design-time call the way the platform makes it: sailor's `runService.js <method>` in the component's directory,
 * configured by ELASTICIO_* variables. Sailor POSTs `{status, data}` to the result URL and exits 0 whatever happened,
 * so the posted body is the answer; a small loopback server receives it (and answers any platform API call with 200).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface ServiceResult {
  status: string;
  data: unknown;
}

/** Runs `runService.js verifyCredentials` with `cfg` in `componentRoot`; rejects with sailor's output on a timeout. */
export async function verifyThroughSailor(componentRoot: string, cfg: Record<string, unknown>, timeoutMs = 20_000): Promise<ServiceResult> {
  let posted: ServiceResult | undefined;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/result') posted = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ServiceResult;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const output = await runSailorService(componentRoot, 'verifyCredentials', {
      ELASTICIO_POST_RESULT_URL: `${base}/result`,
      ELASTICIO_CFG: JSON.stringify(cfg),
      ELASTICIO_COMPONENT_PATH: '.',
      ELASTICIO_API_URI: base,
      ELASTICIO_API_USERNAME: 'platform-check',
      ELASTICIO_API_KEY: 'platform-check',
    }, timeoutMs);
    if (posted === undefined) throw new Error(`runService.js posted no result; its output:\n${output}`);
    return posted;
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/** Spawns runService.js with the current node and waits for it to exit; resolves with what it printed. */
async function runSailorService(componentRoot: string, method: string, env: Record<string, string>, timeoutMs: number): Promise<string> {
  const child = spawn(process.execPath, [join('node_modules', 'elasticio-sailor-nodejs', 'runService.js'), method], {
    cwd: componentRoot,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    if (signal) throw new Error(`runService.js ${method} was killed (${signal}) after ${timeoutMs} ms; its output:\n${output}`);
    if (code !== 0) throw new Error(`runService.js ${method} exited ${code}; its output:\n${output}`);
    return output;
  } finally {
    clearTimeout(timer);
  }
}
