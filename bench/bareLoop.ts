/**
 * The baseline of scenario 4: fetch the same pages as the component, with nothing but HTTP, JSON.parse and
 * `@attributes.next`. No pacing, no retries, no normalisation, no messages.
 */
import http from 'node:http';
import { elapsedSince } from './numbers';

export interface BareOutcome {
  ms: number;
  records: number;
  pages: number;
}

interface WirePage {
  '@attributes'?: { next?: string };
  [key: string]: unknown;
}

const agent = new http.Agent({ keepAlive: true });

/** How the baseline gets a page's text. */
export type PageGetter = (url: string, token: string) => Promise<string>;

/** node:http GET over a keep-alive connection (what axios uses underneath); the body text of a 200. */
export const httpGet: PageGetter = (url, token) => {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => { text += chunk; });
      response.on('end', () => (response.statusCode === 200 ? resolve(text) : reject(new Error(`GET ${url} -> ${response.statusCode}`))));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
};

/** The global fetch (undici); the body text of a 200. */
export const fetchGet: PageGetter = async (url, token) => {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} -> ${response.status}`);
  return text;
};

function countRecords(page: WirePage, responseKey: string): number {
  const records = page[responseKey];
  if (Array.isArray(records)) return records.length;
  return records && typeof records === 'object' ? 1 : 0;
}

/** Walks every page from `firstUrl`, following `@attributes.next` until it is empty. */
export async function bareLoop(firstUrl: string, token: string, responseKey: string, get: PageGetter = httpGet): Promise<BareOutcome> {
  const started = performance.now();
  let url: string | undefined = firstUrl;
  let records = 0;
  let pages = 0;
  while (url) {
    const page = JSON.parse(await get(url, token)) as WirePage;
    records += countRecords(page, responseKey);
    pages += 1;
    const next = page['@attributes']?.next;
    url = next ? next : undefined;
  }
  return { ms: elapsedSince(started), records, pages };
}

/** An access token for the baseline (the simulator must not revoke the refresh token the component uses too). */
export async function fetchAccessToken(tokenUrl: string, fields: { clientId: string; clientSecret: string; refreshToken: string }): Promise<string> {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token', client_id: fields.clientId, client_secret: fields.clientSecret, refresh_token: fields.refreshToken,
    }).toString(),
  });
  const body = await response.json() as { access_token?: string };
  if (!response.ok || typeof body.access_token !== 'string') throw new Error(`token refresh for the baseline failed: ${response.status}`);
  return body.access_token;
}
