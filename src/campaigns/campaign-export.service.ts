import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { UnprocessableError } from '../common/errors/domain-error.js';
import { toCsv } from '../common/http/csv.js';
import { applyCampaignFilters } from './campaign-query.js';
import { Campaign } from './campaign.entity.js';
import type { CampaignFilterQuery } from './dto/list-campaigns.query.js';

export const MAX_EXPORT_ROWS = 50_000;

const COLUMNS = [
  'id',
  'name',
  'channel',
  'status',
  'budget_yuan',
  'start_date',
  'end_date',
  'target_markets',
  'responsible_unit',
  'responsible_organization_id',
  'expected_incremental_visitors',
  'expected_incremental_revenue_yuan',
  'actual_spend_yuan',
  'actual_incremental_visitors',
  'actual_incremental_revenue_yuan',
  'description',
  'cancellation_reason',
  'note',
  'created_at',
  'updated_at',
];

/** Campaigns with the list's filters as CSV for Excel; target markets are joined with "; ". */
@Injectable()
export class CampaignExportService {
  constructor(@InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>) {}

  async csv(filter: CampaignFilterQuery): Promise<string> {
    const rows = await applyCampaignFilters(this.campaigns.createQueryBuilder('c'), filter)
      .take(MAX_EXPORT_ROWS + 1)
      .getMany();
    if (rows.length > MAX_EXPORT_ROWS) {
      throw new UnprocessableError(
        'export_too_large',
        `More than ${MAX_EXPORT_ROWS} campaigns match: narrow the filters`,
      );
    }
    return toCsv(
      COLUMNS,
      rows.map((c) => [
        c.id,
        c.name,
        c.channel,
        c.status,
        c.budgetYuan,
        c.startDate,
        c.endDate,
        c.targetMarkets.join('; '),
        c.responsibleUnit,
        c.responsibleOrganizationId,
        c.expectedIncrementalVisitors,
        c.expectedIncrementalRevenueYuan,
        c.actualSpendYuan,
        c.actualIncrementalVisitors,
        c.actualIncrementalRevenueYuan,
        c.description,
        c.cancellationReason,
        c.note,
        c.createdAt.toISOString(),
        c.updatedAt.toISOString(),
      ]),
    );
  }
}
