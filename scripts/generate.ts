/**
 * `npm run generate`: rebuilds lib/catalog/entities.json, schemas/ and the README entity table
 * from data/lightspeed-api/catalog.json. Run from the repository root.
 */
import { buildCatalog } from './catalog/buildCatalog';
import { readRawCatalog, updateReadme, writeGeneratedFiles } from './catalog/fileSystem';
import { generatedFiles } from './catalog/generatedFiles';
import { replaceEntityTable } from './catalog/readmeTable';
import { renderEntityTable } from './catalog/renderEntityTable';

function main(root: string): void {
  const catalog = buildCatalog(readRawCatalog(root));
  const files = generatedFiles(catalog);
  writeGeneratedFiles(root, files);
  const table = renderEntityTable(catalog);
  const readmeUpdated = updateReadme(root, (readme) => replaceEntityTable(readme, table));
  console.log(`generate: ${catalog.length} entities, ${files.length} files written` +
    (readmeUpdated ? ', README table updated' : ', README table skipped (no README.md or markers)'));
}

main(process.cwd());
