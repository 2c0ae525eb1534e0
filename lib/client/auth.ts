import { Clock } from './clock';
import { Credentials } from './credentials';
import { AuthenticationError } from './errors';
import { TokenRefresher, TokenSet } from './oauth';
import { SecretRedactor } from './redact';

/** Called with every rotated pair; must persist it (the old refresh token dies once the new access token is used). */
export type TokenListener = (tokens: TokenSet) => Promise<void> | void;

/** Refresh this long before the stated expiry, so a request never leaves with a token about to die. */
export const EXPIRY_MARGIN_MS = 60_000;

/**
 * Holds the newest tokens of one credential for the life of the process.
 * One refresh at a time: concurrent callers share the in-flight one.
 */
export class TokenManager {
  private accessToken: string | undefined;
  private expiresAt: number | undefined;
  /** Refresh tokens to try, newest first. */
  private refreshTokens: string[];
  private inFlight: Promise<string> | undefined;
  /** A refresh token Lightspeed refused for good: asking again would only get the client blocked. */
  private permanentFailure: AuthenticationError | undefined;
  private readonly listeners = new Set<TokenListener>();

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

  /** Registers a persistence callback; returns its removal. */
  onRotate(listener: TokenListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** An access token that is not about to expire, refreshing first when needed. */
  async getAccessToken(): Promise<string> {
    if (this.accessToken !== undefined && !this.expiresSoon()) return this.accessToken;
    return this.refresh();
  }

  /** After a 401 with `rejected`: refresh, unless another request already did. */
  async renewAfterRejection(rejected: string): Promise<string> {
    if (this.accessToken !== undefined && this.accessToken !== rejected) return this.accessToken;
    return this.refresh();
  }

  private expiresSoon(): boolean {
    return this.expiresAt !== undefined && this.expiresAt - this.clock.now() < EXPIRY_MARGIN_MS;
  }

  private refresh(): Promise<string> {
    if (this.permanentFailure) return Promise.reject(this.permanentFailure);
    this.inFlight ??= this.refreshNow().finally(() => { this.inFlight = undefined; });
    return this.inFlight;
  }

  private async refreshNow(): Promise<string> {
    const tokens = await this.exchangeFirstAccepted();
    this.redactor.add(tokens.accessToken, tokens.refreshToken);
    // Persist before first use: using the new access token is what revokes the old refresh token.
    await this.notify(tokens);
    this.accessToken = tokens.accessToken;
    this.expiresAt = tokens.expiresAt;
    this.refreshTokens = [tokens.refreshToken];
    return tokens.accessToken;
  }

  /** Tries the stored refresh tokens newest first; a credential edited by hand may hold the only live one. */
  private async exchangeFirstAccepted(): Promise<TokenSet> {
    let lastError: unknown;
    for (const refreshToken of this.refreshTokens) {
      try {
        return await this.refresher.refresh(refreshToken);
      } catch (error) {
        lastError = error;
        if (!(error instanceof AuthenticationError && error.oauthError === 'invalid_grant')) throw error;
      }
    }
    if (lastError instanceof AuthenticationError) this.permanentFailure = lastError;
    throw lastError;
  }

  /** One persisted copy is enough: the first registered listener stores it; the next ones only if it fails. */
  private async notify(tokens: TokenSet): Promise<void> {
    let lastError: unknown;
    for (const listener of [...this.listeners]) {
      try {
        await listener(tokens);
        return;
      } catch (error) {
        lastError = error;
      }
    }
    if (lastError !== undefined) throw lastError;
  }
}
