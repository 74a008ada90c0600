import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { MAX_SOURCE_LENGTH } from '../actual-rows.js';

export class ImportCsvQuery {
  @ApiPropertyOptional({
    example: 'ticketing-export-2022-04',
    maxLength: MAX_SOURCE_LENGTH,
    description:
      'Source of the rows whose `source` column is empty or absent. Without it, every row must name its source.',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_SOURCE_LENGTH)
  source?: string;
}
