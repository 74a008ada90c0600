import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { NestedObject } from '../../common/http/nested-object.js';

export class OverrideDto {
  @ApiProperty({ example: '限流预约：分时段入园，另开西线 (timed entry and the west line opened)' })
  @IsString()
  @Length(3, 2000)
  reason!: string;
}

export class ApproveEventDto {
  @ApiPropertyOptional({
    type: OverrideDto,
    description: 'Needed when a capacity warning stands; its reason is kept in the audit trail.',
  })
  @IsOptional()
  @NestedObject(() => OverrideDto)
  override?: OverrideDto;
}

export class RejectEventDto {
  @ApiProperty({ example: '与森林公园40周年庆典同日同地，请改期 (same day and place as the anniversary)' })
  @IsString()
  @Length(3, 2000)
  reason!: string;
}

export class CancelEventDto {
  @ApiPropertyOptional({ example: '天气原因取消 (weather)' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class CompleteEventDto {
  @ApiProperty({ example: 28500, description: 'Actual attendance over the whole event.' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  actualAttendance!: number;

  @ApiPropertyOptional({ example: 31000000, description: 'Actual revenue, yuan, if known.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  actualRevenueYuan?: number;
}
