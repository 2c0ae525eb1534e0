/** HTTP plumbing: receives requests, applies transport faults, dispatches, sends, records stats. */
import { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { handleApi } from './apiPipeline';
import { SimulatorCore } from './core';
import { failureResponse, malformedText, randomFailure, takeCounted, takeScheduledFailure } from './faults';
import { readBody } from './http';
import { serveImage } from './images';
import { keySet } from './menuButton';
import { handleOAuth, isOAuthPath } from './oauthRoutes';
import { RouteResult } from './routes';
import { recordRequest } from './stats';
import { SimResponse } from './types';
import { errorEnvelope } from './wire';

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function routeLabel(method: string, pathname: string, route: RouteResult | null): string {
  if (!route) return `${method} ${pathname.startsWith('/API/') ? '(unknown)' : pathname}`;
  return route.kind === 'notFound' ? `${method} (unknown)` : `${method} ${route.template}`;
}

function bodyText(response: SimResponse): string {
  if (response.rawBody !== undefined) return response.rawBody;
  return typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
}

/** Computes the response of one request (no I/O besides the body read and injected delays). */
async function respond(core: SimulatorCore, req: IncomingMessage, url: URL, route: RouteResult | null): Promise<SimResponse> {
  const { options, stats } = core;
  const method = req.method ?? 'GET';
  const path = req.url ?? '/';
  const isApi = route !== null;
  const raw = await readBody(req);
  if (options.latencyMs > 0) await delay(options.latencyMs);
  const slow = options.slowResponses;
  if (slow && takeCounted(slow, method, path, isApi)) {
    stats.faults.slow++;
    await delay(slow.delayMs);
  }
  const scheduled = takeScheduledFailure(options, method, path, isApi);
  if (scheduled) {
    stats.faults.scheduled++;
    return failureResponse(scheduled.status, scheduled.body, scheduled.retryAfter ?? 1);
  }
  const random = randomFailure(options, core.faultRng, isApi);
  if (random !== null) {
    stats.faults.random++;
    return failureResponse(random, undefined);
  }
  if (isOAuthPath(url.pathname)) {
    return handleOAuth(method, url, req.headers, raw, core.oauth, options, () => { stats.tokens.refreshes++; });
  }
  if (route) return handleApi(core, method, url, req.headers, raw, route);
  if (method === 'GET' && url.pathname.startsWith('/images/')) return serveImage(core, url.pathname);
  if (method === 'GET' && url.pathname === '/.well-known/jwks') return { status: 200, body: keySet(core.options) };
  return { status: 404, body: errorEnvelope(404, `Nothing at ${url.pathname}`, 'NotFoundException') };
}

/** Writes headers and half the body, then destroys the socket (the dropConnections fault). */
function dropMidResponse(res: ServerResponse, status: number, headers: Record<string, string>, text: string): void {
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(text)) });
  res.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))), () => res.socket?.destroy());
}

/** The node:http request listener of a simulator. */
export function createRequestListener(core: SimulatorCore): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const started = performance.now();
      const time = core.options.now();
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      const url = new URL(path, 'http://simulator.local');
      const route = url.pathname.startsWith('/API/') ? core.router.resolve(method, url.pathname) : null;
      let response: SimResponse;
      try {
        response = await respond(core, req, url, route);
        if (response.delayMs) await delay(response.delayMs);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        response = { status: 500, body: errorEnvelope(500, `Simulator error: ${message}`, 'InternalError') };
      }
      if (response.rawBytes) {
        res.writeHead(response.status, { 'Content-Type': response.contentType ?? 'application/octet-stream', 'Content-Length': String(response.rawBytes.length) });
        res.end(response.rawBytes);
        recordRequest(core.stats, { method, path, status: response.status, time, route: `${method} /images/`, durationMs: 0 }, false, core.options.logLimit);
        return;
      }
      let text = bodyText(response);
      const headers: Record<string, string> = { 'Content-Type': response.contentType ?? 'application/json', ...response.headers };
      const ok = response.status >= 200 && response.status < 300;
      const isApi = route !== null;
      if (ok && takeCounted(core.options.dropConnections, method, path, isApi)) {
        core.stats.faults.dropped++;
        dropMidResponse(res, response.status, headers, text);
      } else {
        if (ok && takeCounted(core.options.malformedBody, method, path, isApi)) {
          core.stats.faults.malformed++;
          text = malformedText(text);
        }
        headers['Content-Length'] = String(Buffer.byteLength(text));
        res.writeHead(response.status, headers);
        res.end(text);
      }
      recordRequest(core.stats, {
        method, path, status: response.status, time, route: routeLabel(method, url.pathname, route),
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      }, isApi, core.options.logLimit);
    })();
  };
}
