import { NODE_ENV, VARIABLES, type ConfigVariable } from '../../../config/defaults.js';

/** The README's configuration table sits between these lines. */
export const TABLE_START =
  '<!-- configuration table: made by `npm run docs:config` from config/defaults.ts -->';
export const TABLE_END = '<!-- end of the configuration table -->';

const code = (value: string) => `\`${value}\``;

/** The "Default" cell: the value, then where another environment differs. */
export function defaultCell(v: ConfigVariable): string {
  if (v.shown) return v.shown;
  const base = v.default ? code(v.default) : '_(none)_';
  const others = (['test', 'production'] as const).filter((e) => v[e] !== undefined && v[e] !== v.default);
  if (!others.length) return base;
  // Environments that share a value are named together: "(`false` in test and production)".
  const byValue = new Map<string, string[]>();
  for (const e of others) byValue.set(v[e]!, [...(byValue.get(v[e]!) ?? []), e]);
  const notes = [...byValue].map(
    ([value, envs]) => `${value ? code(value) : 'none'} in ${envs.join(' and ')}`,
  );
  return `${base} (${notes.join('; ')})`;
}

/** The table's rows as cells: variable, default, meaning (NODE_ENV first). */
export function configRows(): string[][] {
  return [
    ['NODE_ENV', NODE_ENV] as const,
    ...Object.entries(VARIABLES).map(([name, v]: [string, ConfigVariable]) => [name, v] as const),
  ].map(([name, v]) => [code(name), defaultCell(v), v.meaning]);
}

/** The table in Markdown (unaligned: Prettier aligns it). */
export function configTable(): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [row(['Variable', 'Default', 'Meaning']), row(['---', '---', '---']), ...configRows().map(row)].join(
    '\n',
  );
}

/** The README with its configuration table replaced by a freshly made one. */
export function withConfigTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${TABLE_START}" … "${TABLE_END}" section`);
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${configTable()}\n\n${readme.slice(end)}`;
}

/** The rows of the README's table as they read (cells trimmed), to compare with `configRows`. */
export function readmeRows(readme: string): string[][] {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) return [];
  return readme
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}
