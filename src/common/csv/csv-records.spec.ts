import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { CsvRecords, CsvSyntaxError } from './csv-records.js';

/** The records of `text` given in the chunks cut at `cuts`, with their lines. */
function read(text: string, cuts: number[] = []): { records: string[][]; lines: number[] } {
  const records: string[][] = [];
  const lines: number[] = [];
  const reader = new CsvRecords((fields, line) => {
    records.push(fields);
    lines.push(line);
  });
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    reader.write(text.slice(from, cut));
    from = cut;
  }
  reader.end();
  return { records, lines };
}

const csvParse = (text: string): string[][] => parse(text, { bom: true, relax_column_count: true });

const SAMPLES = [
  'date,metric,value\n2022-04-01,visitors,1\n2022-04-02,revenue,2\n',
  'date,metric,value\r\n2022-04-01,visitors,1\r\n2022-04-02,revenue,2',
  'a,b\rc,d\r',
  '\uFEFFa,b,c\n1,,3\n,,\n',
  'a,"b, with a comma","c ""quoted"""\n"",x,"multi\nline\nnote"\n"last"',
  'a,b\n\n\nc,d\n\n',
  'one\ntwo,three,four\nfive\n',
  'a,"😀😀",b\n"é",ü,\n',
  'a,b,\n,\n',
];

describe('CsvRecords', () => {
  it('reads what csv-parse reads, however the text is cut into chunks', () => {
    for (const sample of SAMPLES) {
      const expected = csvParse(sample);
      expect(read(sample).records).toEqual(expected);
      for (let cut = 1; cut < sample.length; cut++) expect(read(sample, [cut]).records).toEqual(expected);
      const everyChar = Array.from({ length: sample.length - 1 }, (_, i) => i + 1);
      expect(read(sample, everyChar).records).toEqual(expected);
    }
  });

  it('gives each record the line it starts on, counting line breaks inside quoted fields', () => {
    const text = 'h1,h2\r\nx,"two\nlines"\r\n\r\ny,"three\n\nlines"\nz,1';
    for (const cuts of [[], [9], [12, 13, 14]]) {
      expect(read(text, cuts).lines).toEqual([1, 2, 4, 5, 8]);
    }
  });

  it('refuses a quote inside an unquoted field, text after a closing quote and an unclosed quote, with their line', () => {
    const failure = (text: string) => {
      try {
        read(text);
      } catch (error) {
        return error;
      }
      throw new Error(`no error for ${text}`);
    };
    for (const [text, line] of [
      ['a,b\nc,d"e\n', 2],
      ['a,b\nc,"d"e\n', 2],
      ['a,b\nc, "d"\n', 2],
      ['a,b\n"c\n\nd,e\n', 2],
    ] as const) {
      const error = failure(text);
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect((error as CsvSyntaxError).line).toBe(line);
      expect(() => csvParse(text)).toThrow(); // csv-parse refuses them too
    }
  });
});
