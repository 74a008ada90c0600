import { describe, expect, it } from '@jest/globals';
import { parseSeriesCsv, SeriesCsvError } from './series-csv.js';

const HEADER = 'series,frequency,horizon,split,t,period,value';

describe('parseSeriesCsv', () => {
  it('groups rows by series, orders by t and splits train from test', () => {
    const records = parseSeriesCsv(
      [
        HEADER,
        'q1,quarterly,2,train,2,2000-Q2,20',
        'q1,quarterly,2,train,1,2000-Q1,10',
        'q1,quarterly,2,test,3,2000-Q3,30',
        'm1,monthly,3,train,1,2000-01,5',
        '',
      ].join('\n'),
    );
    expect(records).toEqual([
      { id: 'q1', frequency: 'quarterly', period: 4, horizon: 2, train: [10, 20], test: [30] },
      { id: 'm1', frequency: 'monthly', period: 12, horizon: 3, train: [5], test: [] },
    ]);
  });

  it('rejects a bad header', () => {
    expect(() => parseSeriesCsv('id,value\nx,1')).toThrow(/line 1: bad header/);
  });

  it('names the line of a non-numeric value', () => {
    const text = [HEADER, 'q1,quarterly,2,train,1,2000-Q1,10', 'q1,quarterly,2,train,2,2000-Q2,abc'].join(
      '\n',
    );
    expect(() => parseSeriesCsv(text)).toThrow(new SeriesCsvError('line 3: value "abc" is not a number'));
  });

  it('rejects unknown frequencies and wrong field counts', () => {
    expect(() => parseSeriesCsv(`${HEADER}\nw1,weekly,2,train,1,x,1`)).toThrow(/line 2: unknown frequency/);
    expect(() => parseSeriesCsv(`${HEADER}\nq1,quarterly,2,train,1,1`)).toThrow(/line 2: expected 7 fields/);
  });
});
