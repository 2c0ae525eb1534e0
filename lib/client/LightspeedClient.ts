import { explainAccountRefusal, listAccounts } from './accounts';
import {
  Credentials, parseCredentials, RetryingRefresher, SimpleOAuthRefresher, TokenRefresher, TokenStore,
} from './auth';
import {
  AttemptFailure, AuthenticationError, Clock, ComponentError, decideRetry, describeConnectionFailure,
  errorFromResponse, ForbiddenError, HttpHeaders, HttpRequest, LightspeedApiError, lightspeedMessage, Logger,
  MalformedResponseError, neverConnected, NoResponseError, RateLimitError, redactingLogger, RequestContext,
  retryBudget, ServerError, silentLogger, systemClock, target, Transport, TransportError,
} from './http';
import { Connection, connectionFor } from './connections';
import { rootPath } from './paths';
import { renewalLine, retryLine } from './progressLines';
import { isRecord } from '../catalog/records';
import { ClientSettings, clientSettings } from './settings';
import { Spending } from './spending';

export type HttpMethod = HttpRequest['method'];

export interface ApiRequest {
  method: HttpMethod;
  /** Absolute URL on the credential's API host. */
  url: string;
  body?: unknown;
  context: RequestContext;
  /**
   * Set when sending the request twice could apply it twice (a PUT that adds nested records): what the user must
   * check after a failure that leaves it unknown whether Lightspeed applied it. Such a request is not retried then.
   * A POST has a default note.
   */
  unsafeToRepeat?: string;
  /** A 2xx with an empty body means "no records" (list pages), not a malformed answer. */
  emptyBodyIsEmptyList?: boolean;
  /**
   * A failure the caller can avoid by asking differently (the paginator asks for a smaller page): the URL to send
   * instead, at once and without counting a failure, and why. Undefined: the usual retry rules apply.
   */
  retryWith?: (failure: AttemptFailure, elapsedMs: number) => { url: string; reason: string } | undefined;
}

export interface ApiResponse {
  status: number;
  headers: HttpHeaders;
  body: unknown;
  /** Drips Lightspeed charged for the request that got this answer (`X-LS-API-Request-Cost`), when it said. */
  cost?: number;
}

export interface LightspeedClientOptions {
  credentials: Credentials;
  settings?: Partial<ClientSettings>;
  logger?: Logger;
  clock?: Clock;
  transport?: Transport;
  refresher?: TokenRefresher;
}

type AttemptResult =
  | { kind: 'response'; status: number; headers: HttpHeaders; text: string; token: string; cost?: number }
  | { kind: 'no-response'; error: NoResponseError };

const sharedTransport = new Transport();

const CREATE_MAY_HAVE_BEEN_APPLIED = 'the create may have been applied in Lightspeed: check for the record before running it again';

/**
 * One OAuth2-aware Lightspeed client per message, over the process-wide connection of its credential:
 * tokens refreshed once for everybody, requests paced by the account's bucket, failures retried where safe.
 */
export class LightspeedClient {
  readonly settings: ClientSettings;
  readonly credentials: Credentials;
  private readonly connection: Connection;
  /** The caller's logger, masking the credential's secrets. */
  readonly logger: Logger;
  private readonly clock: Clock;
  private readonly transport: Transport;
  /** What this client's requests cost, as Lightspeed's answers report it (every attempt counted). */
  readonly spending = new Spending();

  constructor(options: LightspeedClientOptions) {
    this.credentials = options.credentials;
    this.settings = clientSettings(options.settings);
    this.clock = options.clock ?? systemClock;
    this.transport = options.transport ?? sharedTransport;
    const logger = options.logger ?? silentLogger;
    this.connection = connectionFor(this.credentials, {
      clock: this.clock,
      pacerSettings: this.settings.pacer,
      refresher: (redactor) => new RetryingRefresher(
        options.refresher ?? new SimpleOAuthRefresher({ ...this.credentials, timeoutMs: this.settings.timeoutMs, now: () => this.clock.now() }),
        this.clock, this.settings.refresh, redactingLogger(logger, redactor),
      ),
    });
    this.logger = redactingLogger(logger, this.connection.redactor);
  }

  /** A client for the credential fields of a step's `cfg`; throws a ValidationError naming a bad field. */
  static fromConfig(cfg: Record<string, unknown>, options: Omit<LightspeedClientOptions, 'credentials'> = {}): LightspeedClient {
    return new LightspeedClient({ ...options, credentials: parseCredentials(cfg) });
  }

  /** Masks the credential's secrets (and anything shaped like a JWT) in a text. */
  readonly redact = (text: string): string => this.connection.redactor.redact(text);

  /** Registers where rotated tokens go (the handler's `updateKeys`); returns the removal. */
  onTokenRotated(persist: TokenStore['persist']): () => void {
    return this.connection.tokens.attachStore({ persist });
  }

