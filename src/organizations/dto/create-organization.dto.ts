import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../organization.entity.js';

export class CreateOrganizationDto {
  @ApiProperty({ example: '张家界天门山旅游股份有限公司', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  // Stored trimmed: a name of spaces only would be stored empty.
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS, example: 'scenic_area_operator' })
  @IsIn(ORGANIZATION_KINDS)
  kind!: OrganizationKind;
}
