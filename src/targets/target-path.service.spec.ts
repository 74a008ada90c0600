import type { ActualsQueryService } from '../actuals/actuals-query.service.js';
import { eachDay, isoWeekday, type LocalDate } from '../common/time/local-date.js';
import { packageHolidayDays } from '../holidays/chinese-days-source.js';
import type { HolidayCalendar } from '../holidays/holiday-calendar.service.js';
import { buildHolidayYear, type HolidayDay } from '../holidays/holiday-year.js';
import type { Target } from './target.entity.js';
import { TargetPathService } from './target-path.service.js';
import type { ResolvedTarget, TargetsService } from './targets.service.js';
import type { CommittedBump, ProjectionInputs } from '../projections/rebuild/projection-inputs.js';

/** The service on in-memory inputs: 2021's figures (weekends twice a weekday) and its overrides. */
function setup() {
  const figures = new Map<LocalDate, number>(
    eachDay('2021-01-01', '2021-12-31').map((d) => [d, isoWeekday(d) >= 6 ? 2_000 : 1_000]),
  );
  const overrides: HolidayDay[] = [];
  let reads = 0;
  const actuals = {
    dailyValues: () => {
      reads++;
      return Promise.resolve(new Map(figures));
    },
  } as unknown as ActualsQueryService;
  const holidays = {
    years: (years: number[]) =>
      Promise.resolve(
        new Map(
          years.map((y) => [
            y,
            buildHolidayYear(
              y,
              packageHolidayDays(y),
              overrides.filter((o) => o.date.startsWith(`${y}-`)),
            ),
          ]),
        ),
      ),
  } as unknown as HolidayCalendar;
  const resolved = (total = 3_650_000, target = row()): ResolvedTarget => ({
    target,
    baselineTotal: total,
    baselineDays: 365,
    baselineDaysInYear: 365,
    total,
    totalSource: 'baseline_actuals',
  });
  const targets = { resolve: (target: Target) => Promise.resolve(resolved(3_650_000, target)) };
  let bumped: (bumps: CommittedBump[]) => void = () => undefined;
  const inputs = {
    onCommittedBumps: (_sources: unknown, listener: typeof bumped) => (bumped = listener),
  };
  const service = new TargetPathService(
    actuals,
    holidays,
    targets as unknown as TargetsService,
    inputs as unknown as ProjectionInputs,
  );
  return {
    service,
    resolved,
    figures,
    overrides,
    reads: () => reads,
    bumped: (b: CommittedBump) => bumped([b]),
  };
}

/** The target row as read from the database, at an inputs version. */
function row(inputsVersion = 1): Target {
  return {
    id: 't1',
    year: 2022,
    baselineYear: 2021,
    metric: 'visitors',
    venueId: null,
    inputsVersion,
  } as Target;
}

describe('TargetPathService.ofTarget', () => {
  it('reads the inputs once per inputs version of the target', async () => {
    const { service, reads } = setup();
    const first = await service.ofTarget(row(1));
    expect(await service.ofTarget(row(1))).toBe(first);
    expect(reads()).toBe(1);
    await service.ofTarget(row(2));
    expect(reads()).toBe(2);
  });

  it('follows a path-neutral bump from the version it has, and no other', async () => {
    const { service, reads, bumped } = setup();
    const first = await service.ofTarget(row(4));
    // An event edit committed: 4 → 5, nothing else in between.
    bumped({ targetId: 't1', from: 4, to: 5 });
    expect(await service.ofTarget(row(5))).toBe(first);
    expect(reads()).toBe(1);
    // Someone else's change came first (5 → 6, unseen), then an event edit 6 → 7: read again.
    bumped({ targetId: 't1', from: 6, to: 7 });
    await service.ofTarget(row(7));
    expect(reads()).toBe(2);
  });
});

describe('TargetPathService.path', () => {
  it('answers the same path for the same inputs, with the caller’s own target', async () => {
    const { service, resolved, reads } = setup();
    const first = await service.path(resolved());
    const again = resolved();
    const second = await service.path(again);
    expect(second.days).toEqual(first.days);
    expect(second.resolved).toBe(again);
    // The inputs are read each time: only the computation is reused.
    expect(reads()).toBe(2);
  });

  it('is made again when a baseline figure, a holiday or the total changes', async () => {
    const { service, resolved, figures, overrides } = setup();
    const before = await service.path(resolved());
    const day = (path: typeof before, date: string) => path.days.find((d) => d.date === date)!;

    figures.set('2021-03-10', 50_000);
    const figureChanged = await service.path(resolved());
    expect(day(figureChanged, '2022-03-09').expected).toBeGreaterThan(
      day(before, '2022-03-09').expected * 10,
    );

    overrides.push({
      date: '2022-05-10',
      kind: 'holiday',
      holiday: 'other',
      name: '调休',
      origin: 'override',
    });
    const holidayChanged = await service.path(resolved());
    expect(holidayChanged.days).not.toEqual(figureChanged.days);

    const totalChanged = await service.path(resolved(7_300_000));
    expect(totalChanged.days.at(-1)!.cumulative).toBe(7_300_000);
  });
});
