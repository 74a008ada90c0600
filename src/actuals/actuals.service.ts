import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import type { AppConfig } from '../common/config/app-config.js';
import { InjectConfig } from '../common/config/config.module.js';
import { UnprocessableError } from '../common/errors/domain-error.js';
import { csvText } from '../common/http/csv-body.js';
import { Clock } from '../common/time/clock.js';
import { ProjectionInputs } from '../projections/rebuild/projection-inputs.js';
import { readActualsCsv } from './actual-csv.js';
import { Actual } from './actual.entity.js';
import { ActualBuffer, ActualRowValidator, type RowProblem } from './actual-rows.js';
import { ActualWriter } from './actual-writer.js';
import type { BulkActualsDto } from './dto/bulk-actuals.dto.js';
import type { ImportResultView } from './dto/actual.view.js';
import type { PutActualDto } from './dto/put-actual.dto.js';
import { scopeKeyOf } from './metric.js';

/** Bad rows listed in an import's error; beyond, they are counted. */
export const MAX_REPORTED_ERRORS = 10_000;

const ROW_KEYS = new Set(['date', 'metric', 'value', 'venueId', 'source', 'note']);

/**
 * Writes of actuals: one figure, a JSON batch or a streamed CSV. Every path validates all rows
 * first and writes nothing when one is bad (422 listing each bad row); otherwise all rows are
 * upserted in one transaction, then the affected targets are marked for a rebuild.
 */
@Injectable()
export class ActualsService {
  constructor(
    @InjectRepository(Actual) private readonly actuals: Repository<Actual>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: ActualWriter,
    private readonly projections: ProjectionInputs,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async put(dto: PutActualDto): Promise<{ actual: Actual; replaced: boolean }> {
    const validator = await this.validator();
    const checked = validator.check(dto);
    if (Array.isArray(checked))
      throw new UnprocessableError('actual_invalid', checked.join('; '), { problems: checked });
    const key = { scopeKey: scopeKeyOf(checked.venueId), metric: checked.metric, date: checked.date };
    const replaced = await this.actuals.existsBy(key);
    const buffer = new ActualBuffer();
    buffer.push(checked);
    await this.finish(buffer, Date.now());
    return { actual: await this.actuals.findOneByOrFail(key), replaced };
  }

  async importRows(dto: BulkActualsDto): Promise<ImportResultView> {
    const started = Date.now();
    const validator = await this.validator(dto.source);
    const buffer = new ActualBuffer();
    const errors: RowProblem[] = [];
    let errorCount = 0;
    dto.rows.forEach((row, index) => {
      const unknown = Object.keys(row).filter((k) => !ROW_KEYS.has(k));
      const checked = validator.check(row);
      const problems = [
        ...unknown.map((k) => `property ${k} should not exist`),
        ...(Array.isArray(checked) ? checked : []),
      ];
      if (problems.length) {
        errorCount++;
        if (errors.length < MAX_REPORTED_ERRORS) errors.push({ index, problems });
      } else if (!errorCount) buffer.push(checked as Exclude<typeof checked, string[]>);
    });
    if (errorCount) throw invalidImport(errors, errorCount, dto.rows.length, 'row');
    return this.finish(buffer, started);
  }

  /** `body`: the raw `text/csv` request stream (see CsvBody). */
  async importCsv(body: Readable, defaultSource?: string): Promise<ImportResultView> {
    const started = Date.now();
    const validator = await this.validator(defaultSource);
    const buffer = new ActualBuffer();
    const result = await readActualsCsv(
      csvText(body, this.config.http.importBodyLimitBytes),
      validator,
      buffer,
      {
        maxErrors: MAX_REPORTED_ERRORS,
      },
    );
    if (result.errorCount) throw invalidImport(result.errors, result.errorCount, result.rows, 'line');
    return this.finish(buffer, started);
  }

  private async finish(buffer: ActualBuffer, started: number): Promise<ImportResultView> {
    const years = [...buffer.years].sort((a, b) => a - b);
    const venueIds = buffer.venueIds();
    // The affected targets are marked dirty in the same transaction as the rows (see ActualWriter).
    const dirty = buffer.length
      ? await this.projections.affectedTargets({ source: 'actual', years, venueIds })
      : [];
    await this.writer.write(buffer, this.clock.now(), dirty);
    await this.projections.queue(dirty, 'actual');
    return {
      rows: buffer.length,
      firstDate: buffer.firstDate,
      lastDate: buffer.lastDate,
      years,
      venueIds,
      durationMs: Date.now() - started,
    };
  }

  private async validator(defaultSource?: string): Promise<ActualRowValidator> {
    const venues = await this.dataSource
      .createQueryBuilder()
      .select('v.id', 'id')
      .from('venues', 'v')
      .getRawMany<{ id: string }>();
    return new ActualRowValidator({
      venueIds: new Set(venues.map((v) => v.id)),
      today: this.clock.today(),
      defaultSource,
    });
  }
}

function invalidImport(errors: RowProblem[], errorCount: number, rows: number, unit: 'line' | 'row') {
  return new UnprocessableError(
    'import_invalid',
    `${errorCount} of ${rows} rows are invalid; nothing was imported. Each is listed in details.errors with its ${unit === 'line' ? 'line (1 = header)' : 'index'}.`,
    { errorCount, truncated: errorCount > errors.length, errors },
  );
}
