/** Tokens: credentials parsed, access tokens refreshed once for everybody, rotated refresh tokens handed on. What the rest of the client may use. */
export { Credentials, DEFAULT_TOKEN_URL, OAUTH_CLIENT_ENV, StoredTokens, parseCredentials, parseEnvironmentUrl, parseTokenUrl, parseUrl, storedTokensFromKeys } from './credentials';
export { Renewal, TokenManager, TokenStore } from './tokenManager';
export { SimpleOAuthRefresher, TokenRefresher, TokenSet } from './oauth';
export { DEFAULT_REFRESH_RETRY, RefreshRetrySettings, RetryingRefresher } from './refreshRetry';
export { jwtAccount } from './jwt';
