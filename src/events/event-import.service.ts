import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parse, type CsvError } from 'csv-parse';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import type { AppConfig } from '../common/config/app-config.js';
import { InjectConfig } from '../common/config/config.module.js';
import { ConflictError, UnprocessableError, ValidationError } from '../common/errors/domain-error.js';
import { flattenValidationErrors } from '../common/errors/validation.pipe.js';
import { csvText } from '../common/http/csv-body.js';
import { unguardCell } from '../common/http/csv.js';
import { Clock } from '../common/time/clock.js';
import { NEXT_VERSION } from '../common/http/if-match.js';
import { newId } from '../infra/database/new-id.js';
import { ProjectionInputs } from '../projections/rebuild/projection-inputs.js';
import { CreateEventDto } from './dto/create-event.dto.js';
import type {
  EventImportResultView,
  EventImportRowView,
  ImportOutcome,
  ImportStatus,
} from './dto/import-events.dto.js';
import { eventChange, type Footprint } from './event-footprint.js';
import { historyRow, recordHistory } from './event-history.recorder.js';
import { EventHistory } from './event-history.entity.js';
import { EventImportLookups } from './event-import.lookups.js';
import {
  EVENT_CSV_COLUMNS,
  EXPORT_ONLY_COLUMNS,
  REQUIRED_IMPORT_COLUMNS,
  type EventCsvColumn,
} from './event-csv.js';
import { CLOSED_EVENT_STATUSES, REAPPROVAL_FIELDS } from './event-status.js';
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

/** Event fields an import row can change, with their column (as in PATCH /events/:id). */
const FIELD_COLUMNS = {
  titleZh: 'title_zh',
  titleEn: 'title_en',
  description: 'description',
  category: 'category',
  venueId: 'venue',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  expectedAttendance: 'expected_attendance',
  expectedOutsideCitySharePct: 'expected_outside_city_share_pct',
  expectedSpendPerAttendeeYuan: 'expected_spend_per_attendee_yuan',
  ticketingUrl: 'ticketing_url',
  contactName: 'contact_name',
  contactPhone: 'contact_phone',
  contactEmail: 'contact_email',
  campaignId: 'campaign',
  note: 'note',
} as const satisfies Partial<Record<keyof Event, EventCsvColumn>>;
type ImportedField = keyof typeof FIELD_COLUMNS;

/** Any constant: the PostgreSQL advisory lock that makes concurrent event imports take turns. */
const IMPORT_LOCK_KEY = 7_310_012;
const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOKUP_CHUNK = 500;

type Prepared = {
  line: number;
  event: Event;
  timeZone: string;
  /** The row's `id` (an exported file has one): the event it updates, when it exists. */
  givenId: string | null;
  /** The fields whose column the file has: the only ones an update compares and changes. */
  fields: ImportedField[];
};

/** The identity of an event for duplicate detection: organization, title, venue and start. */
const identity = (e: Pick<Event, 'organizationId' | 'titleZh' | 'venueId' | 'startsAt'>) =>
  `${e.organizationId}\u0000${e.titleZh}\u0000${e.venueId}\u0000${e.startsAt.getTime()}`;

