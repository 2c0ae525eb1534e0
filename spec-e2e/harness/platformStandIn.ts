/**
 * The few platform REST endpoints sailor calls, over real HTTP on a free loopback port:
 *   GET  /v1/tasks/{flowId}/steps/{stepId}  the step: {id, comp_id, function, config, snapshot, is_passthrough, variables}
 *   PUT  /v1/accounts/{id}                  updateKeys: body {keys}; recorded, and it becomes the account's keys
 *   GET  /v1/accounts/{id}                  the account's current keys ({id, keys}), for a component that re-reads them
 *   POST /service-results/{callId}          a service-mode result {status, data}; recorded, answered 200
 *   GET  /callback/oauth2?code&state        where an OAuth provider sends the user back (see platformOAuth.ts)
 *   GET  /signed/{name}?sig, GET|POST /objects[/{id}]   attachments, both kinds (spec/helpers/objectStorage.ts)
 * Step config is built at each request from the step's fields and its account's current keys, so a
 * sailor started after an updateKeys sees the rotated credential, as on the platform.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ObjectStorage } from '../../spec/helpers/objectStorage';
import { waitFor } from './waitFor';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface PlatformStep {
  flowId: string;
  stepId: string;
  compId: string;
  functionName: string;
  /** The step's function fields (objectType, ...). */
  fields: JsonObject;
  /** The credential the step uses; its keys are merged into config with `_account`. */
  accountId?: string;
  snapshot: JsonObject;
}

export interface AccountUpdate {
  accountId: string;
  keys: JsonObject;
  receivedAt: number;
}

export interface ServiceResult {
  status: string;
  data: Json;
  receivedAt: number;
}

/** How a sailor process reaches the stand-in (ELASTICIO_API_URI / _USERNAME / _KEY). */
export interface PlatformEndpoint {
  url: string;
  username: string;
  apiKey: string;
}

export class PlatformStandIn implements PlatformEndpoint {
  readonly username = 'e2e-platform-user';
  readonly apiKey = randomBytes(12).toString('hex');
  readonly accountUpdates: AccountUpdate[] = [];
  readonly stepFetches: Array<{ flowId: string; stepId: string }> = [];
  readonly accountFetches: string[] = [];
  /** Requests that were refused (bad auth, unknown path): a failing spec prints them. */
  readonly refused: string[] = [];
  private readonly accounts = new Map<string, JsonObject>();
  private readonly steps = new Map<string, PlatformStep>();
  private readonly results = new Map<string, ServiceResult>();
  /** OAuth authorizations waiting for the provider's redirect, by their `state`. */
  private readonly oauthCallbacks = new Map<string, (query: URLSearchParams) => Promise<void>>();

  /** The platform's attachments: signed (steward) URLs and its object storage (maester), on this same server. */
  readonly storage: ObjectStorage;

  private constructor(private readonly server: http.Server, readonly url: string) {
    this.storage = new ObjectStorage(url);
  }

