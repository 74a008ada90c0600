import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateEventDto } from './create-event.dto.js';

/**
 * Any subset of the event. Changing the dates, venue or expected attendance of an approved event
 * sends it back to `submitted`.
 */
export class UpdateEventDto extends PartialType(OmitType(CreateEventDto, ['organizationId'] as const)) {}

export const EVENT_REQUIRED_FIELDS = [
  'titleZh',
  'category',
  'venueId',
  'startsAt',
  'endsAt',
  'expectedAttendance',
  'contact',
] as const;
