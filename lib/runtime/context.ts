import { Logger } from '../client/http';
import type { PlatformMessage } from './messages';

/** `this` of a trigger or action as sailor calls it. */
export interface HandlerContext {
  emit(event: 'data', message: PlatformMessage): Promise<unknown> | unknown;
  emit(event: 'snapshot', snapshot: object): Promise<unknown> | unknown;
  emit(event: 'updateKeys', keys: object): Promise<unknown> | unknown;
  emit(event: 'error', error: Error): Promise<unknown> | unknown;
  emit(event: string, payload?: unknown): Promise<unknown> | unknown;
  logger: Logger;
  /** Sailor's platform API client (absent in service mode and in tests that do not need it). */
  getApiClient?(): PlatformApiClient;
}

/** The part of sailor's platform API client the component uses: reading the stored credential. */
export interface PlatformApiClient {
  accounts: { retrieve(accountId: string): Promise<unknown> };
}

/** The message sailor hands to `process`. */
export interface IncomingMessage {
  id?: string;
  body?: unknown;
  headers?: Record<string, unknown>;
  /** Binary content beside the body: `{name: {url, size, "content-type"}}`. */
  attachments?: Record<string, unknown>;
  /** A webhook request's query parameters, decoded (a webhook trigger's message only). */
  query?: Record<string, unknown>;
  /** A webhook request's method and URL as the platform saw them (what `url` holds is not documented). */
  method?: string;
  url?: string;
}

/** Step fields merged with the credential's, as sailor passes them. */
export type StepConfig = Record<string, unknown>;
