import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsLocalDate } from '../../common/time/time-validators.js';

/**
 * The window of the public feed, the same as the public listing's (`GET /public/events`):
 * events running on or after `from` and on or before `to` (local dates, Asia/Shanghai). Default:
 * no bound, every published event whatever its date, as the listing.
 */
export class PublicFeedQuery {
  @ApiPropertyOptional({
    example: '2022-01-01',
    description: 'Events running on or after this local date (default: no lower bound).',
  })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2022-12-31',
    description: 'Events running on or before this local date (default: no upper bound).',
  })
  @IsOptional()
  @IsLocalDate()
  to?: string;
}
