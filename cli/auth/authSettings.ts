/** What `lightspeed-retail auth` was told: the OAuth client, where to send the user, and where to keep the result. */
export interface AuthSettings {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scope: string;
  authorizeUrl: string;
  tokenUrl: string;
  /** As given; undefined means Lightspeed's default host. */
  environmentUrl?: string;
  code?: string;
  saveCredential?: string;
}
