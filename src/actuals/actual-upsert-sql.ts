/**
 * The SQL shared by the writers of actuals, on SQLite and PostgreSQL: an upsert on
 * (scope, metric, date) where a later row replaces the earlier figure. Plain strings, no imports,
 * so that the SQLite write thread loads nothing else.
 */
export const ACTUAL_COLUMNS = [
  'scopeKey',
  'metric',
  'date',
  'scope',
  'venueId',
  'value',
  'source',
  'note',
  'updatedAt',
];

export const UPSERT_CONFLICT = `ON CONFLICT ("scopeKey", "metric", "date") DO UPDATE SET ${ACTUAL_COLUMNS.slice(
  3,
)
  .map((c) => `"${c}" = excluded."${c}"`)
  .join(', ')}`;

export const INSERT_ACTUALS = `INSERT INTO "actuals" (${ACTUAL_COLUMNS.map((c) => `"${c}"`).join(', ')})`;
