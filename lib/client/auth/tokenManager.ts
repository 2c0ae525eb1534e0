import { Clock, AuthenticationError, SecretRedactor } from '../http';
import { Credentials, StoredTokens } from './credentials';
import { TokenRefresher, TokenSet } from './oauth';

/**
 * Where a credential's tokens live between processes: the platform's credential store.
 * Every step of a flow runs in its own process with the same credential, so a sibling may rotate the token.
 */
export interface TokenStore {
  /** Persists a rotated pair; the old refresh token dies once the new access token is used. */
  persist(tokens: TokenSet): Promise<void> | void;
  /** The tokens as stored now (a sibling step may have rotated them since this process started). */
  load?(): Promise<StoredTokens | undefined>;
}

/** Refresh this long before the stated expiry, so a request never leaves with a token about to die. */
export const EXPIRY_MARGIN_MS = 60_000;

/** What a renewal of the access token did, told to the request that caused it (for its one log line). */
export interface Renewal {
  /** `refreshed` at the token endpoint, or `adopted`: a live token a sibling step had stored was taken. */
  how: 'refreshed' | 'adopted';
  /** Why the token was renewed. */
  reason: string;
  /** Seconds the new access token lives, when known. */
  lifetimeSeconds?: number;
  /** The rotated pair was handed to a token store (`updateKeys`) before the new access token was used. */
  persisted: boolean;
  /** Lightspeed sent no new refresh token: the one it was sent stays in use. */
  refreshTokenKept?: boolean;
}

/** An access token to send, with the renewal this caller caused, if any (callers that waited for it get none). */
export interface AccessGrant {
  token: string;
  renewal?: Renewal;
}

/**
 * Holds the newest tokens of one credential for the life of the process.
 * One refresh at a time: concurrent callers share the in-flight one. Before refreshing it looks at the store:
 * a live access token or a newer refresh token persisted by a sibling step is taken instead of rotating again.
 */
export class TokenManager {
  private accessToken: string | undefined;
  private expiresAt: number | undefined;
  /** Refresh tokens to try, newest first. */
  private refreshTokens: string[];
  private readonly refused = new Set<string>();
  /** Lightspeed's answer to the last refused refresh token, repeated instead of asking again. */
  private lastRefusal: AuthenticationError | undefined;
  private rejectedAccessToken: string | undefined;
  private inFlight: Promise<Required<AccessGrant>> | undefined;
  private readonly stores = new Set<TokenStore>();

  constructor(
    credentials: Credentials,
    private readonly refresher: TokenRefresher,
    private readonly clock: Clock,
    private readonly redactor: SecretRedactor,
  ) {
    this.accessToken = credentials.accessToken;
    this.expiresAt = credentials.accessTokenExpiresAt;
    this.refreshTokens = credentials.refreshTokens;
  }

  /** Attaches a store (one per message being handled); returns its removal. */
  attachStore(store: TokenStore): () => void {
    this.stores.add(store);
    return () => this.stores.delete(store);
  }

  /** An access token that is not about to expire, refreshing first when needed. */
  async getAccessToken(): Promise<AccessGrant> {
    if (this.accessToken !== undefined && !this.expiresSoon(this.expiresAt)) return { token: this.accessToken };
    return this.refresh(this.accessToken === undefined ? 'none was stored' : this.expiryReason());
  }

  /** After a 401 with `rejected` (`why`: for the log line): refresh, unless another request already did. */
  async renewAfterRejection(rejected: string, why: string): Promise<AccessGrant> {
    if (this.accessToken !== undefined && this.accessToken !== rejected) return { token: this.accessToken };
    this.rejectedAccessToken = rejected;
    return this.refresh(why);
  }

  private expiresSoon(expiresAt: number | undefined): boolean {
    return expiresAt !== undefined && expiresAt - this.clock.now() < EXPIRY_MARGIN_MS;
  }

  private expiryReason(): string {
    const at = new Date(this.expiresAt as number).toISOString().replace(/\.\d+Z$/, 'Z');
    return `it ${(this.expiresAt as number) <= this.clock.now() ? 'expired' : 'expires'} at ${at}`;
  }

