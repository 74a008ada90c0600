import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parse, type CsvError } from 'csv-parse';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import type { AppConfig } from '../common/config/app-config.js';
import { InjectConfig } from '../common/config/config.module.js';
import { UnprocessableError, ValidationError } from '../common/errors/domain-error.js';
import { flattenValidationErrors } from '../common/errors/validation.pipe.js';
import { csvText } from '../common/http/csv-body.js';
import { unguardCell } from '../common/http/csv.js';
import { Clock } from '../common/time/clock.js';
import { newId } from '../infra/database/new-id.js';
import { ProjectionInputs } from '../projections/projection-inputs.js';
import { CreateEventDto } from './dto/create-event.dto.js';
import type { EventImportResultView, ImportStatus } from './dto/import-events.dto.js';
import { eventChange } from './event-footprint.js';
import { historyRow } from './event-history.recorder.js';
import { EventHistory } from './event-history.entity.js';
import { EventImportLookups } from './event-import.lookups.js';
import {
  EVENT_CSV_COLUMNS,
  EXPORT_ONLY_COLUMNS,
  REQUIRED_IMPORT_COLUMNS,
  type EventCsvColumn,
} from './event-csv.js';
import { Event } from './event.entity.js';
import { parseTimes } from './events.service.js';

export interface RowError {
  line: number;
  column: string | null;
  problem: string;
}

/** DTO field -> CSV column, to name the column of a validation problem. */
const COLUMN_OF: Record<string, EventCsvColumn> = {
  organizationId: 'organization',
  titleZh: 'title_zh',
  titleEn: 'title_en',
  category: 'category',
  venueId: 'venue',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  expectedAttendance: 'expected_attendance',
  expectedOutsideCitySharePct: 'expected_outside_city_share_pct',
  expectedSpendPerAttendeeYuan: 'expected_spend_per_attendee_yuan',
  ticketingUrl: 'ticketing_url',
  'contact.name': 'contact_name',
  'contact.phone': 'contact_phone',
  'contact.email': 'contact_email',
  campaignId: 'campaign',
  description: 'description',
  note: 'note',
};
const MAX_REPORTED_ERRORS = 1000;
const INSERT_CHUNK = 200;

type Prepared = { line: number; event: Event; timeZone: string };

/**
 * Imports events from a CSV file as it streams in: every row is checked, and the file is taken
 * whole in one transaction or not at all; a rejected file answers 422 with every bad row, its
 * line and the problem.
 */
@Injectable()
export class EventImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projections: ProjectionInputs,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async import(body: Readable, status: ImportStatus, user: AuthUser): Promise<EventImportResultView> {
    const lookups = await EventImportLookups.load(this.dataSource.manager);
    const now = this.clock.now();
    const errors: RowError[] = [];
    let errorCount = 0;
    const fail = (e: RowError) => {
      errorCount++;
      if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
    };
    const prepared: Prepared[] = [];
    let header: EventCsvColumn[] | null = null;

