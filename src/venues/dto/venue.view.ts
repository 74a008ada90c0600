import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageView } from '../../common/http/pagination.js';
import { VENUE_KINDS, type Venue, type VenueKind } from '../venue.entity.js';

export class VenueView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '天门山国家森林公园' })
  nameZh!: string;

  @ApiProperty({ example: 'Tianmen Mountain National Forest Park' })
  nameEn!: string;

  @ApiProperty({ example: '永定区 (Yongding District)' })
  district!: string;

  @ApiProperty({ enum: VENUE_KINDS, example: 'scenic_area' })
  kind!: VenueKind;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 5 })
  aRating!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 30000 })
  maxDailyCapacity!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 10000 })
  instantaneousCapacity!: number | null;

  @ApiProperty({ example: 'Asia/Shanghai' })
  timeZone!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Capacity: illustrative figure' })
  note!: string | null;

  @ApiProperty({ example: 3, description: 'Bumped on every change; its ETag for If-Match.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static of(v: Venue): VenueView {
    return {
      id: v.id,
      nameZh: v.nameZh,
      nameEn: v.nameEn,
      district: v.district,
      kind: v.kind,
      aRating: v.aRating,
      maxDailyCapacity: v.maxDailyCapacity,
      instantaneousCapacity: v.instantaneousCapacity,
      timeZone: v.timeZone,
      note: v.note,
      version: v.version,
      createdAt: v.createdAt.toISOString(),
      updatedAt: v.updatedAt.toISOString(),
    };
  }
}

export class VenuePage extends PageView(VenueView) {}