const same = (a: unknown, b: unknown): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

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
    const { rows } = await this.save(prepared, status, user, now);
    const count = (outcome: ImportOutcome) => rows.filter((r) => r.outcome === outcome).length;
    const created = rows.filter((r) => r.outcome === 'created');
    return {
      imported: created.length,
      created: created.length,
      updated: count('updated'),
      unchanged: count('unchanged'),
      duplicates: count('duplicate'),
      status,
      eventIds: created.map((r) => r.eventId),
      rows,
    };
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

    const givenId = text('id') ?? null;
    if (givenId !== null && !ID_RE.test(givenId)) {
      problem('id', `id must be the id of an event (a UUID) or empty for a new event (got "${givenId}")`);
    }
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
    const present = new Set(Object.keys(row));
    const fields = (Object.keys(FIELD_COLUMNS) as ImportedField[]).filter((f) =>
      present.has(FIELD_COLUMNS[f]),
    );
    return { line, event, timeZone: venue!.venue!.timeZone, givenId: givenId?.toLowerCase() ?? null, fields };
  }

  /**
   * Writes the file in one transaction, after taking the import lock (PostgreSQL; SQLite runs
   * transactions one at a time): a row naming a known event updates it (or is unchanged), a row
   * matching an existing event or an earlier row (organization, title, venue, start) is a
   * duplicate, any other row creates an event. Decided inside the lock, so importing one file
   * several times at once creates each event once.
   */
  private async save(
    prepared: Prepared[],
    status: ImportStatus,
    user: AuthUser,
    now: Date,
  ): Promise<{ rows: EventImportRowView[]; footprints: Footprint[] }> {
    // updateEntity(false): TypeORM would read the defaults back and merge them into the
    // entities by position, which mixes up rows on SQLite (no RETURNING), ids included.
    const insert = (manager: EntityManager, target: typeof Event | typeof EventHistory, rows: object[]) =>
      manager.createQueryBuilder().insert().into(target).values(rows).updateEntity(false).execute();
    return this.projections.transaction(async (manager, recordChange) => {
      if (this.dataSource.options.type === 'postgres') {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
      }
      const known = await this.loadKnown(manager, prepared);
      const existing = await this.loadIdentities(manager, prepared);
      const rows: EventImportRowView[] = [];
      const footprints: Footprint[] = [];
      const problems: RowError[] = [];
      const creates: Prepared[] = [];
      const updates: { p: Prepared; before: Event; patch: Partial<Event>; changed: ImportedField[] }[] = [];
      for (const p of prepared) {
        const before = p.givenId ? known.get(p.givenId) : undefined;
        if (before) {
          const changed = p.fields.filter((f) => !same(p.event[f], before[f]));
          if (before.organizationId !== p.event.organizationId) {
            problems.push({
              line: p.line,
              column: 'organization',
              problem: `event ${before.id} belongs to another organization; an import cannot move it`,
            });
          } else if (!changed.length) {
            rows.push({ line: p.line, outcome: 'unchanged', eventId: before.id });
          } else if (CLOSED_EVENT_STATUSES.includes(before.status)) {
            problems.push({
              line: p.line,
              column: 'id',
              problem: `event ${before.id} is ${before.status} and can no longer be changed (changed: ${changed.map((f) => FIELD_COLUMNS[f]).join(', ')})`,
            });
          } else {
            const patch = Object.fromEntries(changed.map((f) => [f, p.event[f]])) as Partial<Event>;
            updates.push({ p, before, patch, changed });
            rows.push({ line: p.line, outcome: 'updated', eventId: before.id });
          }
          continue;
        }
        const key = identity(p.event);
        const duplicateOf = existing.get(key);
        if (duplicateOf) {
          rows.push({ line: p.line, outcome: 'duplicate', eventId: duplicateOf });
          continue;
        }
        existing.set(key, p.event.id);
        creates.push(p);
        rows.push({ line: p.line, outcome: 'created', eventId: p.event.id });
      }
      if (problems.length) {
        throw new UnprocessableError(
          'import_rejected',
          `${problems.length} problem(s) in the file; nothing was imported`,
          problems,
        );
      }

      for (let i = 0; i < creates.length; i += INSERT_CHUNK) {
        const chunk = creates.slice(i, i + INSERT_CHUNK);
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
      footprints.push(...creates.map((p) => ({ ...p.event, timeZone: p.timeZone })));

      for (const { p, before, patch, changed } of updates) {
        // As PATCH /events/:id: a change needing a new approval sends an approved event back.
        const reapproval = REAPPROVAL_FIELDS.filter((f) => changed.includes(f));
        const next = before.status === 'approved' && reapproval.length ? 'submitted' : before.status;
        const result = await manager
          .createQueryBuilder()
          .update(Event)
          .set({ ...patch, status: next, version: NEXT_VERSION, updatedAt: now })
          .where({ id: before.id, status: before.status, version: before.version })
          .execute();
        if (result.affected !== 1) {
          throw new ConflictError(
            'concurrent_change',
            `Event ${before.id} (line ${p.line}) changed during the import; nothing was imported, retry`,
          );
        }
        await recordHistory(manager, user, {
          eventId: before.id,
          action: 'edit',
          from: before.status,
          to: next,
          at: now,
          reason:
            next !== before.status
              ? `CSV line ${p.line}: changed ${reapproval.join(', ')}: needs approval again`
              : `CSV line ${p.line}`,
          details: { changedFields: changed },
        });
        footprints.push(
          { ...before, timeZone: before.venue!.timeZone },
          { ...before, ...patch, timeZone: p.timeZone },
        );
      }
      if (footprints.length) await recordChange(eventChange(...footprints));
      return { rows: rows.sort((a, b) => a.line - b.line), footprints };
    });
  }

  /** The events the rows name by id, with their venue. */
  private async loadKnown(manager: EntityManager, prepared: Prepared[]): Promise<Map<string, Event>> {
    const ids = [...new Set(prepared.flatMap((p) => (p.givenId ? [p.givenId] : [])))];
    const known = new Map<string, Event>();
    for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
      const found = await manager.find(Event, {
        where: { id: In(ids.slice(i, i + LOOKUP_CHUNK)) },
        relations: { venue: true },
      });
      for (const e of found) known.set(e.id, e);
    }
    return known;
  }

  /** Identity -> id of the existing events that share a title with a row. */
  private async loadIdentities(manager: EntityManager, prepared: Prepared[]): Promise<Map<string, string>> {
    const titles = [...new Set(prepared.map((p) => p.event.titleZh))];
    const identities = new Map<string, string>();
    for (let i = 0; i < titles.length; i += LOOKUP_CHUNK) {
      const found = await manager.find(Event, {
        select: { id: true, organizationId: true, titleZh: true, venueId: true, startsAt: true },
        where: { titleZh: In(titles.slice(i, i + LOOKUP_CHUNK)) },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      for (const e of found) if (!identities.has(identity(e))) identities.set(identity(e), e.id);
    }
    return identities;
  }
}
