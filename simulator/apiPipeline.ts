/** An API request after transport faults: bearer check, rate limits, dispatch, heavy-page fault. */
import { IncomingHttpHeaders } from 'node:http';
import { ApiRequest, ApiResult } from './context';
import { SimulatorCore } from './core';
import { requestCost } from './costs';
import { isHeavyPage } from './faults';
import { bearerToken } from './http';
import { oauthError } from './oauthRoutes';
import { formatLevel } from './rateLimiter';
import { handleQuery } from './queryHandler';
import { heavyPageResponse, refuseDatetimeBetween, shapeEmptyList } from './quirks';
import { handleCreate, handleDelete, handleRead, handleUpdate } from './recordHandlers';
import { handleImageUpload, ImageFile, isImageUpload, parseImageUpload } from './images';
import { RouteResult } from './routes';
import { recordBucketSample } from './stats';
import { ApiError, SimResponse, Verb } from './types';
import { errorEnvelope } from './wire';

const HANDLERS: Record<Verb, (req: ApiRequest, core: SimulatorCore) => ApiResult> = {
  query: (req, core) => handleQuery(req, core),
  read: (req, core) => handleRead(req, core),
  create: (req, core) => handleCreate(req, core),
  update: (req, core) => handleUpdate(req, core),
  delete: (req, core) => handleDelete(req, core),
};

const HINTS = {
  missing: 'Missing "Authorization" header',
  unknown: 'Access token could not be verified',
  revoked: 'Access token has been revoked',
  expired: 'Token has expired',
  forcedExpired: 'Token has expired',
};

function envelope(error: ApiError): SimResponse {
  return { status: error.status, body: errorEnvelope(error.status, error.message, error.errorClass) };
}

function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return {};
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new ApiError(400, 'Request body is not valid JSON', 'ValidationException');
  }
}

function session(core: SimulatorCore): SimResponse {
  const employee = core.store.get('Employee', 1);
  return {
    status: 200,
    body: {
      sessionID: 'simulated-session', sessionCookie: '', employeeID: '1', systemCustomerID: core.options.accountId,
      systemUserID: '1', systemAPIClientID: '1', systemAPIKeyID: '0', ecomUrl: '', shopCount: String(core.store.list('Shop').length),
      Employee: { employeeID: '1', firstName: String(employee?.firstName ?? ''), lastName: String(employee?.lastName ?? '') },
    },
  };
}

/** Applies the burst limiter, then the leaky bucket; fills the rate headers; returns a 429 or null. */
function applyRateLimits(core: SimulatorCore, key: string, cost: number, now: number, rateHeaders: Record<string, string>): SimResponse | null {
  const { options, stats } = core;
  if (options.burstLimit !== null && options.burstLimit > 0) {
    const burst = core.burst.take(key, now, options.burstLimit);
    rateHeaders['X-LS-API-Burst-Level'] = `${burst.count}/${options.burstLimit}`;
    if (!burst.allowed) {
      stats.burstLimited++;
      const headers: Record<string, string> = { 'X-LS-API-RateLimit-Type': 'api-burst-limiter' };
      if (options.retryAfterHeader) headers['Retry-After'] = '1';
      return { status: 429, headers, body: errorEnvelope(429, 'Too many requests: burst rate limit exceeded', 'RateLimitException') };
    }
  }
  const decision = options.rateLimit
    ? core.bucket.take(key, cost, now, options.bucketSize, options.dripRate)
    : { allowed: true, level: 0, retryAfter: 0 };
  rateHeaders['X-LS-API-Bucket-Level'] = `${formatLevel(decision.level)}/${options.bucketSize}`;
  rateHeaders['X-LS-API-Drip-Rate'] = String(options.dripRate);
  rateHeaders['X-LS-API-Request-Cost'] = decision.allowed ? String(cost) : '0';
  if (options.rateLimit) recordBucketSample(stats, { time: now, level: decision.level }, options.sampleLimit);
  if (decision.allowed) return null;
  stats.bucketLimited++;
  const headers: Record<string, string> = { 'X-LS-API-RateLimit-Type': 'api-leaky-bucket' };
  if (options.retryAfterHeader) headers['Retry-After'] = String(decision.retryAfter);
  return { status: 429, headers, body: errorEnvelope(429, 'Rate limit exceeded: the leaky bucket is full', 'RateLimitException') };
}

