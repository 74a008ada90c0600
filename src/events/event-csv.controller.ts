import type { Readable } from 'node:stream';
import { Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Allow, CurrentUser } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { AcceptsCsv, CsvBody } from '../common/http/csv-body.js';
import { attachment } from '../common/http/csv.js';
import {
  EventImportResultView,
  EventImportRowErrorView,
  ImportEventsQuery,
} from './dto/import-events.dto.js';
import { EventFilterQuery } from './dto/list-events.query.js';
import { EventExportService } from './event-export.service.js';
import { EventImportService } from './event-import.service.js';
import { ApiController } from '../common/http/api-controller.js';

const EXAMPLE = [
  'organization,title_zh,title_en,category,venue,starts_at,ends_at,expected_attendance,contact_name',
  '张家界天门山旅游股份有限公司,环天门山马拉松,Around-Tianmen-Mountain Marathon,sports,天门山国家森林公园,2022-11-06T07:30,2022-11-06T14:00,8000,张伟',
].join('\r\n');

@ApiExtraModels(ErrorBody, EventImportRowErrorView)
@ApiController('events', 'events')
export class EventCsvController {
  constructor(
    private readonly exports: EventExportService,
    private readonly imports: EventImportService,
  ) {}

  @Get('export.csv')
  @Allow()
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', attachment('events.csv'))
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The events you may see, with the list filters, as CSV (UTF-8 with BOM, for Excel)',
  })
  @ApiOkResponse({ description: 'CSV file', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'An organizer named another organization', type: ErrorBody })
  exportCsv(@Query() filter: EventFilterQuery, @CurrentUser() user: AuthUser): Promise<string> {
    return this.exports.csv(filter, user);
  }

  @Post('import')
  @HttpCode(201)
  @Allow('planner', 'admin')
  @AcceptsCsv()
  @ApiBody({
    description: 'UTF-8 CSV (with or without BOM) in the export layout; export-only columns are ignored',
    schema: { type: 'string', example: EXAMPLE },
  })
  @ApiOperation({ summary: 'Import events from CSV: the whole file in one transaction, or nothing' })
  @ApiCreatedResponse({ type: EventImportResultView })
  @ApiUnprocessableEntityResponse({
    description: 'The file was rejected: `details` lists every problem (line, column, problem)',
    schema: {
      allOf: [
        { $ref: getSchemaPath(ErrorBody) },
        {
          type: 'object',
          properties: { details: { type: 'array', items: { $ref: getSchemaPath(EventImportRowErrorView) } } },
        },
      ],
    },
  })
  @ApiPayloadTooLargeResponse({ description: 'Larger than IMPORT_BODY_LIMIT_BYTES', type: ErrorBody })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not sent as text/csv', type: ErrorBody })
  importCsv(
    @CsvBody() body: Readable,
    @Query() query: ImportEventsQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<EventImportResultView> {
    return this.imports.import(body, query.status ?? 'submitted', user);
  }
}
