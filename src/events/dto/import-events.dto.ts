import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const IMPORT_STATUSES = ['draft', 'submitted'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export class ImportEventsQuery {
  @ApiPropertyOptional({
    enum: IMPORT_STATUSES,
    default: 'submitted',
    description: 'The state of the imported events: submitted ones await approval (with the usual checks).',
  })
  @IsOptional()
  @IsIn(IMPORT_STATUSES)
  status?: ImportStatus;
}

export class EventImportResultView {
  @ApiProperty({ example: 42 })
  imported!: number;

  @ApiProperty({ enum: IMPORT_STATUSES, example: 'submitted' })
  status!: ImportStatus;

  @ApiProperty({ type: [String], description: 'The new events, in file order.' })
  eventIds!: string[];
}

export class EventImportRowErrorView {
  @ApiProperty({ example: 7, description: 'Line in the file (the header is line 1).' })
  line!: number;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'expected_attendance' })
  column!: string | null;

  @ApiProperty({ example: 'expected_attendance must be a whole number (got "about 3000")' })
  problem!: string;
}
