/**
 * The platform's Authenticate button, as elastic.io runs it for a credential whose manifest has an OAuthFieldView
 * field and `credentials.oauth2`: `{{VAR}}` references resolved from the component's env vars, the user sent to
 * `auth_uri` (response_type=code, client_id, redirect_uri = the platform's callback, the scopes, a state), the
 * provider's redirect received on the callback, the code exchanged at `token_uri`, and the token response stored as
 * the credential's `oauth`. Lightspeed's hosts are answered by the simulator (same paths, another origin).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { COMPONENT_ROOT } from './componentRoot';
import { JsonObject, PlatformStandIn } from './platformStandIn';

interface OAuth2Block {
  client_id: string;
  client_secret: string;
  auth_uri: string;
  token_uri: string;
  scopes?: string[];
}

export interface Authentication {
  /** The platform account (credential) to create. */
  accountId: string;
  /** The component's env vars, as the tenant set them. */
  componentEnv: Record<string, string>;
  /** Origin that answers for the provider's hosts (the simulator's URL). */
  providerOrigin: string;
  /** The credential's other fields as the user filled them (Environment URL, ...). */
  fields?: JsonObject;
}

/** Clicks Authenticate: runs the authorization-code flow through the stand-in's callback; resolves once stored. */
export async function authenticate(platform: PlatformStandIn, options: Authentication): Promise<JsonObject> {
  const oauth2 = manifestOAuth2();
  const clientId = resolveEnvRefs(oauth2.client_id, options.componentEnv);
  const clientSecret = resolveEnvRefs(oauth2.client_secret, options.componentEnv);
  const state = randomBytes(16).toString('hex');
  const redirectUri = platform.expectOAuthCallback(state, async (query) => {
    if (query.get('error')) throw new Error(`the provider refused: ${query.get('error')}`);
    const response = await fetch(atProvider(oauth2.token_uri, options.providerOrigin), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code: query.get('code') ?? '', redirect_uri: redirectUri, client_id: clientId, client_secret: clientSecret,
      }),
    });
    const tokens = (await response.json()) as JsonObject;
    if (!response.ok) throw new Error(`the token endpoint answered ${response.status}: ${JSON.stringify(tokens)}`);
    platform.saveAccount(options.accountId, { ...options.fields, oauth: tokens });
  });
  const authorize = new URL(atProvider(oauth2.auth_uri, options.providerOrigin));
  authorize.search = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope: (oauth2.scopes ?? []).join(' '), state,
  }).toString();
  // The user's browser: the provider approves and redirects to the platform's callback, which stores the credential.
  const landed = await fetch(authorize, { redirect: 'follow' });
  if (!landed.ok) throw new Error(`Authenticate failed (${landed.status} at ${landed.url}): ${await landed.text()}`);
  return platform.account(options.accountId);
}

function manifestOAuth2(): OAuth2Block {
  const manifest = JSON.parse(fs.readFileSync(path.join(COMPONENT_ROOT, 'component.json'), 'utf8')) as { credentials: { oauth2?: OAuth2Block } };
  if (!manifest.credentials.oauth2) throw new Error('component.json has no credentials.oauth2');
  return manifest.credentials.oauth2;
}

/** `{{NAME}}` -> the component env var NAME; a missing variable fails as the platform's flow would. */
function resolveEnvRefs(template: string, env: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = env[name];
    if (!value) throw new Error(`the component's env var ${name} is not set`);
    return value;
  });
}

/** The manifest's provider URL with its origin replaced by the one answering for it. */
function atProvider(url: string, origin: string): string {
  const parsed = new URL(url);
  return new URL(`${parsed.pathname}${parsed.search}`, origin).toString();
}
