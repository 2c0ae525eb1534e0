/**
 * The answers of the real Lightspeed accounts recorded in spec/fixtures/real-recordings (VCR cassettes of the
 * lightspeed_pos gem, MIT): specs build their tables from them, so every recorded shape is covered by construction.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { HttpHeaders } from '../../lib/client/http';

export const RECORDINGS_DIR = join(resolve(__dirname, '../../..'), 'spec/fixtures/real-recordings');

/** One recorded answer: the cassette it came from (relative path), its status, headers (lower-cased) and body text. */
export interface RecordedAnswer {
  cassette: string;
  method: string;
  uri: string;
  status: number;
  /** Every header as recorded: a list of values. */
  headers: Record<string, string[]>;
  body: string;
}

interface Cassette {
  http_interactions?: Array<{
    request: { method: string; uri: string };
    response: { status: { code: number }; headers?: Record<string, string[]>; body?: { string?: string } };
  }>;
}

function cassettes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cassettes(path);
    return entry.name.endsWith('.yml') ? [path] : [];
  });
}

/** Every recorded answer of every cassette, in file order. */
export function recordedAnswers(): RecordedAnswer[] {
  return cassettes(RECORDINGS_DIR).flatMap((file) => {
    const cassette = parse(readFileSync(file, 'utf8')) as Cassette;
    return (cassette.http_interactions ?? []).map(({ request, response }) => ({
      cassette: relative(RECORDINGS_DIR, file),
      method: request.method.toUpperCase(),
      uri: request.uri,
      status: response.status.code,
      headers: Object.fromEntries(Object.entries(response.headers ?? {}).map(([name, values]) => [name.toLowerCase(), values.map(String)])),
      body: response.body?.string ?? '',
    }));
  });
}

/** A distinct combination of bucket headers recorded, with the first answer that carried it. */
export interface BucketHeaderSet {
  /** `X-LS-API-Bucket-Level` as recorded (`91.672517538069/90`). */
  level: string;
  /** `X-LS-API-Drip-Rate` as recorded, when the answer had one. */
  drip: string | undefined;
  /** Only those two headers, lower-cased. */
  headers: HttpHeaders;
  cassette: string;
}

/** Every distinct bucket level and drip rate pair that real answers carried. */
export function bucketHeaderSets(): BucketHeaderSet[] {
  const sets = new Map<string, BucketHeaderSet>();
  for (const answer of recordedAnswers()) {
    const [level] = answer.headers['x-ls-api-bucket-level'] ?? [];
    if (level === undefined) continue;
    const [drip] = answer.headers['x-ls-api-drip-rate'] ?? [];
    const headers: HttpHeaders = { 'x-ls-api-bucket-level': level, ...(drip === undefined ? {} : { 'x-ls-api-drip-rate': drip }) };
    if (!sets.has(`${level} ${drip}`)) sets.set(`${level} ${drip}`, { level, drip, headers, cassette: answer.cassette });
  }
  return [...sets.values()];
}