  /** Attaches the platform's credential store: rotations are persisted there, and a sibling's rotations read back. */
  attachTokenStore(store: TokenStore): () => void {
    return this.connection.tokens.attachStore(store);
  }

  /** Milliseconds this credential's requests have waited for the rate limit so far. */
  get rateLimitWaitMs(): number {
    return this.connection.pacer.waitedMs;
  }

  /** The account ID, from the credential or discovered once per process with `GET /API/V3/Account.json`. */
  accountId(): Promise<string> {
    if (this.credentials.accountId) return Promise.resolve(this.credentials.accountId);
    this.connection.accountId ??= this.discoverAccountId().catch((error: unknown) => {
      this.connection.accountId = undefined;
      throw error;
    });
    return this.connection.accountId;
  }

  /** Absolute URL of a path relative to an API root (`Item/12.json` under the account). */
  async url(root: 'account' | 'v3' | 'api', relativePath: string): Promise<URL> {
    const accountId = root === 'account' ? await this.accountId() : undefined;
    return new URL(`${rootPath(root, accountId)}${relativePath}`, this.credentials.environmentUrl);
  }

  /** Sends a request with auth, pacing and retries; returns the parsed body of a success or throws a typed error. */
  async call(request: ApiRequest): Promise<ApiResponse> {
    this.assertSameHost(request);
    const callStarted = this.clock.now();
    let failures = 0;
    let renewedAfter401 = false;
    let url = request.url;
    for (;;) {
      const started = this.clock.now();
      const result = await this.attempt(request, url);
      if (result.kind === 'response' && result.status === 401 && !renewedAfter401) {
        renewedAfter401 = true;
        await this.renewRejectedToken(request, result);
        continue;
      }
      const outcome = this.assess(request, result);
      if ('response' in outcome) return outcome.response;
      const instead = request.retryWith?.(outcome.failure, this.clock.now() - started);
      if (instead) {
        this.logger.info(`${outcome.error.message}; ${instead.reason}`);
        url = instead.url;
        continue;
      }
      if (!(outcome.error instanceof RateLimitError)) failures += 1;
      // Patience runs while nothing of this credential gets through, not per 429: other requests' progress resets it.
      const rateLimitedForMs = this.clock.now() - Math.max(callStarted, this.connection.lastAcceptedAt);
      const decision = decideRetry(outcome.failure, unsafeToRepeat(request) === undefined, { failures, rateLimitedForMs }, this.settings);
      if (!decision.retry) {
        if (outcome.error instanceof ForbiddenError) await explainAccountRefusal(this, outcome.error, url);
        throw this.finalError(outcome.error, request, failures, rateLimitedForMs);
      }
      this.logger.info(retryLine(outcome.error, decision.delayMs, failures, retryBudget(outcome.failure, this.settings)));
      await this.clock.sleep(decision.delayMs);
    }
  }

  private async attempt(request: ApiRequest, url: string): Promise<AttemptResult> {
    const { token, renewal } = await this.connection.tokens.getAccessToken();
    if (renewal) this.logger.info(renewalLine(renewal));
    const pacer = this.connection.pacer;
    const reserved = await pacer.acquire(request.method);
    const started = this.clock.now();
    try {
      const response = await this.transport.send({
        method: request.method,
        url,
        headers: requestHeaders(token),
        body: request.body,
        timeoutMs: this.settings.timeoutMs,
      });
      pacer.observe(request.method, response.status, response.headers, reserved);
      const cost = this.spending.observe(response.headers);
      if (response.status !== 429) this.connection.lastAcceptedAt = this.clock.now();
      // The URL is on the credential's host (checked in call): its path and query follow the origin.
      this.logger.debug(`${request.method} ${url.slice(this.credentials.environmentUrl.length)} -> ${response.status} in ${this.clock.now() - started} ms`);
      return { kind: 'response', ...response, token, cost };
    } catch (error) {
      pacer.release(reserved);
      if (error instanceof NoResponseError) return { kind: 'no-response', error };
      throw error;
    }
  }

  /** A success, or what failed and the error to raise if it is not retried. */
  private assess(request: ApiRequest, result: AttemptResult):
    { response: ApiResponse } | { failure: AttemptFailure; error: ComponentError } {
    if (result.kind === 'no-response') {
      return { failure: { kind: 'no-response', cause: result.error.failure }, error: this.transportError(request, result.error) };
    }
    const body = parseJson(result.text);
    if (result.status < 300) {
      if (body !== undefined) return { response: { status: result.status, headers: result.headers, body, cost: result.cost } };
      if (request.emptyBodyIsEmptyList && result.text.trim() === '') return { response: { status: result.status, headers: result.headers, body: {}, cost: result.cost } };
      return { failure: { kind: 'malformed-body' }, error: malformedBodyError(request) };
    }
    if (result.status === 401) return { failure: { kind: 'status', status: 401 }, error: this.refusedTokenError(request, body) };
    const error = errorFromResponse(result.status, body ?? result.text, result.headers, request.context, this.redact);
    // A write that failed on Lightspeed's side may still have been stored: never leave the user guessing.
    const note = unsafeToRepeat(request);
    if (note && error instanceof ServerError) error.message += `; ${note}`;
    if (error instanceof RateLimitError) {
      const wait = this.connection.pacer.refused(result.headers, error.retryAfterSeconds);
      error.waitSeconds = wait.seconds;
      error.waitBasis = wait.basis;
    }
    return { failure: { kind: 'status', status: result.status }, error };
  }

