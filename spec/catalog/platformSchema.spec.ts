import { expect } from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import { JsonSchema } from '../../lib/catalog/jsonSchema';
import { PlatformSchema, toPlatformSchema } from '../../lib/catalog/platformSchema';
import { InVerb } from '../../lib/catalog/schemas';
import { ValidationError } from '../../lib/client/http';
import { actionInput } from '../../lib/input/actionInput';
import { listFiles } from '../../scripts/catalog/fileSystem';
import { repoRoot } from './support';

/** Top-level fields the component's own validation reports missing in an empty body. */
function enforcedRequired(entity: string, verb: InVerb): string[] {
  try {
    actionInput({ body: {} }, { objectType: entity }, verb);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return [...error.message.matchAll(/(?:^|; )body\.([^:.;]+): is required/g)].map((match) => match[1]);
  }
}

/** Paths of the fields marked `required: true`, at every depth (`Contact.Emails.ContactEmail[].address`). */
function markedRequired(schema: PlatformSchema, prefix = ''): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const inner = property.items ?? property;
    const path = `${prefix}${name}${property.items ? '[]' : ''}`;
    return [...(property.required === true ? [path] : []), ...markedRequired(inner, `${path}.`)];
  });
}

describe('the platform\'s schema dialect (required: true on the property)', () => {
  it('moves JSON Schema\'s required lists onto the properties, at every depth, without touching the source', () => {
    const source: JsonSchema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        id: { type: 'integer' },
        note: { type: 'string' },
        lines: { type: 'array', items: { type: 'object', properties: { qty: { type: 'number' }, sku: { type: 'string' } }, required: ['qty'] } },
        address: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        either: { anyOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { type: 'string' }] },
        extra: { type: 'object', additionalProperties: { type: 'object', properties: { b: { type: 'string' } }, required: ['b'] } },
      },
      required: ['id', 'address'],
      additionalProperties: false,
    };
    const before = structuredClone(source);
    expect(toPlatformSchema(source)).to.deep.equal({
      type: 'object',
      properties: {
        id: { type: 'integer', required: true },
        note: { type: 'string' },
        lines: { type: 'array', items: { type: 'object', properties: { qty: { type: 'number', required: true }, sku: { type: 'string' } } } },
        address: { type: 'object', properties: { city: { type: 'string', required: true } }, required: true },
        either: { anyOf: [{ type: 'object', properties: { a: { type: 'string', required: true } } }, { type: 'string' }] },
        extra: { type: 'object', additionalProperties: { type: 'object', properties: { b: { type: 'string', required: true } } } },
      },
      additionalProperties: false,
    });
    expect(source).to.deep.equal(before);
  });

  it('every schemas/in file marks required fields the platform\'s way, at every depth, and the component\'s validation enforces exactly those', () => {
    const files = listFiles(repoRoot, 'schemas/in');
    expect(files.length).to.be.greaterThan(200);
    let withRequired = 0;
    for (const file of files) {
      const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
      expect(text, `${file} still has a JSON Schema required list`).not.to.match(/"required": \[/);
      const [, verb, entity] = file.match(/^schemas\/in\/(\w+)\/(\w+)\.json$/) ?? [];
      const marked = markedRequired(JSON.parse(text) as PlatformSchema);
      expect(enforcedRequired(entity, verb as InVerb), file).to.have.members(marked);
      if (marked.length > 0) withRequired += 1;
    }
    expect(withRequired, 'in-schemas with required fields').to.be.greaterThan(50);
  });
});