    const parser = parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      skip_records_with_error: true,
    });
    const reported = new Set<number>();
    parser.on('skip', (err: CsvError & { lines?: number }) => {
      const line = err.lines ?? 0;
      if (reported.has(line)) return;
      reported.add(line);
      fail({ line, column: null, problem: `Malformed CSV: ${err.message}` });
    });
    // Resolves to the feeding error (too large, not UTF-8...) instead of rejecting unobserved.
    const feeding = pipeline(
      Readable.from(csvText(body, this.config.http.importBodyLimitBytes)),
      parser,
    ).then(
      () => null,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
    let badHeader = false;
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      // info.lines is where the record ends; a quoted cell may span lines.
      const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      if (!header) {
        header = this.readHeader(record, fail);
        badHeader = !header;
        if (badHeader) break;
        continue;
      }
      if (record.length !== header.length) {
        fail({
          line,
          column: null,
          problem: `The row has ${record.length} fields; the header has ${header.length}`,
        });
        continue;
      }
      const row = Object.fromEntries(header.map((c, i) => [c, unguardCell(record[i]).trim()]));
      const result = await this.prepare(
        row as Record<EventCsvColumn, string>,
        line,
        lookups,
        status,
        user,
        now,
      );
      if ('problems' in result) result.problems.forEach(fail);
      else prepared.push(result);
    }
    const feedError = await feeding;
    if (feedError && !badHeader) throw feedError;

    if (!header && !badHeader) {
      throw new UnprocessableError('empty_import', 'The file is empty: the first line must name the columns');
    }
    if (errorCount) {
      errors.sort((a, b) => a.line - b.line);
      const more = errorCount > errors.length ? ` (the first ${errors.length} are listed)` : '';
      throw new UnprocessableError(
        'import_rejected',
        `${errorCount} problem(s) in the file${more}; nothing was imported`,
        errors,
      );
    }
    if (!prepared.length) throw new UnprocessableError('empty_import', 'The file has a header but no rows');
    await this.save(prepared, status, user, now);
    return { imported: prepared.length, status, eventIds: prepared.map((p) => p.event.id) };
  }

  private readHeader(record: string[], fail: (e: RowError) => void): EventCsvColumn[] | null {
    const names = record.map((n) => n.trim().toLowerCase());
    const known = new Set<string>(EVENT_CSV_COLUMNS);
    const problems: string[] = [];
    const unknown = names.filter((n) => !known.has(n));
    if (unknown.length) problems.push(`unknown column(s): ${unknown.join(', ')}`);
    const duplicate = names.filter((n, i) => names.indexOf(n) !== i);
    if (duplicate.length) problems.push(`repeated column(s): ${[...new Set(duplicate)].join(', ')}`);
    const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => !names.includes(c));
    if (missing.length) problems.push(`missing column(s): ${missing.join(', ')}`);
    if (!problems.length) return names as EventCsvColumn[];
    fail({
      line: 1,
      column: null,
      problem: `Header: ${problems.join('; ')}. Expected columns: ${EVENT_CSV_COLUMNS.filter((c) => !EXPORT_ONLY_COLUMNS.includes(c)).join(', ')}`,
    });
    return null;
  }

  private async prepare(
    row: Record<EventCsvColumn, string>,
    line: number,
    lookups: EventImportLookups,
    status: ImportStatus,
    user: AuthUser,
    now: Date,
  ): Promise<Prepared | { problems: RowError[] }> {
    const problems: RowError[] = [];
    const problem = (column: EventCsvColumn | null, text: string) =>
      problems.push({ line, column, problem: text });
    const text = (c: EventCsvColumn) => (row[c] ? row[c] : undefined);
    const integer = (c: EventCsvColumn): number | undefined => {
      const raw = text(c)?.replace(/[,_\s]/g, '');
      if (raw === undefined) return undefined;
      if (/^\d+$/.test(raw)) return Number(raw);
      problem(c, `${c} must be a whole number (got "${row[c]}")`);
      return undefined;
    };
    const resolve = (c: EventCsvColumn, found: { id?: string; problem?: string } | null) => {
      if (found?.problem) problem(c, found.problem);
      return found?.id;
    };

    const venue = text('venue') ? lookups.venue(row.venue) : null;
    const plain = {
      organizationId: resolve(
        'organization',
        text('organization') ? lookups.organization(row.organization) : null,
      ),
      titleZh: text('title_zh'),
      titleEn: text('title_en'),
      category: text('category'),
      venueId: resolve('venue', venue ? { id: venue.venue?.id, problem: venue.problem } : null),
      startsAt: text('starts_at'),
      endsAt: text('ends_at'),
      expectedAttendance: integer('expected_attendance'),
      expectedOutsideCitySharePct: integer('expected_outside_city_share_pct'),
      expectedSpendPerAttendeeYuan: integer('expected_spend_per_attendee_yuan'),
      ticketingUrl: text('ticketing_url'),
      contact: { name: text('contact_name'), phone: text('contact_phone'), email: text('contact_email') },
      campaignId: resolve('campaign', text('campaign') ? lookups.campaign(row.campaign) : null),
      description: text('description'),
      note: text('note'),
    };
    for (const c of REQUIRED_IMPORT_COLUMNS) if (!text(c)) problem(c, `${c} is required`);
    const dto = plainToInstance(CreateEventDto, plain);
    for (const { field, problems: list } of flattenValidationErrors(await validate(dto))) {
      const column = COLUMN_OF[field] ?? null;
      // Already reported: a missing value, a reference that did not resolve, a number that did not parse.
      if (column && problems.some((p) => p.column === column)) continue;
      problem(column, list.map((p) => p.replace(field, column ?? field)).join('; '));
    }
    if (problems.length) return { problems };

    let times: { startsAt: Date; endsAt: Date };
    try {
      times = parseTimes(dto.startsAt, dto.endsAt, venue!.venue!.timeZone);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problem('ends_at', 'ends_at must not be before starts_at');
      return { problems };
    }
    const event: Event = Object.assign(new Event(), {
      id: newId(),
      organizationId: dto.organizationId!,
      titleZh: dto.titleZh,
      titleEn: dto.titleEn ?? null,
      description: dto.description ?? null,
      category: dto.category,
      status,
      venueId: dto.venueId,
      ...times,
      expectedAttendance: dto.expectedAttendance,
      expectedOutsideCitySharePct: dto.expectedOutsideCitySharePct ?? null,
      expectedSpendPerAttendeeYuan: dto.expectedSpendPerAttendeeYuan ?? null,
      ticketingUrl: dto.ticketingUrl ?? null,
      contactName: dto.contact.name,
      contactPhone: dto.contact.phone ?? null,
      contactEmail: dto.contact.email ?? null,
      campaignId: dto.campaignId ?? null,
      rejectionReason: null,
      cancellationReason: null,
      actualAttendance: null,
      actualRevenueYuan: null,
      publishedAt: null,
      note: dto.note ?? null,
      version: 1,
      createdById: user.id,
      createdAt: now,
      updatedAt: now,
    });
    return { line, event, timeZone: venue!.venue!.timeZone };
  }

  private async save(prepared: Prepared[], status: ImportStatus, user: AuthUser, now: Date): Promise<void> {
    // updateEntity(false): TypeORM would read the defaults back and merge them into the
    // entities by position, which mixes up rows on SQLite (no RETURNING), ids included.
    const insert = (manager: EntityManager, target: typeof Event | typeof EventHistory, rows: object[]) =>
      manager.createQueryBuilder().insert().into(target).values(rows).updateEntity(false).execute();
    await this.projections.transaction(async (manager, changed) => {
      for (let i = 0; i < prepared.length; i += INSERT_CHUNK) {
        const chunk = prepared.slice(i, i + INSERT_CHUNK);
        await insert(
          manager,
          Event,
          chunk.map((p) => p.event),
        );
        await insert(
          manager,
          EventHistory,
          chunk.map((p) =>
            historyRow(
              user,
              {
                eventId: p.event.id,
                action: 'import',
                from: null,
                to: status,
                at: now,
                reason: `CSV line ${p.line}`,
              },
              1,
            ),
          ),
        );
      }
      await changed(eventChange(...prepared.map((p) => ({ ...p.event, timeZone: p.timeZone }))));
    });
  }
}
