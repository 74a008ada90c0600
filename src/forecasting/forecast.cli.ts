/**
 * Command line: forecast every series of a long-format CSV.
 *   npm run forecast -- --input FILE.csv --output OUT.csv
 * Input columns: series,frequency,horizon,split,t,period,value (only split=train rows are used).
 * Output columns: series,h,value,lo80,hi80,lo95,hi95.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { forecastRecordsToCsv } from './forecast-csv.js';
import { parseSeriesCsv, SeriesCsvError } from './series-csv.js';
import { errorMessage } from '../common/errors/error-message.js';

const USAGE = 'usage: npm run forecast -- --input FILE.csv --output OUT.csv';

function main(argv: string[]): number {
  let input: string | undefined;
  let output: string | undefined;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { input: { type: 'string' }, output: { type: 'string' }, help: { type: 'boolean' } },
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    ({ input, output } = values);
  } catch (error) {
    process.stderr.write(`forecast: ${errorMessage(error)}\n${USAGE}\n`);
    return 2;
  }
  if (!input || !output) {
    process.stderr.write(`forecast: --input and --output are required\n${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(input, 'utf8');
  } catch (error) {
    process.stderr.write(
      `forecast: cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}\n`,
    );
    return 1;
  }
  try {
    const records = parseSeriesCsv(text);
    writeFileSync(output, forecastRecordsToCsv(records));
    process.stderr.write(`forecast: wrote ${records.length} series to ${output}\n`);
    return 0;
  } catch (error) {
    if (error instanceof SeriesCsvError) {
      process.stderr.write(`forecast: ${input}: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`forecast: ${errorMessage(error)}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
