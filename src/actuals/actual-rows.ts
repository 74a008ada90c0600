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
 * The rows of an ActualBuffer as plain data that can cross to a worker thread (structured clone;
 * the typed arrays' memory is transferred, not copied): row `i` is element `i` of each array,
 * for `i < length` (the arrays may be longer).
 */
export interface ActualColumns {
  length: number;
  /** Day numbers (see toDayNumber), and their `YYYY-MM-DD` texts. */
  days: Int32Array;
  dates: Map<number, LocalDate>;
  /** Index into METRICS. */
  metrics: Uint8Array;
  /** Indexes into scopeTable (null = the city) and sourceTable. */
  scopes: Uint32Array;
  sources: Uint32Array;
  values: Float64Array;
  /** Notes are rare: by row index. */
  notes: Map<number, string>;
  scopeTable: (string | null)[];
  sourceTable: string[];
}

const INITIAL_CAPACITY = 1024;

/**
 * Valid rows held column by column in typed arrays of small numbers (day numbers, indexes into
 * tables of the few distinct scopes and sources) so that a million-row import stays in tens of
 * megabytes between validation and the write, and reaches a worker thread as a few buffers.
 * The arrays are longer than `length` (they grow by doubling): read rows below `length` only.
 */
export class ActualBuffer {
  private count = 0;
  days = new Int32Array(INITIAL_CAPACITY);
  metrics = new Uint8Array(INITIAL_CAPACITY);
  scopes = new Uint32Array(INITIAL_CAPACITY);
  sources = new Uint32Array(INITIAL_CAPACITY);
  values = new Float64Array(INITIAL_CAPACITY);
  /** Notes are rare: by row index. */
  notes = new Map<number, string>();
  /** The rows were handed over (takeColumns): no more can be added. */
  private taken = false;

  /** `city` or venue ids, and source texts, by index. */
  readonly scopeTable: (string | null)[] = [];
  readonly sourceTable: string[] = [];
  private readonly scopeIndex = new Map<string, number>();
  private readonly sourceIndex = new Map<string, number>();
  private dateText = new Map<number, LocalDate>();
  private readonly dayOf = new Map<LocalDate, number>();
  readonly years = new Set<number>();
  firstDate: LocalDate | null = null;
  lastDate: LocalDate | null = null;

  get length(): number {
    return this.count;
  }

  push(row: ValidActualRow): void {
    if (this.taken) throw new Error('ActualBuffer.push() after takeColumns()');
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
    const i = this.count;
    if (i === this.days.length) this.grow();
    if (row.note !== null) this.notes.set(i, row.note);
    this.days[i] = day;
    this.metrics[i] = row.metric === 'visitors' ? 0 : 1;
    this.scopes[i] = scope;
    this.sources[i] = source;
    this.values[i] = row.value;
    this.count = i + 1;
  }

  /**
   * Hands the rows over, as columns whose typed arrays can be transferred to a worker thread
   * without a copy (they may be longer than `length`). The buffer keeps what it knows of the rows
   * (length, first and last dates, years, venues) but no longer the rows themselves: `row()` and
   * the columns are empty afterwards.
   */
  takeColumns(): ActualColumns {
    const columns: ActualColumns = {
      length: this.count,
      days: this.days,
      dates: this.dateText,
      metrics: this.metrics,
      scopes: this.scopes,
      sources: this.sources,
      values: this.values,
      notes: this.notes,
      scopeTable: this.scopeTable,
      sourceTable: this.sourceTable,
    };
    this.days = new Int32Array(0);
    this.metrics = new Uint8Array(0);
    this.scopes = new Uint32Array(0);
    this.sources = new Uint32Array(0);
    this.values = new Float64Array(0);
    this.notes = new Map();
    this.dateText = new Map();
    this.taken = true;
    return columns;
  }

  private grow(): void {
    const capacity = this.days.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Uint32Array | Float64Array>(from: T): T => {
      const to = new (from.constructor as new (length: number) => T)(capacity);
      to.set(from);
      return to;
    };
    this.days = grown(this.days);
    this.metrics = grown(this.metrics);
    this.scopes = grown(this.scopes);
    this.sources = grown(this.sources);
    this.values = grown(this.values);
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
