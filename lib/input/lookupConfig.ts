import { ValidationError } from '../client/http';
import { StepConfig } from '../runtime/context';

export type LookupEmitBehavior = 'emitIndividually' | 'emitPage' | 'emitAll';

export interface LookupConfig {
  emitBehavior: LookupEmitBehavior;
  /** emitAll refuses to build a message larger than this many records. */
  maxResults: number;
  allowZeroResults: boolean;
  /** Copy the pictures of the Image records emitted into the platform's storage, as message attachments. */
  attachImages: boolean;
}

export const DEFAULT_MAX_RESULTS = 1000;

export function parseLookupConfig(cfg: StepConfig): LookupConfig {
  return {
    emitBehavior: emitBehavior(cfg.emitBehavior),
    maxResults: parseMaxResults(cfg.maxResults),
    allowZeroResults: cfg.allowZeroResults === true || cfg.allowZeroResults === 'true',
    attachImages: flag(cfg, 'attachImages'),
  };
}

function flag(cfg: StepConfig, field: string): boolean {
  const value = cfg[field];
  if (value === undefined || value === null || value === '' || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new ValidationError(field, `must be true or false, got ${JSON.stringify(value)}`);
}

function emitBehavior(value: unknown): LookupEmitBehavior {
  if (value === undefined || value === null || value === '') return 'emitIndividually';
  if (value === 'emitIndividually' || value === 'emitPage' || value === 'emitAll') return value;
  throw new ValidationError('emitBehavior', `must be emitIndividually, emitPage or emitAll, got ${JSON.stringify(value)}`);
}

/** The step's "Maximum results": a positive whole number, default 1000. */
export function parseMaxResults(value: unknown): number {
  if (value === undefined || value === null || value === '') return DEFAULT_MAX_RESULTS;
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
    throw new ValidationError('maxResults', `must be a positive whole number, got ${JSON.stringify(value)}`);
  }
  return number;
}