  private transportError(request: ApiRequest, { code, failure }: NoResponseError): TransportError {
    const note = neverConnected(failure) ? undefined : unsafeToRepeat(request);
    const what = describeConnectionFailure(failure, code, { field: 'Environment URL', url: this.credentials.environmentUrl });
    return new TransportError(`${target(request.context)}: ${what}${note ? `; ${note}` : ''}`, code, request.context, note !== undefined, failure);
  }

  /** After a 401: a new access token, and one line saying why and what was done (only from the request that did it). */
  private async renewRejectedToken(request: ApiRequest, result: { text: string; token: string }): Promise<void> {
    const body = parseJson(result.text);
    // OAuth-style 401s put the useful part ("Token has expired") in the hint.
    const detail = (isRecord(body) && typeof body.hint === 'string' && body.hint) || lightspeedMessage(body ?? result.text);
    const why = `Lightspeed refused it on ${target(request.context)}${detail ? ` (${detail})` : ''}`;
    const { renewal } = await this.connection.tokens.renewAfterRejection(result.token, why);
    if (renewal) this.logger.info(`${renewalLine(renewal)}; sending the request again at once`);
    else this.logger.debug(`${target(request.context)}: sending again with the access token another request renewed`);
  }

  private refusedTokenError(request: ApiRequest, body: unknown): AuthenticationError {
    const detail = errorFromResponse(401, body, {}, request.context, this.redact).lightspeedMessage;
    // Lightspeed's own sentence may end the clause already ("Invalid username/password or API key.").
    const said = detail ? `: ${detail.replace(/\.$/, '')}` : '';
    return new AuthenticationError(
      `Lightspeed refused a freshly refreshed access token for ${target(request.context)}${said}. `
      + 'Check that the credential was authorized with the scopes this operation needs.', 401);
  }

  private finalError(error: ComponentError, request: ApiRequest, failures: number, rateLimitedForMs: number): ComponentError {
    if (error instanceof RateLimitError) {
      error.message = `Gave up on ${target(request.context)}: Lightspeed answered every request of this credential with 429 `
        + `(rate limit exceeded) for ${duration(rateLimitedForMs)} and accepted none. Other flows or integrations on the `
        + 'account are using its whole rate limit: spread their schedules or lower their load, then run this again.';
      return error;
    }
    if (failures <= 1 || !(error instanceof TransportError || error instanceof LightspeedApiError)) return error;
    error.message = `${error.message} (gave up after ${failures} attempts)`;
    this.logger.warn(`${target(request.context)} failed ${failures} times`);
    return error;
  }

  /** Never send the bearer token to a host other than the credential's (a `next` link could point anywhere). */
  private assertSameHost(request: ApiRequest): void {
    if (new URL(request.url).origin !== this.credentials.environmentUrl) {
      throw new MalformedResponseError('a link points to a host other than the credential\'s environment URL', request.context);
    }
  }

  private async discoverAccountId(): Promise<string> {
    const [account] = await listAccounts(this);
    if (!account) throw new AuthenticationError('This Lightspeed credential gives access to no account: fill in the Account ID or re-authorize.');
    this.logger.info(`Using Lightspeed account ${account.id} (the first the credential can access)`);
    return account.id;
  }
}

/** `10 minutes`, `1 minute`, `45 seconds`. */
function duration(ms: number): string {
  const [amount, unit] = ms >= 60_000 ? [Math.round(ms / 60_000), 'minute'] : [Math.round(ms / 1000), 'second'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** The body's own Content-Type (JSON, or a multipart boundary) comes from the transport. */
function requestHeaders(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}`, Accept: 'application/json' };
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Why a failed request must not be sent again blindly, or undefined when it may. */
function unsafeToRepeat(request: ApiRequest): string | undefined {
  return request.unsafeToRepeat ?? (request.method === 'POST' ? CREATE_MAY_HAVE_BEEN_APPLIED : undefined);
}

function malformedBodyError(request: ApiRequest): MalformedResponseError {
  // A 2xx means Lightspeed accepted the write: only its answer is unreadable.
  const note = unsafeToRepeat(request);
  return new MalformedResponseError(`the body is not valid JSON${note ? `; ${note}` : ''}`, request.context);
}
