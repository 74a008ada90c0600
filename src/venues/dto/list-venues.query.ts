import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination.js';
import { VENUE_KINDS, type VenueKind } from '../venue.entity.js';

export class ListVenuesQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: VENUE_KINDS })
  @IsOptional()
  @IsIn(VENUE_KINDS)
  kind?: VenueKind;

  @ApiPropertyOptional({
    description: 'Text in the Chinese or English name or the district',
    example: '天门',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
