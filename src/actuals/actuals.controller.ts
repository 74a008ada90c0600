import type { Readable } from 'node:stream';
import { Body, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { Allow } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { AcceptsCsv, CsvBody } from '../common/http/csv-body.js';
import { ActualsQueryService } from './actuals-query.service.js';
import { ActualsService } from './actuals.service.js';
import { ActualSeriesView, ActualView, ImportResultView, PutActualResultView } from './dto/actual.view.js';
import { BulkActualsDto } from './dto/bulk-actuals.dto.js';
import { ImportCsvQuery } from './dto/import-csv.query.js';
import { PutActualDto, SCOPE_DOC } from './dto/put-actual.dto.js';
import { ReadActualsQuery } from './dto/read-actuals.query.js';
import { ApiController } from '../common/http/api-controller.js';

const IMPORT_DOC =
  'All or nothing: every row is checked first; if any is bad the answer is 422 listing each bad row, and nothing is written. Otherwise all rows are upserted in one transaction: importing the same (date, metric, scope) again replaces the figure, never adds one. The targets the rows can move are then marked for a projection rebuild. ' +
  SCOPE_DOC;

@ApiController('actuals', 'actuals')
export class ActualsController {
  constructor(
    private readonly actuals: ActualsService,
    private readonly reads: ActualsQueryService,
  ) {}

  @Get()
  @Allow()
  @ApiOperation({
    summary: 'Daily figures of the city or a venue over a range, by day, ISO week or month',
    description: `Includes the days from \`from\` to \`to\` (or today, if earlier) that have no figure yet. ${SCOPE_DOC}`,
  })
  @ApiOkResponse({ type: ActualSeriesView })
  @ApiBadRequestResponse({ type: ErrorBody })
  read(@Query() query: ReadActualsQuery): Promise<ActualSeriesView> {
    return this.reads.read(
      { metric: query.metric, venueId: query.venueId ?? null },
      query.from,
      query.to,
      query.granularity ?? 'day',
    );
  }

  @Put()
  @Allow('admin', 'planner')
  @ApiOperation({
    summary: 'Record one daily figure (replaces the figure of that day and scope)',
    description: SCOPE_DOC,
  })
  @ApiOkResponse({ type: PutActualResultView })
  @ApiUnprocessableEntityResponse({ description: 'Unknown venue or a date in the future', type: ErrorBody })
  async put(@Body() dto: PutActualDto): Promise<PutActualResultView> {
    const { actual, replaced } = await this.actuals.put(dto);
    return { ...ActualView.of(actual), replaced };
  }

  @Post('bulk')
  @Allow('admin', 'planner')
  @HttpCode(200)
  @ApiOperation({ summary: 'Import daily figures as JSON', description: IMPORT_DOC })
  @ApiOkResponse({ type: ImportResultView })
  @ApiUnprocessableEntityResponse({
    description: 'Bad rows, each with its index in `rows` (details.errors); nothing was written',
    type: ErrorBody,
  })
  importRows(@Body() dto: BulkActualsDto): Promise<ImportResultView> {
    return this.actuals.importRows(dto);
  }

  @Post('import')
  @Allow('admin', 'planner')
  @HttpCode(200)
  @AcceptsCsv()
  @ApiBody({
    description:
      'CSV with a header line, columns in any order: `date,metric,value` required; `source` required on every row unless `?source=` gives it for rows that leave it empty (a row with neither is refused); `venueId` (empty = city) and `note` optional. Streamed: files up to IMPORT_BODY_LIMIT_BYTES.',
    schema: {
      type: 'string',
      example:
        'date,metric,value,venueId,source\n2022-04-01,visitors,41250,,bureau-daily-report\n2022-04-01,revenue,38900000,,bureau-daily-report\n',
    },
  })
  @ApiOperation({ summary: 'Import daily figures from a CSV file (streamed)', description: IMPORT_DOC })
  @ApiOkResponse({ type: ImportResultView })
  @ApiUnprocessableEntityResponse({
    description: 'Bad rows, each with its line (1 = the header) in details.errors; nothing was written',
    type: ErrorBody,
  })
  @ApiPayloadTooLargeResponse({ description: 'Larger than IMPORT_BODY_LIMIT_BYTES', type: ErrorBody })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not sent as text/csv', type: ErrorBody })
  importCsv(@CsvBody() body: Readable, @Query() query: ImportCsvQuery): Promise<ImportResultView> {
    return this.actuals.importCsv(body, query.source);
  }
}
