/** Shared helpers of the simulator specs: tokens, API calls, one-or-many unwrapping, walking `next`. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Simulator, WireObject, startSimulator } from '../../simulator';

/** A parsed response. */
export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, unknown>;
}

/** Exchanges the simulator's refresh token for a token pair. */
export async function refreshTokens(sim: Simulator, refreshToken = sim.credentials.refreshToken): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(sim.credentials.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: sim.credentials.clientId,
      client_secret: sim.credentials.clientSecret,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A fresh access token. */
export async function accessToken(sim: Simulator): Promise<string> {
  const { body } = await refreshTokens(sim);
  return String(body.access_token);
}

/** Calls the API; `path` is relative to the account root unless it starts with `/` or `http`. */
export async function api(sim: Simulator, token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResponse> {
  const url = path.startsWith('http') ? path : path.startsWith('/') ? `${sim.url}${path}` : `${sim.url}/API/V3/Account/${sim.credentials.accountId}/${path}`;
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = {};
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** Records under `key` as a list (the API sends one record as an object). */
export function records(body: Record<string, unknown>, key: string): WireObject[] {
  const value = body[key];
  if (value === undefined || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as WireObject[];
}

/** `@attributes` of a response. */
export function attributes(body: Record<string, unknown>): Record<string, string> {
  return (body['@attributes'] ?? {}) as Record<string, string>;
}

/** Ids returned by walking `next` from `firstPath`; `limitFor(page)` may rewrite limit= in next URLs. */
export async function walk(
  sim: Simulator, token: string, firstPath: string, key: string, pk: string,
  limitFor?: (page: number) => number,
): Promise<{ ids: number[]; pages: number }> {
  const ids: number[] = [];
  let url: string = firstPath;
  let pages = 0;
  for (;;) {
    const response = await api(sim, token, url);
    if (response.status !== 200) throw new Error(`${url} -> ${response.status} ${response.text}`);
    pages++;
    for (const record of records(response.body, key)) ids.push(Number(record[pk]));
    const next = attributes(response.body).next;
    if (!next) return { ids, pages };
    url = limitFor ? next.replace(/limit=\d+/, `limit=${limitFor(pages)}`) : next;
    if (pages > 10_000) throw new Error('walk does not end');
  }
}

/** A clock tests move by hand. */
export class FakeClock {
  constructor(public ms = Date.UTC(2025, 0, 1)) {}

  readonly now = (): number => this.ms;

  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

/** Starts an unthrottled simulator and a token before the suite's tests, and closes it after them. */
export function useUnthrottledSimulator(assign: (sim: Simulator, token: string) => void): void {
  let started: Simulator | undefined;
  before(async () => {
    started = await startSimulator({ rateLimit: false });
    assign(started, await accessToken(started));
  });
  after(() => started?.close());
}

/** Starts an unthrottled simulator that reads `entities` as the project's entities.json, for the suite's tests. */
export function useSimulatorWithEntities(entities: unknown[], assign: (sim: Simulator, token: string) => void): void {
  let started: Simulator | undefined;
  let dir = '';
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-entities-'));
    const file = path.join(dir, 'entities.json');
    fs.writeFileSync(file, JSON.stringify(entities));
    started = await startSimulator({ rateLimit: false, entitiesPath: file });
    assign(started, await accessToken(started));
  });
  after(async () => {
    await started?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}
