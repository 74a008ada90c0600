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

export const IMPORT_OUTCOMES = ['created', 'updated', 'unchanged', 'duplicate'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** What became of one row of the file. */
export class EventImportRowView {
  @ApiProperty({ example: 2, description: 'Line in the file (the header is line 1).' })
  line!: number;

  @ApiProperty({
    enum: IMPORT_OUTCOMES,
    example: 'created',
    description:
      '`created`: a new event; `updated`: the event of the row’s `id` changed; `unchanged`: that event already reads so; `duplicate`: an event with the same organization, title, venue and start exists (or an earlier row made it), so none was created.',
  })
  outcome!: ImportOutcome;

  @ApiProperty({ format: 'uuid', description: 'The event created, updated, unchanged or duplicated.' })
  eventId!: string;
}

export class EventImportResultView {
  @ApiProperty({ example: 42, description: 'Events created (the same as `created`).' })
  imported!: number;

  @ApiProperty({ example: 42 })
  created!: number;

  @ApiProperty({ example: 3, description: 'Rows with the id of an event that they changed.' })
  updated!: number;

  @ApiProperty({ example: 6, description: 'Rows with the id of an event that already read so.' })
  unchanged!: number;

  @ApiProperty({ example: 1, description: 'Rows without a known id that match an existing event.' })
  duplicates!: number;

  @ApiProperty({ type: [EventImportRowView], description: 'Every row, in file order.' })
  rows!: EventImportRowView[];

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
