/** Markdown table of every entity: which verbs it allows, whether the trigger can poll it, its key and main path. */
import { EntitySpec, Verb } from '../../lib/catalog/types';
import { pollingChoices } from '../../lib/triggers/polling/fields';

const VERB_COLUMNS: readonly [Verb, string][] = [
  ['read', 'R'], ['query', 'Q'], ['create', 'C'], ['update', 'U'], ['delete', 'D'],
];

const ROOT_PREFIX: Record<EntitySpec['root'], string> = {
  account: '',
  v3: '/API/V3/',
  api: '/API/',
};

const NOT_ALLOWED = '·';

/** One row per entity; D says whether DELETE archives or deletes, Poll the trigger's default polling field. */
export function renderEntityTable(entities: readonly EntitySpec[]): string {
  const header = ['Entity', ...VERB_COLUMNS.map(([, letter]) => letter), 'Poll', 'Primary key', 'Main path'];
  const rows = entities.map((entity) => [
    entity.name,
    ...VERB_COLUMNS.map(([verb, letter]) => verbCell(entity, verb, letter)),
    pollCell(entity),
    entity.primaryKey ?? '—',
    `\`${mainPath(entity)}\``,
  ]);
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

function verbCell(entity: EntitySpec, verb: Verb, letter: string): string {
  if (!entity.actions[verb]) return NOT_ALLOWED;
  return verb === 'delete' ? entity.deleteSemantics ?? 'delete' : letter;
}

/** The default polling field (`|` escaped for Markdown), or not pollable. */
function pollCell(entity: EntitySpec): string {
  const [choice] = pollingChoices(entity);
  return choice ? `\`${choice.field.replace('|', '\\|')}\`` : NOT_ALLOWED;
}

/** Collection path when there is one, else the first path the entity has; prefixed unless account-rooted. */
function mainPath(entity: EntitySpec): string {
  const { paths } = entity;
  const path = paths.query ?? paths.create ?? paths.read ?? paths.update ?? paths.delete ?? '';
  return `${ROOT_PREFIX[entity.root]}${path}`;
}
