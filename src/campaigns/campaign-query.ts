import type { SelectQueryBuilder } from 'typeorm';
import { ValidationError } from '../common/errors/domain-error.js';
import { containsAny, containsPattern } from '../infra/database/like-pattern.js';
import type { Campaign } from './campaign.entity.js';
import type { CampaignFilterQuery } from './dto/list-campaigns.query.js';

/** `from` after `to` is a 400 naming both. */
export function assertDateRange(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to) {
    throw new ValidationError(`from (${from}) must not be after to (${to})`, [
      { field: 'to', problems: ['to must not be before from'] },
    ]);
  }
}

/** Applies the campaign filters of the list, the export and the calendar to a query on alias `c`. */
export function applyCampaignFilters(
  qb: SelectQueryBuilder<Campaign>,
  f: CampaignFilterQuery,
): SelectQueryBuilder<Campaign> {
  assertDateRange(f.from, f.to);
  if (f.channel) qb.andWhere('c.channel = :channel', { channel: f.channel });
  if (f.status) qb.andWhere('c.status = :status', { status: f.status });
  if (f.responsibleUnit) qb.andWhere('c.responsibleUnit = :unit', { unit: f.responsibleUnit.trim() });
  if (f.responsibleOrganizationId)
    qb.andWhere('c.responsibleOrganizationId = :rorg', { rorg: f.responsibleOrganizationId });
  // Overlap of [startDate, endDate] with [from, to]; local dates compare as text.
  if (f.to) qb.andWhere('c.startDate <= :to', { to: f.to });
  if (f.from) qb.andWhere('c.endDate >= :from', { from: f.from });
  if (f.q)
    qb.andWhere(containsAny(['c.name', 'c.description', 'c.responsibleUnit'], 'cq'), {
      cq: containsPattern(f.q),
    });
  return qb.orderBy('c.startDate', 'ASC').addOrderBy('c.name', 'ASC').addOrderBy('c.id', 'ASC');
}
