import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { REPORT_LANGUAGES, type ReportLanguage } from '../report-subscription.entity.js';

export class CreateReportSubscriptionDto {
  @ApiProperty({ example: 'wang.fang@zjj.gov.cn', maxLength: 320 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: '王芳（市文旅局办公室）', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  displayName!: string;

  @ApiProperty({ enum: REPORT_LANGUAGES, example: 'zh-CN' })
  @IsIn(REPORT_LANGUAGES)
  language!: ReportLanguage;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    description:
      'The targets the reader follows. Omitted or null: every target of the week’s report (both years for a week across New Year).',
    example: ['7b0e8a2c-3d4f-4a5b-9c6d-1e2f3a4b5c6d'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  targetIds?: string[] | null;

  @ApiPropertyOptional({ default: true, example: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