  static async start(): Promise<PlatformStandIn> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const { port } = server.address() as AddressInfo;
    const platform = new PlatformStandIn(server, `http://127.0.0.1:${port}`);
    server.on('request', (request, response) => {
      platform.handle(request, response).catch((error: Error) => respond(response, 500, { error: error.message }));
    });
    return platform;
  }

  saveAccount(accountId: string, keys: JsonObject): void {
    this.accounts.set(accountId, structuredClone(keys));
  }

  /** The account's current keys (after any updateKeys). */
  account(accountId: string): JsonObject {
    const keys = this.accounts.get(accountId);
    if (keys === undefined) throw new Error(`no account ${accountId}`);
    return structuredClone(keys);
  }

  saveStep(step: PlatformStep): void {
    this.steps.set(stepKey(step.flowId, step.stepId), structuredClone(step));
  }

  /** Stores a snapshot the step published, as the platform does: `snapshot` replaces, `updateSnapshot` merges. */
  storeSnapshot(flowId: string, stepId: string, snapshot: JsonObject, event: string): void {
    const step = this.requireStep(flowId, stepId);
    step.snapshot = event === 'updateSnapshot' ? { ...step.snapshot, ...snapshot } : structuredClone(snapshot);
  }

  snapshotOf(flowId: string, stepId: string): JsonObject {
    return structuredClone(this.requireStep(flowId, stepId).snapshot);
  }

  /** The config sailor would receive for the step right now. */
  configOf(flowId: string, stepId: string): JsonObject {
    const step = this.requireStep(flowId, stepId);
    if (step.accountId === undefined) return structuredClone(step.fields);
    return { ...this.account(step.accountId), ...step.fields, _account: step.accountId };
  }

  /** A fresh URL for one service-mode call's result. */
  newResultUrl(): { callId: string; url: string } {
    const callId = randomUUID();
    return { callId, url: `${this.url}/service-results/${callId}` };
  }

  /** The platform's OAuth callback URL, and the handler of the redirect that carries `state`. */
  expectOAuthCallback(state: string, handle: (query: URLSearchParams) => Promise<void>): string {
    this.oauthCallbacks.set(state, handle);
    return `${this.url}/callback/oauth2`;
  }

  async waitForResult(callId: string, timeoutMs: number): Promise<ServiceResult> {
    return waitFor(`the service result ${callId}`, () => this.results.get(callId), { timeoutMs, intervalMs: 20 });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (this.storage.handle(request, response)) return;
    const url = new URL(request.url ?? '/', this.url);
    const path = url.pathname;
    const body = await readBody(request);
    // The user's browser arrives here from the provider: no platform API credentials.
    if (request.method === 'GET' && path === '/callback/oauth2') return this.oauthCallback(response, url.searchParams);
    const result = path.match(/^\/service-results\/([^/]+)$/);
    if (request.method === 'POST' && result) {
      const posted = JSON.parse(body) as { status: string; data: Json };
      this.results.set(result[1], { status: posted.status, data: posted.data, receivedAt: Date.now() });
      return respond(response, 200, {});
    }
    if (!this.authorized(request)) {
      this.refused.push(`401 ${request.method} ${path}`);
      return respond(response, 401, { error: 'Unauthorized' });
    }
    const stepPath = path.match(/^\/v1\/tasks\/([^/]+)\/steps\/([^/]+)$/);
    if (request.method === 'GET' && stepPath) return this.getStep(response, stepPath[1], stepPath[2]);
    const accountPath = path.match(/^\/v1\/accounts\/([^/]+)$/);
    if (request.method === 'PUT' && accountPath) return this.updateAccount(response, accountPath[1], body);
    if (request.method === 'GET' && accountPath) return this.getAccount(response, accountPath[1]);
    this.refused.push(`404 ${request.method} ${path}`);
    respond(response, 404, { error: `no route ${request.method} ${path}` });
  }

  private async oauthCallback(response: http.ServerResponse, query: URLSearchParams): Promise<void> {
    const handle = this.oauthCallbacks.get(query.get('state') ?? '');
    if (handle === undefined) return respond(response, 400, { error: 'unknown or reused OAuth state' });
    this.oauthCallbacks.delete(query.get('state') ?? '');
    await handle(query);
    respond(response, 200, { authenticated: true });
  }

  private getStep(response: http.ServerResponse, flowId: string, stepId: string): void {
    const step = this.steps.get(stepKey(flowId, stepId));
    if (step === undefined) {
      this.refused.push(`404 step ${flowId}/${stepId}`);
      return respond(response, 404, { error: `no step ${stepId} in flow ${flowId}` });
    }
    this.stepFetches.push({ flowId, stepId });
    respond(response, 200, {
      id: step.stepId,
      comp_id: step.compId,
      function: step.functionName,
      config: this.configOf(flowId, stepId),
      snapshot: step.snapshot,
      is_passthrough: false,
      variables: {},
    });
  }

  private getAccount(response: http.ServerResponse, accountId: string): void {
    const keys = this.accounts.get(accountId);
    if (keys === undefined) return respond(response, 404, { error: `no account ${accountId}` });
    this.accountFetches.push(accountId);
    respond(response, 200, { id: accountId, keys });
  }

  private updateAccount(response: http.ServerResponse, accountId: string, body: string): void {
    if (!this.accounts.has(accountId)) {
      this.refused.push(`404 account ${accountId}`);
      return respond(response, 404, { error: `no account ${accountId}` });
    }
    const { keys } = JSON.parse(body) as { keys?: JsonObject };
    if (keys === undefined || typeof keys !== 'object') return respond(response, 400, { error: 'body must be {keys: {...}}' });
    this.accountUpdates.push({ accountId, keys, receivedAt: Date.now() });
    this.accounts.set(accountId, structuredClone(keys));
    respond(response, 200, { id: accountId, keys });
  }

  private authorized(request: http.IncomingMessage): boolean {
    const expected = `Basic ${Buffer.from(`${this.username}:${this.apiKey}`).toString('base64')}`;
    return request.headers.authorization === expected;
  }

  private requireStep(flowId: string, stepId: string): PlatformStep {
    const step = this.steps.get(stepKey(flowId, stepId));
    if (step === undefined) throw new Error(`no step ${stepId} in flow ${flowId}`);
    return step;
  }
}

function stepKey(flowId: string, stepId: string): string {
  return `${flowId}/${stepId}`;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function respond(response: http.ServerResponse, status: number, body: Json): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
