/** What the API handlers receive and return. */
import { SimulatorOptions } from './options';
import { Relations } from './relations';
import { Store } from './store';
import { SimEntity, SimResponse, Verb } from './types';

/** A routed API request. */
export interface ApiRequest {
  entity: SimEntity;
  verb: Verb;
  /** Values of the path's parent-key placeholders, in entity.parentKeys order. */
  parentValues: string[];
  /** The record id of single-record paths. */
  id: string | null;
  query: URLSearchParams;
  body: unknown;
  /** Absolute URL of the requested path without its query (base of next/previous links). */
  linkBase: string;
}

/** Shared state the handlers work on. */
export interface ApiServices {
  store: Store;
  relations: Relations;
  options: Pick<SimulatorOptions, 'contactEmailSearch'>;
}

/** A handler's answer; `page` describes a query page (for the heavy-page fault). */
export interface ApiResult extends SimResponse {
  page?: { records: number; relations: number };
}
