import { PartialType } from '@nestjs/swagger';
import { CreateOrganizationDto } from './create-organization.dto.js';

/** A new name, a new kind or both (at least one), validated as at creation. */
export class UpdateOrganizationDto extends PartialType(CreateOrganizationDto) {}

/** Fields that cannot be set to null. */
export const ORGANIZATION_REQUIRED_FIELDS = ['name', 'kind'] as const;
