import { expect } from 'chai';
import { replaceEntityTable, TABLE_END, TABLE_START } from '../../scripts/catalog/readmeTable';
import { renderEntityTable } from '../../scripts/catalog/renderEntityTable';
import { freshCatalog } from './support';

describe('entity table (docs/entities.md)', () => {
  const catalog = freshCatalog();
  const table = renderEntityTable(catalog);
  const rows = table.trimEnd().split('\n');
  const rowOf = (name: string): string[] => {
    const row = rows.find((line) => line.startsWith(`| ${name} |`));
    if (!row) throw new Error(`no row for ${name}`);
    return row.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()); // `\|` is a pipe inside a cell
  };

  it('has a header, a separator and one row per entity', () => {
    expect(rows[0]).to.equal('| Entity | R | Q | C | U | D | Poll | Primary key | Main path |');
    expect(rows).to.have.length(catalog.length + 2);
    for (const entity of catalog) expect(rowOf(entity.name)[0]).to.equal(entity.name);
  });

  it('marks R/Q/C/U, whether DELETE archives or deletes, and what the trigger polls by default', () => {
    expect(rowOf('Item')).to.deep.equal(['Item', 'R', 'Q', 'C', 'U', 'archive', '`timeStamp`', 'itemID', '`Item.json`']);
    expect(rowOf('Category')[5]).to.equal('delete');
    expect(rowOf('Sale')[6]).to.equal('`timeStamp\\|updatetime`');
    expect(rowOf('SaleSaleLine')[6], 'a parent ID in its path').to.equal('·');
    expect(rowOf('RegisterOpen')).to.deep.equal(
      ['RegisterOpen', '·', '·', 'C', '·', '·', '·', 'registerWithdrawID', '`Register/{registerID}/open.json`']);
    expect(rowOf('ReportsAccountingTaxesByDay')[7]).to.equal('—');
    expect(rowOf('Account')[8]).to.equal('`/API/V3/Account.json`');
  });

  it('replaces only the text between the markers', () => {
    const readme = `# Title\n\n${TABLE_START}\nold table\n${TABLE_END}\n\nrest\n`;
    const updated = replaceEntityTable(readme, table);
    expect(updated).to.equal(`# Title\n\n${TABLE_START}\n${table}${TABLE_END}\n\nrest\n`);
    expect(replaceEntityTable(updated ?? '', table)).to.equal(updated);
    expect(replaceEntityTable('# no markers\n', table)).to.equal(null);
  });
});
