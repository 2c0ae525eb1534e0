/** What PHP answered (spec/fixtures/register-button/vectors.json, written by make-vectors.php beside it). */
import fs from 'node:fs';
import path from 'node:path';

export interface Vectors {
  php: string;
  urlencode: Array<[string, string]>;
  httpBuildQuery: Array<{ params: Record<string, string>; query: string }>;
  signedTap: {
    jwk: Record<string, string>;
    buttonUrl: string;
    query: Record<string, string>;
    message: string;
    signedUrl: string;
  };
}

export const vectors = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../spec/fixtures/register-button/vectors.json'), 'utf8')) as Vectors;

/** `params` without the parameters named. */
export function without(params: Record<string, string>, ...names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => !names.includes(name)));
}
