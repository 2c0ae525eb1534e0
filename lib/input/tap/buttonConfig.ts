/** The Register button trigger's fields, read once into typed options, or an error naming the field. */
import { getEntity } from '../../catalog';
import { parseTokenUrl, parseUrl } from '../../client/auth';
import { ValidationError } from '../../client/http';
import { StepConfig } from '../../runtime/context';
import { didYouMean } from '../../text/suggest';
import { relations, SALE_RELATIONS } from '../relations';

/** The records a tap can name: its sale or workorder (by `saleID`), and its customer (by `customerID`). */
export const TAP_ENTITIES = ['Sale', 'Workorder', 'Customer'] as const;
export type TapEntity = typeof TAP_ENTITIES[number];

/** One record to load with a tap, and the relations to load with it. */
export interface TapLoad {
  entity: TapEntity;
  relations: string[];
}

export type TapReply = 'redirect' | 'none';

export interface ButtonConfig {
  buttonUrl: URL;
  loadRecords: TapLoad[];
  reply: TapReply;
  keySetUrl: string;
}

/** Empty Load records: the sale with its lines, payments and customer, or the workorder with its items and lines. */
export const DEFAULT_LOADS: TapLoad[] = [
  { entity: 'Sale', relations: SALE_RELATIONS },
  { entity: 'Workorder', relations: ['WorkorderItems', 'WorkorderLines', 'WorkorderStatus', 'Customer'] },
];

/** Where Lightspeed publishes the keys, on the host of its token endpoint: `https://cloud.lightspeedapp.com/.well-known/jwks`. */
const KEY_SET_PATH = '/.well-known/jwks';

export function parseButtonConfig(cfg: StepConfig): ButtonConfig {
  return {
    buttonUrl: parseButtonUrl(text(cfg, 'buttonUrl')),
    loadRecords: parseLoadRecords(cfg.loadRecords),
    reply: parseReply(cfg.reply),
    keySetUrl: parseKeySetUrl(cfg),
  };
}

function parseButtonUrl(value: string | undefined): URL {
  if (value === undefined) throw new ValidationError('buttonUrl', 'is required: the flow\'s webhook URL, exactly as pasted into the button in Lightspeed');
  const url = parseUrl('buttonUrl', value);
  // A browser never sends the part after #, and Lightspeed appends its parameters after it: no webhook can check that.
  if (url.hash) throw new ValidationError('buttonUrl', 'must not hold a #fragment: use the flow\'s webhook URL as it is');
  if (url.username || url.password) throw new ValidationError('buttonUrl', 'must not hold a user name or password');
  return url;
}

/** `Sale.SaleLines, Sale.Customer.Contact, Customer`: each entry a tap's record, then a relation path of it. */
export function parseLoadRecords(value: unknown): TapLoad[] {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return DEFAULT_LOADS;
  const names = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : undefined;
  if (!names) throw new ValidationError('loadRecords', 'must be a comma-separated list such as "Sale.SaleLines, Customer", or none');
  const entries = names.map((name) => name.trim()).filter(Boolean);
  if (entries.some((entry) => entry.toLowerCase() === 'none')) {
    if (entries.length > 1) throw new ValidationError('loadRecords', '"none" loads nothing, so it cannot stand beside records to load');
    return [];
  }
  const wanted = new Map<TapEntity, string[]>();
  for (const entry of entries) {
    const [head, ...path] = entry.split('.');
    const entity = TAP_ENTITIES.find((name) => name === head);
    if (!entity) {
      throw new ValidationError('loadRecords', `"${entry}" must start with ${TAP_ENTITIES.join(', ')} (the records a tap names)${didYouMean(head, TAP_ENTITIES)}`);
    }
    const list = wanted.get(entity) ?? [];
    if (path.length > 0) list.push(path.join('.'));
    wanted.set(entity, list);
  }
  return [...wanted].map(([entity, list]) => ({ entity, relations: relations(list, getEntity(entity), 'loadRecords') }));
}

function parseReply(value: unknown): TapReply {
  if (value === undefined || value === null || value === '' || value === 'redirect') return 'redirect';
  if (value === 'none') return 'none';
  throw new ValidationError('reply', `must be redirect or none, got ${JSON.stringify(value)}`);
}

/** The step's Key set URL; empty: `/.well-known/jwks` on the token endpoint's host (Lightspeed's, or the simulator's). */
function parseKeySetUrl(cfg: StepConfig): string {
  const value = text(cfg, 'keySetUrl');
  if (value !== undefined) return parseUrl('keySetUrl', value).toString();
  return new URL(KEY_SET_PATH, parseTokenUrl(text(cfg, 'tokenUrl'))).toString();
}

function text(cfg: StepConfig, field: string): string | undefined {
  const value = cfg[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ValidationError(field, `must be text, got ${JSON.stringify(value)}`);
  return value.trim() === '' ? undefined : value.trim();
}
