import type { INestApplicationContext } from '@nestjs/common';
import { jest } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { ActualsService } from '../../src/actuals/actuals.service.js';
import type { Metric } from '../../src/actuals/metric.js';
import { Clock } from '../../src/common/time/clock.js';
import { isWeekend, yearDays, type LocalDate } from '../../src/common/time/local-date.js';
import { packageHolidayDays } from '../../src/holidays/chinese-days-source.js';
import { createHttpApp } from '../../src/app/http-app.js';
import { testConfig } from '../support/test-env.js';

export interface DailyRow {
  date: LocalDate;
  metric: Metric;
  value: number;
  venueId?: string;
  source?: string;
}

/**
 * A recognisable year of daily figures: ordinary weekdays `base`, weekends 1.5×, public-holiday
 * days off 4×, Spring Festival days 6×, swapped working days 0.8× (from the package's calendar).
 */
export function syntheticYear(
  year: number,
  metric: Metric,
  options: { base?: number; venueId?: string; skip?: (date: LocalDate) => boolean } = {},
): DailyRow[] {
  const base = options.base ?? 1000;
  const special = new Map(packageHolidayDays(year).map((d) => [d.date, d]));
  return yearDays(year)
    .filter((date) => !options.skip?.(date))
    .map((date) => {
      const day = special.get(date);
      let factor = isWeekend(date) ? 1.5 : 1;
      if (day?.kind === 'holiday') factor = day.holiday === 'spring_festival' ? 6 : 4;
      if (day?.kind === 'workday') factor = 0.8;
      return {
        date,
        metric,
        value: Math.round(base * factor),
        ...(options.venueId ? { venueId: options.venueId } : {}),
      };
    });
}

/** Imports rows through the service (no HTTP body limit), as one all-or-nothing batch. */
export function importActuals(app: INestApplicationContext, rows: DailyRow[], source = 'test-fixture') {
  return app.get(ActualsService).importRows({ source, rows: rows as unknown as Record<string, unknown>[] });
}

/** Pins "now" of the app's Clock. */
export function pinClock(app: INestApplicationContext, instant: string) {
  return jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(instant));
}

/** Rows as a CSV body. */
export function toCsv(rows: DailyRow[], columns = ['date', 'metric', 'value', 'venueId', 'source']): string {
  const lines = rows.map((r) =>
    columns.map((c) => `${(r as unknown as Record<string, string | number | undefined>)[c] ?? ''}`).join(','),
  );
  return [columns.join(','), ...lines].join('\n') + '\n';
}

/** A second app (API + worker unless told) on an existing test database, e.g. a restarted process. */
export async function startAppOn(
  databaseUrl: string,
  options: { withWorker?: boolean; env?: Record<string, string> } = {},
) {
  const app = await createHttpApp(testConfig(databaseUrl, options.env), {
    withWorker: options.withWorker ?? true,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** The value of a column of a row of a table, read directly. */
export async function targetRow(dataSource: DataSource, id: string) {
  const rows = await dataSource.query(
    `SELECT "inputsVersion", "dirtySince", "projectedVersion" FROM "targets" WHERE "id" = ${dataSource.options.type === 'postgres' ? '$1' : '?'}`,
    [id],
  );
  const row = rows[0] as {
    inputsVersion: number;
    dirtySince: string | Date | null;
    projectedVersion: number;
  };
  return { ...row, inputsVersion: Number(row.inputsVersion) };
}
