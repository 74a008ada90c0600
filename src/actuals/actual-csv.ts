import { setImmediate as nextTurn } from 'node:timers/promises';
import { CsvRecords, CsvSyntaxError } from '../common/csv/csv-records.js';
import type { ActualBuffer, ActualRowValidator, RawActualRow, RowProblem } from './actual-rows.js';

/**
 * Streams an actuals CSV through CsvRecords, validating every row and buffering the valid ones.
 * Nothing is written here: the caller writes the buffer only when no row was bad. No Nest.
 *
 * Format: a header line naming the columns (any order, case-insensitive), then one row per
 * figure. `date`, `metric` and `value` are required; `venueId` (empty = the city) and `note` are
 * optional; `source` is required on every row unless the import gives a default (`?source=`).
 *
 * ```csv
 * date,metric,value,venueId,source
 * 2022-04-01,visitors,41250,,bureau-daily-report
 * 2022-04-01,visitors,12800,6f1c...,ticketing-export
 * ```
 */
export const CSV_COLUMNS = ['date', 'metric', 'value', 'venueId', 'source', 'note'] as const;
const REQUIRED = ['date', 'metric', 'value'] as const;

export interface CsvReadOptions {
  /** Bad rows listed in full; further ones are only counted. */
  maxErrors: number;
}

export interface CsvReadResult {
  /** Data rows read (valid or not). */
  rows: number;
  errors: RowProblem[];
  /** All bad rows, including those beyond `maxErrors`. */
  errorCount: number;
}

type Column = (typeof CSV_COLUMNS)[number];

/**
 * Most characters parsed in one turn of the event loop. The parse of a chunk is one synchronous
 * go; the chunks of a file read, or of a body sent by a fast client, can be large enough for that
 * to hold every other request up for tens of milliseconds.
 */
const SLICE = 16 * 1024;

/**
 * The input in slices of SLICE characters, one per turn of the event loop. A slice may end inside
 * a surrogate pair: CsvRecords joins the pieces of a field as text, so the pair is whole again.
 */
async function* inSlices(input: AsyncIterable<string>): AsyncGenerator<string> {
  for await (const chunk of input) {
    for (let start = 0; start < chunk.length; start += SLICE) {
      yield start === 0 && chunk.length <= SLICE ? chunk : chunk.slice(start, start + SLICE);
      await nextTurn();
    }
  }
}

/** `input`: the file's text, e.g. `csvText(request body, limit)` (UTF-8 check, size limit). */
export async function readActualsCsv(
  input: AsyncIterable<string>,
  validator: ActualRowValidator,
  buffer: ActualBuffer,
  options: CsvReadOptions,
): Promise<CsvReadResult> {
  const result: CsvReadResult = { rows: 0, errors: [], errorCount: 0 };
  const report = (problem: RowProblem) => {
    result.errorCount++;
    if (result.errors.length < options.maxErrors) result.errors.push(problem);
  };
  let columns: (Column | null)[] | null = null;
  let headerFailed = false;
  const raw: RawActualRow = {};

  const onRecord = (record: string[], line: number) => {
    if (headerFailed) return;
    if (!columns) {
      const header = readHeader(record);
      if ('problems' in header) {
        headerFailed = true;
        report({ line, problems: header.problems });
      } else {
        columns = header.columns;
      }
      return;
    }
    result.rows++;
    if (record.length !== columns.length) {
      report({
        line,
        problems: [`expected ${columns.length} fields as in the header, found ${record.length}`],
      });
      return;
    }
    raw.date = raw.metric = raw.value = raw.venueId = raw.source = raw.note = undefined;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i];
      if (column) raw[column] = record[i];
    }
    const checked = validator.check(raw);
    if (Array.isArray(checked)) report({ line, problems: checked });
    else if (!result.errorCount) buffer.push(checked);
    // Once a row is bad nothing will be written: keep reading only to report every bad row.
  };

  const records = new CsvRecords((record, line) => {
    // An empty line is one empty field: skipped.
    if (!(record.length === 1 && record[0] === '')) onRecord(record, line);
  });
  try {
    for await (const slice of inSlices(input)) records.write(slice);
    records.end();
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    // A broken quote and the like: the rest of the file cannot be read reliably.
    report({ line: error.line, problems: [`the CSV cannot be read past this line: ${error.message}`] });
  }
  if (!columns && !headerFailed) report({ line: 1, problems: ['the file is empty: expected a header line'] });
  return result;
}

function readHeader(record: string[]): { columns: (Column | null)[] } | { problems: string[] } {
  const problems: string[] = [];
  const byLower = new Map(CSV_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const columns = record.map((name) => byLower.get(name.trim().toLowerCase()) ?? null);
  record.forEach((name, i) => {
    if (!columns[i]) problems.push(`unknown column "${name}" (columns: ${CSV_COLUMNS.join(', ')})`);
  });
  for (const column of CSV_COLUMNS) {
    if (columns.filter((c) => c === column).length > 1) problems.push(`column ${column} appears twice`);
  }
  for (const column of REQUIRED) {
    if (!columns.includes(column)) problems.push(`the header has no ${column} column`);
  }
  return problems.length ? { problems: [`bad header: ${problems.join('; ')}`] } : { columns };
}
