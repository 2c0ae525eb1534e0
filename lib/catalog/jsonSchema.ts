/** The subset of JSON Schema (draft-07) the catalog's schema builders emit. */

export type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

export type JsonValue = string | number | boolean | null;

export interface JsonSchema {
  $schema?: string;
  title?: string;
  description?: string;
  type?: JsonType | JsonType[];
  format?: string;
  enum?: JsonValue[];
  minimum?: number;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
}

/** Meta-schema URI of every generated schema (ajv 8's default dialect). */
export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
