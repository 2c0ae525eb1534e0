import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative, resolve } from 'path';
import { parse } from 'yaml';

/** The real answers in spec/fixtures/real-recordings (see its README and LICENSE). */
export const RECORDINGS_DIR = join(resolve(__dirname, '../../..'), 'spec/fixtures/real-recordings');

/** One recorded request and its answer, as the account sent it. */
export interface RecordedExchange {
  /** Cassette path under real-recordings, e.g. `marketplacer__lightspeed_pos/HEAD-42abfd9/.../vendors/show.yml`. */
  cassette: string;
  method: string;
  uri: string;
  /** The entity named in the old path (`/API/Account/{id}/Vendor/1.json` gives `Vendor`); undefined for Account.json. */
  entity: string | undefined;
  /** The id in a by-ID path (`Vendor/1.json` gives `1`). */
  id: string | undefined;
  query: URLSearchParams;
  requestBody: string;
  status: number;
  /** Response headers, names lower-cased, first value of each. */
  headers: Record<string, string>;
  /** The response body exactly as recorded. */
  body: string;
}

interface CassetteFile {
  http_interactions: {
    request: { method: string; uri: string; body?: { string?: string } };
    response: { status: { code: number }; headers?: Record<string, string[]>; body?: { string?: string } };
  }[];
}

const ENTITY_PATH = /\/API\/Account\/[^/]+\/([A-Za-z]+)(?:\/(\d+))?\.json/;

/** Every exchange of every cassette, in cassette then recording order. */
export function loadCassettes(): RecordedExchange[] {
  return cassetteFiles(RECORDINGS_DIR).flatMap((file) => {
    const cassette = relative(RECORDINGS_DIR, file);
    const parsed = parse(readFileSync(file, 'utf8')) as CassetteFile;
    return parsed.http_interactions.map(({ request, response }) => toExchange(cassette, request, response));
  });
}

function toExchange(
  cassette: string, request: CassetteFile['http_interactions'][number]['request'],
  response: CassetteFile['http_interactions'][number]['response'],
): RecordedExchange {
  const url = new URL(request.uri);
  const match = ENTITY_PATH.exec(url.pathname);
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(response.headers ?? {})) headers[name.toLowerCase()] = String(values[0]);
  return {
    cassette,
    method: request.method.toUpperCase(),
    uri: request.uri,
    entity: match?.[1],
    id: match?.[2],
    query: url.searchParams,
    requestBody: request.body?.string ?? '',
    status: Number(response.status.code),
    headers,
    body: response.body?.string ?? '',
  };
}

function cassetteFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return cassetteFiles(path);
    return name.endsWith('.yml') ? [path] : [];
  });
}

/** The records of a recorded body, raw: one object or an array under the response key; none when absent or "". */
export function recordedRecords(body: string, responseKey: string): Record<string, unknown>[] {
  const value = (JSON.parse(body) as Record<string, unknown>)[responseKey];
  if (value === undefined || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
}

/** A distinct combination of bucket headers recorded, with the first answer that carried it. */
export interface BucketHeaderSet {
  /** `X-LS-API-Bucket-Level` as recorded (`91.672517538069/90`). */
  level: string;
  /** `X-LS-API-Drip-Rate` as recorded, when the answer had one. */
  drip: string | undefined;
  /** Only those two headers, lower-cased. */
  headers: Record<string, string>;
  cassette: string;
}

/** Every distinct bucket level and drip rate pair that real answers carried. */
export function bucketHeaderSets(): BucketHeaderSet[] {
  const sets = new Map<string, BucketHeaderSet>();
  for (const answer of loadCassettes()) {
    const level = answer.headers['x-ls-api-bucket-level'];
    if (level === undefined) continue;
    const drip = answer.headers['x-ls-api-drip-rate'];
    const headers = { 'x-ls-api-bucket-level': level, ...(drip === undefined ? {} : { 'x-ls-api-drip-rate': drip }) };
    if (!sets.has(`${level} ${drip}`)) sets.set(`${level} ${drip}`, { level, drip, headers, cassette: answer.cassette });
  }
  return [...sets.values()];
}
