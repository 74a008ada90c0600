import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsTimeZone, Length, Max, Min } from 'class-validator';
import { VENUE_KINDS, type VenueKind } from '../venue.entity.js';

export class CreateVenueDto {
  @ApiProperty({ example: '张家界国家森林公园', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  nameZh!: string;

  @ApiProperty({ example: 'Zhangjiajie National Forest Park', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  nameEn!: string;

  @ApiProperty({ example: '武陵源区 (Wulingyuan District)', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  district!: string;

  @ApiProperty({ enum: VENUE_KINDS, example: 'scenic_area' })
  @IsIn(VENUE_KINDS)
  kind!: VenueKind;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 5,
    example: 5,
    nullable: true,
    description: 'National A-level rating.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  aRating?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    example: 50000,
    nullable: true,
    description:
      'Maximum daily carrying capacity (最大承载量), visitors per day. Leave out where none applies (online).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  maxDailyCapacity?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    example: 15000,
    nullable: true,
    description: 'Instantaneous capacity (瞬时承载量).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  instantaneousCapacity?: number | null;

  @ApiPropertyOptional({ example: 'Asia/Shanghai', default: 'Asia/Shanghai' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({
    type: String,
    example: 'Capacity: illustrative figure',
    nullable: true,
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}
