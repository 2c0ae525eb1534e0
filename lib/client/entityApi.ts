import { pathFor } from '../catalog';
import { addedNestedRecords } from '../catalog/nestedRecords';
import { shapeOf } from '../catalog/shapes';
import { EntitySpec, Verb } from '../catalog/types';
import { MalformedResponseError, RequestContext } from './http';
import { HttpMethod, LightspeedClient } from './LightspeedClient';
import { extractRecords, normalizeRecord } from './normalize';
import { JsonRecord } from '../catalog/records';
import { PageSizeSettings } from './rate';
import { Page, paginate, records } from './paginator';
import { fillPath } from './paths';

/** A collection query. */
export interface CollectionQuery {
  /** Lightspeed query parameters as sent: filters (`timeStamp: '>=,2024-01-01T00:00:00+00:00'`), sort, archived... */
  params?: Record<string, string>;
  /** Relations to load with each record. */
  loadRelations?: string[];
  /** Values of the path's parent keys (`saleID` for Sale/{saleID}/SaleLine.json). */
  pathValues?: Record<string, unknown>;
  pageSize?: Partial<PageSizeSettings>;
}

/** What a one-record request carries besides its path. */
interface SingleOptions {
  body?: JsonRecord;
  loadRelations?: string[];
  unsafeToRepeat?: string;
}

const METHOD_OF: Record<Exclude<Verb, 'query'>, HttpMethod> = { read: 'GET', create: 'POST', update: 'PUT', delete: 'DELETE' };

/** Catalog-driven operations on entities: paths from the catalog, records normalised on the way out. */
export class EntityApi {
  constructor(readonly client: LightspeedClient) {}

  read(entity: EntitySpec, pathValues: Record<string, unknown>, loadRelations: string[] = []): Promise<JsonRecord> {
    return this.single(entity, 'read', pathValues, { loadRelations });
  }

  create(entity: EntitySpec, pathValues: Record<string, unknown>, body: JsonRecord): Promise<JsonRecord> {
    return this.single(entity, 'create', pathValues, { body });
  }

  /** A PUT that adds nested records (SaleLines without saleLineID...) is not retried after an unclear failure. */
  update(entity: EntitySpec, pathValues: Record<string, unknown>, body: JsonRecord): Promise<JsonRecord> {
    const added = addedNestedRecords(entity, body);
    const unsafeToRepeat = added.length === 0 ? undefined
      : `the update may have been applied in Lightspeed, and sending it again would add its new ${added.join(' and ')} `
        + `records a second time: look the ${entity.name} up and check them before running it again`;
    return this.single(entity, 'update', pathValues, { body, unsafeToRepeat });
  }

  /** Archives or deletes, as the catalog says the entity does; returns what Lightspeed answered. */
  delete(entity: EntitySpec, pathValues: Record<string, unknown>): Promise<JsonRecord> {
    return this.single(entity, 'delete', pathValues);
  }

  /** Pages of a collection query, following `next` with an adaptive page size. */
  async *pages(entity: EntitySpec, query: CollectionQuery = {}): AsyncGenerator<Page> {
    const relative = fillPath(pathFor(entity, 'query'), query.pathValues ?? {});
    const url = await this.client.url(entity.root, relative);
    for (const [name, value] of Object.entries(query.params ?? {})) url.searchParams.set(name, value);
    setRelations(url, query.loadRelations ?? []);
    yield* paginate(this.client, url, {
      responseKey: entity.responseKey,
      shape: shapeOf(entity),
      context: { method: 'GET', entity: entity.name, path: relative },
      pageSize: { ...this.client.settings.pageSize, ...query.pageSize },
    });
  }

  /** Records of a collection query, one by one. */
  records(entity: EntitySpec, query: CollectionQuery = {}): AsyncGenerator<JsonRecord> {
    return records(this.pages(entity, query));
  }

  private async single(
    entity: EntitySpec, verb: Exclude<Verb, 'query'>, pathValues: Record<string, unknown>, options: SingleOptions = {},
  ): Promise<JsonRecord> {
    const { body, loadRelations = [], unsafeToRepeat } = options;
    const relative = fillPath(pathFor(entity, verb), pathValues); // bad IDs fail here, before any request
    const method = METHOD_OF[verb];
    const id = entity.primaryKey ? pathValues[entity.primaryKey] : undefined;
    const context: RequestContext = { method, entity: entity.name, path: relative, id: id as string | number | undefined };
    const url = await this.client.url(entity.root, relative);
    setRelations(url, loadRelations);
    const response = await this.client.call({ method, url: url.toString(), body, context, unsafeToRepeat });
    // An action endpoint without records of its own (Sale/{saleID}/EmailReceipt.json) answers a message: that is the answer.
    if (entity.primaryKey === null && verb === 'create' && isJsonObject(response.body)) return response.body;
    const [record] = extractRecords(response.body, entity.responseKey, context);
    if (!record) throw new MalformedResponseError(`the answer holds no ${entity.responseKey}`, context);
    return normalizeRecord(record, shapeOf(entity));
  }
}

function isJsonObject(body: unknown): body is JsonRecord {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}

/** Lightspeed's `load_relations=["A","B"]`: a JSON array (a malformed one silently returns no records). */
function setRelations(url: URL, relations: string[]): void {
  if (relations.length > 0) url.searchParams.set('load_relations', JSON.stringify(relations));
}
