import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';

/** Year, metric and scope identify a target and do not change: create another target instead. */
export class UpdateTargetDto {
  @ApiPropertyOptional({ example: 2021 })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2099)
  baselineYear?: number;

  @ApiPropertyOptional({ example: 0.34 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-0.99)
  @Max(10)
  growthRate?: number;

  @ApiPropertyOptional({
    example: null,
    nullable: true,
    type: Number,
    description:
      'An entered total (baseline without complete actuals only); null returns to the computed total.',
  })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  targetTotal?: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 2000 })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsString()
  @Length(1, 2000)
  note?: string | null;
}

/** Fields a PATCH may leave out but not set to null. */
export const TARGET_REQUIRED_FIELDS = ['baselineYear', 'growthRate'] as const;
