/**
 * `npm run generate`: rebuilds lib/catalog/entities.json, schemas/ and the entity table of docs/entities.md
 * from data/lightspeed-api/catalog.json and the facts
 * real answers add (data/real-recordings/observed.json). Run from the repository root.
 */
import { readCatalog, updatePage, writeGeneratedFiles } from './catalog/fileSystem';
import { generatedFiles } from './catalog/generatedFiles';
import { ENTITY_TABLE_PAGE, replaceEntityTable } from './catalog/readmeTable';
import { renderEntityTable } from './catalog/renderEntityTable';

function main(root: string): void {
  const catalog = readCatalog(root);
  const files = generatedFiles(catalog);
  writeGeneratedFiles(root, files);
  const table = renderEntityTable(catalog);
  const tableUpdated = updatePage(root, ENTITY_TABLE_PAGE, (page) => replaceEntityTable(page, table));
  console.log(`generate: ${catalog.length} entities, ${files.length} files written` +
    (tableUpdated ? `, ${ENTITY_TABLE_PAGE} table updated` : `, ${ENTITY_TABLE_PAGE} table skipped (no file or markers)`));
}

main(process.cwd());
