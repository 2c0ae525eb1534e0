import { createHash } from 'node:crypto';
import { TokenManager, Credentials, TokenRefresher } from './auth';
import { Clock, SecretRedactor } from './http';
import { PacerSettings, RateLimitPacer } from './rate';

/** What one credential shares across every message a process handles: its tokens, its bucket, its account. */
export interface Connection {
  tokens: TokenManager;
  pacer: RateLimitPacer;
  /** Knows every secret of the credential seen so far, rotated tokens included. */
  redactor: SecretRedactor;
  /** Discovered once when the credential leaves `accountId` blank. */
  accountId?: Promise<string>;
  /** When Lightspeed last answered a request of the credential with anything but 429 (epoch ms; 0: never). */
  lastAcceptedAt: number;
}

export interface ConnectionFactories {
  refresher: (redactor: SecretRedactor) => TokenRefresher;
  clock: Clock;
  pacerSettings: PacerSettings;
}

/**
 * Process-wide registry, keyed by the credential as configured. The platform keeps handing a running container
 * the cfg it started with, so a later message must find the tokens an earlier one rotated.
 */
const connections = new Map<string, Connection>();

export function connectionFor(credentials: Credentials, factories: ConnectionFactories): Connection {
  const key = credentialKey(credentials);
  let connection = connections.get(key);
  if (!connection) {
    const redactor = new SecretRedactor();
    redactor.add(credentials.clientSecret, credentials.accessToken, ...credentials.refreshTokens);
    connection = {
      tokens: new TokenManager(credentials, factories.refresher(redactor), factories.clock, redactor),
      pacer: new RateLimitPacer(factories.clock, factories.pacerSettings),
      redactor,
      lastAcceptedAt: 0,
    };
    connections.set(key, connection);
  }
  return connection;
}

/** A hash, so the registry never holds secrets in its keys. */
export function credentialKey(credentials: Credentials): string {
  const parts = [
    credentials.environmentUrl, credentials.accountId ?? '', credentials.tokenUrl, credentials.clientId,
    ...credentials.refreshTokens,
  ];
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/** Forgets every connection: tests, benchmarks and the local runner start from a clean process. */
export function resetConnections(): void {
  connections.clear();
}
