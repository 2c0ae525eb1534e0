import { Clock } from './clock';
import { Credentials, StoredTokens } from './credentials';
import { AuthenticationError } from './errors';
import { TokenRefresher, TokenSet } from './oauth';
import { SecretRedactor } from './redact';

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
  private inFlight: Promise<string> | undefined;
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
  async getAccessToken(): Promise<string> {
    if (this.accessToken !== undefined && !this.expiresSoon(this.expiresAt)) return this.accessToken;
    return this.refresh();
  }

  /** After a 401 with `rejected`: refresh, unless another request already did. */
  async renewAfterRejection(rejected: string): Promise<string> {
    if (this.accessToken !== undefined && this.accessToken !== rejected) return this.accessToken;
    this.rejectedAccessToken = rejected;
    return this.refresh();
  }

  private expiresSoon(expiresAt: number | undefined): boolean {
    return expiresAt !== undefined && expiresAt - this.clock.now() < EXPIRY_MARGIN_MS;
  }

  private refresh(): Promise<string> {
    this.inFlight ??= this.refreshNow().finally(() => { this.inFlight = undefined; });
    return this.inFlight;
  }

  private async refreshNow(): Promise<string> {
    const stored = await this.loadStored();
    if (stored && this.adopt(stored)) return this.accessToken as string;
    let tokens: TokenSet;
    try {
      tokens = await this.exchangeFirstAccepted();
    } catch (error) {
      // A sibling step may have rotated the stored token between our look and our exchange: look once more.
      const rotated = isInvalidGrant(error) ? await this.loadStored() : undefined;
      if (!rotated) throw error;
      if (this.adopt(rotated)) return this.accessToken as string;
      tokens = await this.exchangeFirstAccepted();
    }
    this.redactor.add(tokens.accessToken, tokens.refreshToken);
    // Persist before first use: using the new access token is what revokes the old refresh token.
    await this.persist(tokens);
    this.accessToken = tokens.accessToken;
    this.expiresAt = tokens.expiresAt;
    this.refreshTokens = [tokens.refreshToken];
    return tokens.accessToken;
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

  /** One persisted copy is enough: the first store keeps it; the next ones only if it fails. */
  private async persist(tokens: TokenSet): Promise<void> {
    let lastError: unknown;
    for (const store of [...this.stores]) {
      try {
        await store.persist(tokens);
        return;
      } catch (error) {
        lastError = error;
      }
    }
    if (lastError !== undefined) throw lastError;
  }
}

function isInvalidGrant(error: unknown): error is AuthenticationError {
  return error instanceof AuthenticationError && error.oauthError === 'invalid_grant';
}
