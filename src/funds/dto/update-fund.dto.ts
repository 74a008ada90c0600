import { PartialType } from '@nestjs/swagger';
import { CreateFundDto } from './create-fund.dto.js';

/** Fields that cannot be set to null. */
export const FUND_REQUIRED_FIELDS = ['name', 'kind', 'year', 'amountYuan', 'responsibleUnit'] as const;

export class UpdateFundDto extends PartialType(CreateFundDto) {}