/** Answers a request that passed authentication and rate limits. */
function dispatch(
  core: SimulatorCore, method: string, url: URL, route: RouteResult, apiReq: ApiRequest | null, bodyError: ApiError | null,
  tokenAccount: string, upload: ImageFile | undefined,
): SimResponse {
  if (route.accountId !== null && route.accountId !== tokenAccount) {
    return envelope(new ApiError(403, `This token does not grant access to account ${route.accountId}`, 'ForbiddenException'));
  }
  if (route.kind === 'methodNotAllowed') {
    const response = envelope(new ApiError(405, `${method} is not allowed on ${route.entity.name} (${route.template}); allowed: ${route.allow.join(', ') || 'none'}`, 'MethodNotAllowedException'));
    return { ...response, headers: { Allow: route.allow.join(', ') } };
  }
  if (!apiReq) return envelope(new ApiError(404, `No API endpoint matches ${method} ${url.pathname}`, 'NotFoundException'));
  if (bodyError) return envelope(bodyError);
  if (apiReq.entity.name === 'Session') return session(core);
  try {
    const refused = refuseDatetimeBetween(core, apiReq);
    if (refused) return envelope(refused);
    if (upload) return handleImageUpload(apiReq, core, upload);
    const result = HANDLERS[apiReq.verb](apiReq, core);
    const heavy = core.options.heavyPage;
    if (heavy && result.page && isHeavyPage(heavy, result.page.records, result.page.relations)) {
      core.stats.faults.heavyPage++;
      return heavyPageResponse(heavy, result.page.records, result.page.relations);
    }
    return shapeEmptyList(result, core.options.emptyList);
  } catch (error) {
    if (error instanceof ApiError) return envelope(error);
    throw error;
  }
}

/** Serves one API request that reached the API (no transport fault fired). */
export function handleApi(core: SimulatorCore, method: string, url: URL, headers: IncomingHttpHeaders, raw: Buffer, route: RouteResult): SimResponse {
  const { options, stats } = core;
  const now = options.now();
  const check = core.oauth.useAccessToken(bearerToken(headers.authorization), now, options.revokeRotatedRefreshTokens);
  if (!check.ok) {
    if (check.reason === 'forcedExpired') stats.faults.expiredToken++;
    return oauthError(401, 'access_denied', 'The resource owner or authorization server denied the request.', HINTS[check.reason]);
  }
  const apiReq: ApiRequest | null = route.kind === 'match'
    ? { entity: route.entity, verb: route.verb, parentValues: route.parentValues, id: route.id, query: url.searchParams, body: raw, linkBase: `${core.baseUrl}${url.pathname}` }
    : null;
  let cost = 1;
  // A malformed body is still charged (at the base cost) before it is rejected.
  let bodyError: ApiError | null = null;
  let upload: ImageFile | undefined;
  try {
    if (isImageUpload(apiReq, method)) {
      const parsed = parseImageUpload(raw, headers['content-type']);
      (apiReq as ApiRequest).body = parsed.data;
      upload = parsed.file;
    } else if (apiReq && (method === 'POST' || method === 'PUT')) apiReq.body = parseJsonBody(raw);
    if (apiReq && route.kind === 'match') cost = requestCost(apiReq, method, route.template, options.costModel, core.costs, core.store, core.relations);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    bodyError = error;
  }
  const rateHeaders: Record<string, string> = { 'X-LS-Acct-Id': options.accountId, 'X-LS-Oauth-Client-Id': check.token.clientId };
  const limited = applyRateLimits(core, `${check.token.accountId}:${check.token.clientId}`, cost, now, rateHeaders);
  const response = limited ?? dispatch(core, method, url, route, apiReq, bodyError, check.token.accountId, upload);
  return { ...response, headers: { ...rateHeaders, ...response.headers } };
}
