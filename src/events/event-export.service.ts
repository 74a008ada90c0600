import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user.js';
import { UnprocessableError } from '../common/errors/domain-error.js';
import { toCsv } from '../common/http/csv.js';
import type { EventFilterQuery } from './dto/list-events.query.js';
import { EVENT_CSV_COLUMNS, eventCsvRow } from './event-csv.js';
import { EventsService } from './events.service.js';

export const MAX_EXPORT_ROWS = 50_000;

/** The events the user may see, with the list's filters, as CSV for Excel. */
@Injectable()
export class EventExportService {
  constructor(private readonly events: EventsService) {}

  async csv(filter: EventFilterQuery, user: AuthUser): Promise<string> {
    const events = await this.events.findAll(filter, user, MAX_EXPORT_ROWS);
    if (events.length > MAX_EXPORT_ROWS) {
      throw new UnprocessableError(
        'export_too_large',
        `More than ${MAX_EXPORT_ROWS} events match: narrow the filters`,
      );
    }
    return toCsv([...EVENT_CSV_COLUMNS], events.map(eventCsvRow));
  }
}
