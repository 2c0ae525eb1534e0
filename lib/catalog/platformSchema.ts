/**
 * elastic.io's designer and mapper read a required input field as `required: true` on the property itself, not as
 * JSON Schema's `required: [...]` on the object that holds it. The schema builders write JSON Schema, which ajv
 * enforces; the platform gets this conversion of the same schema, so both always name the same fields.
 */
import { JsonSchema } from './jsonSchema';

/** A schema in the platform's dialect: `required` is a flag on a property, at every depth. */
export type PlatformSchema = Omit<JsonSchema, '$schema' | 'required' | 'properties' | 'items' | 'anyOf' | 'additionalProperties'> & {
  required?: true;
  properties?: Record<string, PlatformSchema>;
  items?: PlatformSchema;
  anyOf?: PlatformSchema[];
  additionalProperties?: boolean | PlatformSchema;
};

/**
 * The platform's dialect of `schema` (a converted copy; keys keep their order). `$schema` is dropped: a property
 * carrying `required: true` is no longer valid draft-07.
 */
export function toPlatformSchema(schema: JsonSchema): PlatformSchema {
  const converted: PlatformSchema = {};
  for (const [key, value] of Object.entries(schema) as Array<[keyof JsonSchema, unknown]>) {
    switch (key) {
      case '$schema':
      case 'required':
        break;
      case 'properties':
        converted.properties = convertProperties(value as Record<string, JsonSchema>, new Set(schema.required));
        break;
      case 'items':
        converted.items = toPlatformSchema(value as JsonSchema);
        break;
      case 'anyOf':
        converted.anyOf = (value as JsonSchema[]).map(toPlatformSchema);
        break;
      case 'additionalProperties':
        converted.additionalProperties = typeof value === 'boolean' ? value : toPlatformSchema(value as JsonSchema);
        break;
      default:
        (converted as Record<string, unknown>)[key] = value;
    }
  }
  return converted;
}

function convertProperties(properties: Record<string, JsonSchema>, required: Set<string>): Record<string, PlatformSchema> {
  return Object.fromEntries(Object.entries(properties).map(([name, property]) => {
    const converted = toPlatformSchema(property);
    return [name, required.has(name) ? { ...converted, required: true } : converted];
  }));
}
