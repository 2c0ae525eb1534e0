/** Fields an upsert can find its record by ("Match by"): the keys the other system knows. */
import { fieldSchema } from './fieldSchemas';
import { JsonSchema } from './jsonSchema';
import { inSchema } from './schemas';
import { EntitySpec } from './types';

type Body = Record<string, unknown>;

/** A key of the other system that Lightspeed can filter on with `=`. */
export interface MatchField {
  /** Value of the step's `matchField`, and the query parameter of the lookup. */
  key: string;
  label: string;
  /** Where the value sits in the message body, for error messages. */
  bodyPath: string;
  /** Relations the equality lookup (`?{key}=value`) needs loaded. */
  loadRelations: string[];
  /** Lightspeed sets the field itself (systemSku): a new record cannot be given it, so the upsert only updates. */
  readOnly: boolean;
  /** E-mail addresses match whatever their letter case; SKUs and names exactly. */
  ignoreCase: boolean;
  /**
   * Lightspeed documents `IN` for the field (`customSku=IN,["A","B"]`), so many keys are looked up in one query; else
   * one query per key.
   */
  inList: boolean;
  /** Its values are whole numbers (an `IN` list of numbers, not of texts). */
  numeric: boolean;
  /** The value in a (validated) message body, or undefined. */
  valueIn(body: Body): unknown;
  /** The values a record carries, to check each record Lightspeed returns. */
  valuesOf(record: Body): unknown[];
}

/**
 * Fields that identify a record where merchants sync from: SKUs and barcodes of products, names of reference
 * lists. Lightspeed enforces none of them as unique; an upsert that finds two records stops and lists them.
 */
const KEY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Item: ['customSku', 'systemSku', 'upc', 'ean', 'manufacturerSku'],
  Vendor: ['name', 'accountNumber'],
  Manufacturer: ['name'],
  CustomerType: ['name'],
  Season: ['name'],
  Tag: ['name'],
  Serialized: ['serial'],
};

/**
 * A Customer's e-mail, through its Contact. Lightspeed documents relation search one level deep (the relation
 * loaded) but lists no `email` field on Contact; `Contact.email` is what other clients search, so every record it
 * returns is checked for the address before anything is written.
 */
const CONTACT_EMAIL: MatchField = {
  key: 'Contact.email',
  label: 'e-mail (Contact)',
  bodyPath: 'body.Contact.Emails.ContactEmail.address',
  loadRelations: ['Contact'],
  readOnly: false,
  ignoreCase: true,
  // A relation's field is searched with `=` in Lightspeed's docs; nothing says `IN` works through a relation.
  inList: false,
  numeric: false,
  valueIn: (body) => primaryEmail(emailsOf(body)),
  valuesOf: (record) => emailsOf(record).map((email) => email.address),
};

const RELATION_KEYS: Readonly<Record<string, readonly MatchField[]>> = { Customer: [CONTACT_EMAIL] };

/** The match fields of an entity, besides its primary key. */
export function matchFieldsOf(entity: EntitySpec): MatchField[] {
  const plain = (KEY_FIELDS[entity.name] ?? []).map((name) => {
    const spec = entity.fields.find((field) => field.name === name);
    if (!spec) throw new Error(`${entity.name} has no field ${name}`);
    return fieldMatch(name, spec.readOnly, spec.type === 'integer');
  });
  return [...plain, ...(RELATION_KEYS[entity.name] ?? [])];
}

/** Input schema of an upsert by `field`: the upsert's fields without the primary key, the match value required. */
export function matchSchema(entity: EntitySpec, field: MatchField): JsonSchema {
  const schema = inSchema(entity, 'upsert');
  const properties = { ...schema.properties };
  if (entity.primaryKey) delete properties[entity.primaryKey];
  const spec = entity.fields.find((candidate) => candidate.name === field.key);
  const required = [...(schema.required ?? [])];
  if (spec) {
    properties[field.key] ??= fieldSchema(spec); // read-only keys are not writable, but are what the match needs
    required.push(field.key);
  }
  const description = `Finds the ${entity.title} by ${field.label} (archived included): none, creates it${field.readOnly ? ' (not possible for a read-only key: error)' : ''}; one, updates it; several, error.`;
  return { ...schema, description, properties, required };
}

/**
 * The primary key as a match field, for looking records up by ID the way the other keys are: a record cannot be
 * created with an ID of its choosing, so, like a key Lightspeed assigns, it only finds.
 */
export function primaryKeyMatch(entity: EntitySpec): MatchField {
  const key = entity.primaryKey;
  if (!key) throw new Error(`${entity.name} has no primary key`);
  return { ...fieldMatch(key, true, true), label: key };
}

function fieldMatch(name: string, readOnly: boolean, numeric: boolean): MatchField {
  return {
    key: name,
    label: readOnly ? `${name} (updates only: Lightspeed assigns it)` : name,
    bodyPath: `body.${name}`,
    loadRelations: [],
    readOnly,
    ignoreCase: false,
    inList: true,
    numeric,
    valueIn: (body) => body[name],
    valuesOf: (record) => [record[name]],
  };
}

interface Email {
  address: unknown;
  useType?: unknown;
}

/** `Contact.Emails.ContactEmail` as a list (one address may come as an object). */
function emailsOf(record: Body): Email[] {
  const contact = record.Contact as { Emails?: { ContactEmail?: unknown } } | undefined;
  const emails = contact?.Emails?.ContactEmail;
  const list = Array.isArray(emails) ? emails : emails === undefined || emails === null ? [] : [emails];
  return list.filter((email): email is Email => typeof email === 'object' && email !== null);
}

/** The address that identifies the customer: the Primary one, else the only or first one. */
function primaryEmail(emails: Email[]): unknown {
  return (emails.find((email) => email.useType === 'Primary') ?? emails[0])?.address;
}
