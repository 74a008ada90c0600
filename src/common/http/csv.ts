import { stringify } from 'csv-stringify/sync';

/** The UTF-8 byte order mark: Excel needs it to read UTF-8 (Chinese) CSV correctly. */
export const BOM = '\uFEFF';

/** First characters that make Excel and LibreOffice treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Writes a CSV document for spreadsheets: UTF-8 with BOM, CRLF line ends, a header row, and cells
 * that would start a formula prefixed with `'` (OWASP CSV injection), which {@link unguardCell}
 * removes again on import.
 */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const guarded = rows.map((row) =>
    row.map((v) => (typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v)),
  );
  return (
    BOM + stringify([header, ...guarded], { record_delimiter: 'windows', cast: { number: (n) => String(n) } })
  );
}

/** Undoes the formula guard of {@link toCsv}: `'=A1` reads back as `=A1`; other cells are untouched. */
export const unguardCell = (value: string): string =>
  value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;

/** `events-2022-09-30.csv` style attachment header. */
export const attachment = (name: string): string => `attachment; filename="${name}"`;
