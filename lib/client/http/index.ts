/** The HTTP layer: one exchange on the wire, typed errors, retry decisions and timing, redaction, clock and logger. What the rest of the client may use. */
export { HttpHeaders, HttpRequest, HttpResponse, NoResponseError, StreamedBody, Transport, header, isStreamedBody } from './transport';
export { Clock, systemClock } from './clock';
export { Logger, silentLogger } from './logger';
export { SecretRedactor, redactJson, redactingLogger } from './redact';
export * from './errors';
export { connectionFailure, describeConnectionFailure, isPermanent, neverConnected } from './connectionFailure';
export { errorFromResponse, lightspeedMessage } from './responseError';
export { AttemptFailure, RETRYABLE_SERVER_STATUSES, RetrySettings, decideRetry, retryBudget } from './retryPolicy';
export { BackoffSettings, backoffDelayMs, parseRetryAfter } from './retryTiming';
