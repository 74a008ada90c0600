/**
 * A `%term%` pattern for `LOWER(column) LIKE :pattern ESCAPE '\'`, with the user's `%`, `_` and `\`
 * taken literally. Works the same on SQLite and PostgreSQL.
 */
export function containsPattern(term: string): string {
  return `%${term
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The SQL fragment matching `pattern` against any of the columns, case-insensitively. */
export function containsAny(columns: string[], parameter: string): string {
  return `(${columns.map((c) => `LOWER(${c}) LIKE :${parameter} ESCAPE '\\'`).join(' OR ')})`;
}
