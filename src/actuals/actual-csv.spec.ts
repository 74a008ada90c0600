import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../common/errors/domain-error.js';
import { csvText } from '../common/http/csv-body.js';
import { readActualsCsv } from './actual-csv.js';
import { ActualBuffer, ActualRowValidator } from './actual-rows.js';

const VENUE = '3b2f6a1e-0000-4000-8000-000000000001';

function validator(defaultSource?: string) {
  return new ActualRowValidator({ venueIds: new Set([VENUE]), today: '2022-04-10', defaultSource });
}

async function read(
  csv: string | string[],
  options: { defaultSource?: string; maxErrors?: number; maxBytes?: number } = {},
) {
  const buffer = new ActualBuffer();
  const chunks = Array.isArray(csv) ? csv : [csv];
  const input = csvText(Readable.from(chunks.map((c) => Buffer.from(c))), options.maxBytes ?? 1_000_000);
  const result = await readActualsCsv(input, validator(options.defaultSource), buffer, {
    maxErrors: options.maxErrors ?? 100,
  });
  return { ...result, buffer };
}

describe('actuals CSV', () => {
  it('reads valid rows in any column order, with a BOM, CRLF and chunks split mid-line', async () => {
    const csv =
      '\uFEFFMetric,date,VALUE,venueId,source,note\r\nvisitors,2022-04-01,41250,,bureau,\r\nrevenue,2022-04-01,"9800000",' +
      `${VENUE},ticketing,"late, corrected"\r\n\r\n`;
    const { rows, errors, buffer } = await read([csv.slice(0, 37), csv.slice(37, 90), csv.slice(90)]);
    expect(errors).toEqual([]);
    expect(rows).toBe(2);
    expect(buffer.row(0)).toEqual({
      date: '2022-04-01',
      metric: 'visitors',
      venueId: null,
      value: 41250,
      source: 'bureau',
      note: null,
    });
    expect(buffer.row(1)).toEqual({
      date: '2022-04-01',
      metric: 'revenue',
      venueId: VENUE,
      value: 9_800_000,
      source: 'ticketing',
      note: 'late, corrected',
    });
    expect([...buffer.years]).toEqual([2022]);
    expect(buffer.venueIds()).toEqual([VENUE]);
  });

  it('reports every bad row with its line and what is wrong, and keeps none', async () => {
    const csv = [
      'date,metric,value,venueId',
      '2022-04-01,visitors,100,', // line 2: ok
      '2022-02-30,visitors,100,', // 3: no such date
      '2022-04-02,visits,100,', // 4: metric
      '2022-04-03,visitors,-5,', // 5: negative
      '2022-04-04,visitors,1.5,', // 6: decimal
      '2022-04-05,visitors,,unknown-venue', // 7: two problems
      '2022-04-06,visitors,7', // 8: field count
      '2022-05-01,revenue,100,', // 9: future
      '2022-04-07,revenue,100,', // 10: ok
    ].join('\n');
    const { rows, errors, errorCount } = await read(csv, { defaultSource: 'upload' });
    expect(rows).toBe(9);
    expect(errorCount).toBe(7);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(errors[0].problems).toEqual(['date "2022-02-30" is not a date written YYYY-MM-DD']);
    expect(errors[1].problems[0]).toMatch(/metric "visits" must be one of visitors, revenue/);
    expect(errors[2].problems[0]).toMatch(/value "-5" must be a whole number/);
    expect(errors[4].problems).toEqual(['value is missing', 'venueId "unknown-venue" is not a known venue']);
    expect(errors[5].problems).toEqual(['expected 4 fields as in the header, found 3']);
    expect(errors[6].problems[0]).toMatch(/in the future/);
  });

  it('needs a source, from the row or the default', async () => {
    const { errors } = await read('date,metric,value\n2022-04-01,visitors,1\n');
    expect(errors).toEqual([{ line: 2, problems: ['source is missing (give a source column or ?source=)'] }]);
    const withDefault = await read('date,metric,value\n2022-04-01,visitors,1\n', { defaultSource: 'upload' });
    expect(withDefault.errors).toEqual([]);
    expect(withDefault.buffer.row(0).source).toBe('upload');
  });

  it('refuses a bad header at line 1', async () => {
    const { errors } = await read('day,metric,vistors\n2022-04-01,visitors,1\n');
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(1);
    expect(errors[0].problems[0]).toMatch(
      /unknown column "day".*unknown column "vistors".*no date column.*no value column/,
    );
    expect((await read('')).errors).toEqual([
      { line: 1, problems: ['the file is empty: expected a header line'] },
    ]);
  });

  it('reads a chunk larger than it parses at once without cutting a character in two', async () => {
    const note = '😀'.repeat(500); // 1000 UTF-16 code units: surrogate pairs
    const lines = ['date,metric,value,source,note', '2022-01-31,visitors,1,a,a plain note'];
    for (let day = 1; day <= 28; day++)
      lines.push(`2022-02-${String(day).padStart(2, '0')},visitors,${day},a,${note}`);
    const csv = lines.join('\n');
    // The first slice (16 KiB of text) would end on the first half of a pair: the case at stake.
    expect(csv.charCodeAt(16 * 1024 - 1).toString(16)).toBe('d83d');
    const { rows, errors, buffer } = await read(csv);
    expect(errors).toEqual([]);
    expect(rows).toBe(29);
    for (let i = 1; i < 29; i++) expect(buffer.row(i).note).toBe(note);
  });

  it('reports where a broken quote stops the reading', async () => {
    const { errors } = await read(
      'date,metric,value,source\n2022-04-01,visitors,1,a\n2022-04-02,visitors,"2"x,a\n',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(3);
    expect(errors[0].problems[0]).toMatch(/cannot be read past this line/);
  });

  it('lists at most maxErrors bad rows but counts them all', async () => {
    const lines = ['date,metric,value,source', ...Array.from({ length: 50 }, () => 'x,visitors,1,a')];
    const { errors, errorCount } = await read(lines.join('\n'), { maxErrors: 10 });
    expect(errors).toHaveLength(10);
    expect(errorCount).toBe(50);
  });

  it('stops at the byte limit and refuses text that is not UTF-8', async () => {
    await expect(
      read('date,metric,value,source\n' + '2022-04-01,visitors,1,a\n'.repeat(100), { maxBytes: 500 }),
    ).rejects.toMatchObject({ status: 413 });
    const gbk = Buffer.from([0x64, 0x61, 0x74, 0x65, 0x0a, 0xd5, 0xc5]); // "date\n" + 张 in GBK
    const buffer = new ActualBuffer();
    await expect(
      readActualsCsv(csvText(Readable.from([gbk]), 1000), validator('a'), buffer, { maxErrors: 10 }),
    ).rejects.toBeInstanceOf(DomainError);
  });
});
