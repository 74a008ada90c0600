import { PartialType } from '@nestjs/swagger';
import { CreateVenueDto } from './create-venue.dto.js';

/** Any subset of the venue's fields; optional figures may be set to null. */
export class UpdateVenueDto extends PartialType(CreateVenueDto) {}

export const VENUE_REQUIRED_FIELDS = ['nameZh', 'nameEn', 'district', 'kind', 'timeZone'] as const;
