import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsOptional, IsString, Length } from 'class-validator';
import { MAX_SOURCE_LENGTH } from '../actual-rows.js';
import { PutActualDto } from './put-actual.dto.js';

export const MAX_JSON_ROWS = 100_000;

/** One row of a JSON import: like PUT /api/v1/actuals, but `source` may come from the import. */
export class ActualRowDto extends OmitType(PutActualDto, ['source'] as const) {
  @ApiPropertyOptional({
    example: 'bureau-daily-report',
    maxLength: MAX_SOURCE_LENGTH,
    description: 'Required unless the import gives `source` for rows that do not name their own.',
  })
  source?: string;
}

export class BulkActualsDto {
  @ApiPropertyOptional({
    example: 'bureau-weekly-upload',
    maxLength: MAX_SOURCE_LENGTH,
    description: 'Source of the rows that do not name their own. Without it, every row must name its source.',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_SOURCE_LENGTH)
  source?: string;

  @ApiProperty({
    type: [ActualRowDto],
    maxItems: MAX_JSON_ROWS,
    description:
      'Rows are checked one by one: any bad row (reported with its index) and nothing is written. Within the body (BODY_LIMIT_BYTES); use the CSV import for large files.',
    example: [
      { date: '2022-04-01', metric: 'visitors', value: 41250 },
      { date: '2022-04-01', metric: 'revenue', value: 38900000, note: 'provisional' },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_JSON_ROWS)
  @IsObject({ each: true })
  rows!: Record<string, unknown>[];
}
