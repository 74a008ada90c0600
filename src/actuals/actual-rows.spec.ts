import { describe, expect, it } from '@jest/globals';
import { ActualBuffer, type ValidActualRow } from './actual-rows.js';

const VENUE = '3b2f6a1e-0000-4000-8000-000000000001';

const rowAt = (i: number): ValidActualRow => ({
  date: i % 2 ? '2022-04-01' : '2021-12-31',
  metric: i % 3 ? 'visitors' : 'revenue',
  venueId: i % 5 ? null : VENUE,
  value: 2 ** 40 + i,
  source: i % 7 ? 'bureau' : 'ticketing',
  note: i === 2500 ? 'late' : null,
});

describe('ActualBuffer', () => {
  it('keeps every row of a buffer that grew, and hands them over as columns once', () => {
    const buffer = new ActualBuffer();
    for (let i = 0; i < 3000; i++) buffer.push(rowAt(i));
    expect(buffer.length).toBe(3000);
    for (const i of [0, 1023, 1024, 2047, 2048, 2500, 2999]) expect(buffer.row(i)).toEqual(rowAt(i));

    const columns = buffer.takeColumns();
    expect(columns.length).toBe(3000);
    expect(columns.days.length).toBeGreaterThanOrEqual(3000);
    const i = 2500;
    expect({
      date: columns.dates.get(columns.days[i]),
      metric: columns.metrics[i],
      venueId: columns.scopeTable[columns.scopes[i]],
      value: columns.values[i],
      source: columns.sourceTable[columns.sources[i]],
      note: columns.notes.get(i),
    }).toEqual({
      date: '2021-12-31',
      metric: 0,
      venueId: VENUE,
      value: 2 ** 40 + i,
      source: 'bureau',
      note: 'late',
    });

    // What the buffer knew of the rows stays; the rows are gone.
    expect([buffer.length, buffer.firstDate, buffer.lastDate, [...buffer.years]]).toEqual([
      3000,
      '2021-12-31',
      '2022-04-01',
      [2021, 2022],
    ]);
    expect(buffer.venueIds()).toEqual([VENUE]);
    expect(buffer.days.length).toBe(0);
    expect(() => buffer.push(rowAt(0))).toThrow(/after takeColumns/);
  });
});