  /** One refresh at a time; only the caller that started it hears what it did. */
  private async refresh(reason: string): Promise<AccessGrant> {
    if (this.inFlight) return { token: (await this.inFlight).token };
    this.inFlight = this.refreshNow(reason).finally(() => { this.inFlight = undefined; });
    return this.inFlight;
  }

  private async refreshNow(reason: string): Promise<Required<AccessGrant>> {
    const stored = await this.loadStored();
    if (stored && this.adopt(stored)) return this.adopted(reason);
    let tokens: TokenSet;
    try {
      tokens = await this.exchangeFirstAccepted();
    } catch (error) {
      // A sibling step may have rotated the stored token between our look and our exchange: look once more.
      const rotated = isInvalidGrant(error) ? await this.loadStored() : undefined;
      if (!rotated) throw error;
      if (this.adopt(rotated)) return this.adopted(reason);
      tokens = await this.exchangeFirstAccepted();
    }
    this.redactor.add(tokens.accessToken, tokens.refreshToken);
    // Persist before first use: using the new access token is what revokes the old refresh token.
    const persisted = await this.persist(tokens);
    this.accessToken = tokens.accessToken;
    this.expiresAt = tokens.expiresAt;
    this.refreshTokens = [tokens.refreshToken];
    const renewal: Renewal = { how: 'refreshed', reason, lifetimeSeconds: tokens.expiresIn, persisted, refreshTokenKept: tokens.refreshTokenKept === true };
    return { token: tokens.accessToken, renewal };
  }

  /** The grant after taking a sibling's live access token. */
  private adopted(reason: string): Required<AccessGrant> {
    const lifetimeSeconds = ((this.expiresAt as number) - this.clock.now()) / 1000;
    return { token: this.accessToken as string, renewal: { how: 'adopted', reason, lifetimeSeconds, persisted: false } };
  }

  /** Takes a sibling's live access token (no rotation needed), or queues its newer refresh token first. */
  private adopt(stored: StoredTokens): boolean {
    this.redactor.add(stored.accessToken, stored.refreshToken);
    if (stored.refreshToken && !this.refreshTokens.includes(stored.refreshToken) && !this.refused.has(stored.refreshToken)) {
      this.refreshTokens = [stored.refreshToken, ...this.refreshTokens];
    }
    const live = stored.accessToken !== undefined && stored.expiresAt !== undefined && !this.expiresSoon(stored.expiresAt);
    if (!live || stored.accessToken === this.accessToken || stored.accessToken === this.rejectedAccessToken) return false;
    this.accessToken = stored.accessToken;
    this.expiresAt = stored.expiresAt;
    return true;
  }

  /** Tries the refresh tokens newest first; one Lightspeed refused is never sent again (that gets clients blocked). */
  private async exchangeFirstAccepted(): Promise<TokenSet> {
    let lastError: unknown = this.lastRefusal
      ?? new AuthenticationError('Lightspeed rejected every refresh token of this credential: re-authorize it.');
    for (const refreshToken of this.refreshTokens.filter((token) => !this.refused.has(token))) {
      try {
        return await this.refresher.refresh(refreshToken);
      } catch (error) {
        lastError = error;
        if (!isInvalidGrant(error)) throw error;
        this.refused.add(refreshToken);
        this.lastRefusal = error;
      }
    }
    throw lastError;
  }

  /** The store's current tokens; an unreachable store is not an error (we still hold our own tokens). */
  private async loadStored(): Promise<StoredTokens | undefined> {
    for (const store of this.stores) {
      if (!store.load) continue;
      try {
        return await store.load();
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  /** One persisted copy is enough: the first store keeps it; the next ones only if it fails. False without a store. */
  private async persist(tokens: TokenSet): Promise<boolean> {
    let lastError: unknown;
    for (const store of [...this.stores]) {
      try {
        await store.persist(tokens);
        return true;
      } catch (error) {
        lastError = error;
      }
    }
    if (lastError !== undefined) throw lastError;
    return false;
  }
}

function isInvalidGrant(error: unknown): error is AuthenticationError {
  return error instanceof AuthenticationError && error.oauthError === 'invalid_grant';
}
