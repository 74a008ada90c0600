import {
  fromDayNumber,
  isLocalDate,
  toDayNumber,
  yearOf,
  type LocalDate,
} from '../common/time/local-date.js';
import { CITY_SCOPE_KEY, METRICS, type Metric } from './metric.js';

/**
 * Validation and compact buffering of imported actuals. Pure TypeScript: no Nest, no database.
 * One validator serves the single upsert, the JSON bulk import and the CSV import, so that the
 * three accept and refuse exactly the same rows.
 */
export interface RawActualRow {
  date?: unknown;
  metric?: unknown;
  value?: unknown;
  venueId?: unknown;
  source?: unknown;
  note?: unknown;
}

export interface ValidActualRow {
  date: LocalDate;
  metric: Metric;
  venueId: string | null;
  value: number;
  source: string;
  note: string | null;
}

/** Bad rows of an import: the CSV line (1 = header) or the JSON array index, and what is wrong. */
export interface RowProblem {
  line?: number;
  index?: number;
  problems: string[];
}

export const MAX_SOURCE_LENGTH = 100;
export const MAX_NOTE_LENGTH = 2000;

export interface ValidatorOptions {
  /** Venues that exist. */
  venueIds: ReadonlySet<string>;
  /** Today in the city: later dates are refused (an actual is a past figure). */
  today: LocalDate;
  /** Used for rows without a source of their own. */
  defaultSource?: string;
}

const DIGITS = /^\d{1,16}$/;

/** A value as written in a message: text as is, anything else (JSON rows) as JSON. */
const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

export class ActualRowValidator {
  /** Dates already found valid (an import repeats each date once per scope and metric). */
  private readonly goodDates = new Set<string>();

  constructor(private readonly options: ValidatorOptions) {}

  private dateProblem(date: unknown): string | null {
    if (typeof date === 'string' && this.goodDates.has(date)) return null;
    if (date === undefined || date === null || date === '') return 'date is missing';
    if (!isLocalDate(date)) return `date "${show(date)}" is not a date written YYYY-MM-DD`;
    if (date > this.options.today)
      return `date ${date} is in the future (today is ${this.options.today} in Asia/Shanghai)`;
    this.goodDates.add(date);
    return null;
  }

  /** The row, or the list of its problems. Text values (CSV) are trimmed; empty means absent. */
  check(raw: RawActualRow): ValidActualRow | string[] {
    const problems: string[] = [];
    const text = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

    const date = text(raw.date);
    const dateProblem = this.dateProblem(date);
    if (dateProblem) problems.push(dateProblem);

    const metric = text(raw.metric);
    if (metric === undefined || metric === null || metric === '') problems.push('metric is missing');
    else if (!(METRICS as readonly unknown[]).includes(metric))
      problems.push(`metric "${show(metric)}" must be one of ${METRICS.join(', ')}`);

    let value = NaN;
    const rawValue = text(raw.value);
    if (rawValue === undefined || rawValue === null || rawValue === '') problems.push('value is missing');
    else if (typeof rawValue === 'number') {
      if (Number.isSafeInteger(rawValue) && rawValue >= 0) value = rawValue;
      else problems.push(`value ${rawValue} must be a whole number, 0 or more`);
    } else if (
      typeof rawValue === 'string' &&
      DIGITS.test(rawValue) &&
      Number.isSafeInteger(Number(rawValue))
    ) {
      value = Number(rawValue);
    } else {
      problems.push(
        `value "${show(rawValue)}" must be a whole number, 0 or more (no separators or decimals)`,
      );
    }

    let venueId: string | null = null;
    const rawVenue = text(raw.venueId);
    if (rawVenue !== undefined && rawVenue !== null && rawVenue !== '') {
      if (typeof rawVenue !== 'string' || !this.options.venueIds.has(rawVenue))
        problems.push(`venueId "${show(rawVenue)}" is not a known venue`);
      else venueId = rawVenue;
    }

    let source = text(raw.source);
    if (source === undefined || source === null || source === '') source = this.options.defaultSource;
    if (source === undefined || source === '')
      problems.push('source is missing (give a source column or ?source=)');
    else if (typeof source !== 'string' || source.length > MAX_SOURCE_LENGTH)
      problems.push(`source must be text of at most ${MAX_SOURCE_LENGTH} characters`);

    let note = text(raw.note);
    if (note === undefined || note === '') note = null;
    if (note !== null && (typeof note !== 'string' || note.length > MAX_NOTE_LENGTH))
      problems.push(`note must be text of at most ${MAX_NOTE_LENGTH} characters`);

    if (problems.length) return problems;
    return {
      date: date as LocalDate,
      metric: metric as Metric,
      venueId,
      value,
      source: source as string,
      note: note as string | null,
    };
  }
}

