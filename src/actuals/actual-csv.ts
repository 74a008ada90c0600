import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CsvError, parse } from 'csv-parse';
import type { ActualBuffer, ActualRowValidator, RawActualRow, RowProblem } from './actual-rows.js';

/**
 * Streams an actuals CSV through csv-parse, validating every row and buffering the valid ones.
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
 * Most characters (or bytes) parsed in one turn of the event loop. csv-parse handles a chunk in
 * one synchronous go; the chunks of a file read, or of a body sent by a fast client, can be large
 * enough for that to hold every other request up for tens of milliseconds.
 */
const SLICE = 16 * 1024;

/**
 * The input in slices of about SLICE, one per turn of the event loop. Text is never cut inside a
 * surrogate pair (csv-parse encodes each string chunk on its own); bytes are cut anywhere
 * (csv-parse decodes fields, not chunks).
 */
async function* inSlices(input: AsyncIterable<string | Buffer>): AsyncGenerator<string | Buffer> {
  for await (const chunk of input) {
    let start = 0;
    while (start < chunk.length) {
      let end = Math.min(start + SLICE, chunk.length);
      if (typeof chunk === 'string') {
        if (end < chunk.length && isHighSurrogate(chunk.charCodeAt(end - 1))) end++;
        yield start === 0 && end === chunk.length ? chunk : chunk.slice(start, end);
      } else {
        yield chunk.subarray(start, end);
      }
      start = end;
      await nextTurn();
    }
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** `input`: the file's text or bytes, e.g. `csvText(request body, limit)` (UTF-8 check, size limit). */
export async function readActualsCsv(
  input: AsyncIterable<string | Buffer>,
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

  // Lines are counted here rather than read from csv-parse's per-record context (`on_record`,
  // `info`), which copies its state into two objects per record and doubles the parse time.
  // A record starts on the line after the previous one ended: one line, plus the line breaks
  // inside its quoted fields. Empty lines come through as one empty field and are skipped.
  let line = 1;
  const sink = new Writable({
    objectMode: true,
    highWaterMark: 1024,
    write(record: string[], _encoding, done) {
      const start = line;
      line++;
      for (const field of record) if (field.includes('\n')) line += field.split('\n').length - 1;
      if (!(record.length === 1 && record[0] === '')) onRecord(record, start);
      done();
    },
  });
  const parser = parse({ bom: true, relax_column_count: true });

  try {
    await pipeline(Readable.from(inSlices(input), { objectMode: false }), parser, sink);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // A broken quote and the like: the rest of the file cannot be read reliably.
    const at = (error as CsvError & { lines?: number }).lines ?? parser.info.lines;
    report({ line: at, problems: [`the CSV cannot be read past this line: ${error.message}`] });
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
