/** Which kind of database constraint an error from SQLite or PostgreSQL broke, if any. */
export type ConstraintViolation = 'unique' | 'foreign_key' | 'check' | 'not_null';

const CODES: Record<string, ConstraintViolation> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23514': 'check',
  '23502': 'not_null',
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
};

export function constraintViolation(error: unknown): ConstraintViolation | null {
  const e = error as {
    code?: string;
    message?: string;
    driverError?: { code?: string; message?: string };
  } | null;
  const code = e?.driverError?.code ?? e?.code;
  // SQLite reports an `ON DELETE RESTRICT` foreign key as a trigger failure.
  if (code === 'SQLITE_CONSTRAINT_TRIGGER' && /FOREIGN KEY/.test(e?.driverError?.message ?? e?.message ?? ''))
    return 'foreign_key';
  return (code && CODES[code]) || null;
}

/** A UNIQUE (or primary key) violation: someone else made the same record first. */
export const isUniqueViolation = (error: unknown): boolean => constraintViolation(error) === 'unique';