/**
 * Valid rows held column by column in small numbers (day numbers, indexes into tables of the
 * few distinct scopes and sources) so that a million-row import stays in tens of megabytes
 * between validation and the write.
 */
export class ActualBuffer {
  readonly days: number[] = [];
  readonly metrics: number[] = [];
  readonly scopes: number[] = [];
  readonly sources: number[] = [];
  readonly values: number[] = [];
  /** Notes are rare: by row index. */
  readonly notes = new Map<number, string>();

  /** `city` or venue ids, and source texts, by index. */
  readonly scopeTable: (string | null)[] = [];
  readonly sourceTable: string[] = [];
  private readonly scopeIndex = new Map<string, number>();
  private readonly sourceIndex = new Map<string, number>();
  private readonly dateText = new Map<number, LocalDate>();
  private readonly dayOf = new Map<LocalDate, number>();
  readonly years = new Set<number>();
  firstDate: LocalDate | null = null;
  lastDate: LocalDate | null = null;

  get length(): number {
    return this.days.length;
  }

  push(row: ValidActualRow): void {
    let day = this.dayOf.get(row.date);
    if (day === undefined) {
      day = toDayNumber(row.date);
      this.dayOf.set(row.date, day);
      this.dateText.set(day, row.date);
      this.years.add(yearOf(row.date));
    }
    if (this.firstDate === null || row.date < this.firstDate) this.firstDate = row.date;
    if (this.lastDate === null || row.date > this.lastDate) this.lastDate = row.date;
    const key = row.venueId ?? CITY_SCOPE_KEY;
    let scope = this.scopeIndex.get(key);
    if (scope === undefined) {
      scope = this.scopeTable.length;
      this.scopeTable.push(row.venueId);
      this.scopeIndex.set(key, scope);
    }
    let source = this.sourceIndex.get(row.source);
    if (source === undefined) {
      source = this.sourceTable.length;
      this.sourceTable.push(row.source);
      this.sourceIndex.set(row.source, source);
    }
    if (row.note !== null) this.notes.set(this.days.length, row.note);
    this.days.push(day);
    this.metrics.push(row.metric === 'visitors' ? 0 : 1);
    this.scopes.push(scope);
    this.sources.push(source);
    this.values.push(row.value);
  }

  /** Row `i` back as a row. */
  row(i: number): ValidActualRow {
    return {
      date: this.dateOf(this.days[i]),
      metric: METRICS[this.metrics[i]],
      venueId: this.scopeTable[this.scopes[i]],
      value: this.values[i],
      source: this.sourceTable[this.sources[i]],
      note: this.notes.get(i) ?? null,
    };
  }

  dateOf(day: number): LocalDate {
    let text = this.dateText.get(day);
    if (text === undefined) {
      text = fromDayNumber(day);
      this.dateText.set(day, text);
    }
    return text;
  }

  /** Venues the rows are about. */
  venueIds(): string[] {
    return this.scopeTable.filter((v): v is string => v !== null);
  }
}
