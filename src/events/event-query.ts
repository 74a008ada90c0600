import type { SelectQueryBuilder } from 'typeorm';
import { seesAllOrganizations, type AuthUser } from '../common/auth/auth-user.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { addDays, startOfLocalDay } from '../common/time/local-date.js';
import { containsAny, containsPattern } from '../infra/database/like-pattern.js';
import { assertDateRange } from '../campaigns/campaign-query.js';
import type { EventFilterQuery } from './dto/list-events.query.js';
import type { Event } from './event.entity.js';
import { PUBLIC_EVENT_STATUSES } from './event-status.js';

/**
 * Applies the event filters to a query on alias `e` (joined `v` venue, `o` organization), limited to
 * what the user may see: organizers their organization's events only; naming another organization
 * answers 404 as if it did not exist. `user: null` is the public: approved events only.
 */
export function applyEventFilters(
  qb: SelectQueryBuilder<Event>,
  f: EventFilterQuery,
  user: AuthUser | null,
): SelectQueryBuilder<Event> {
  assertDateRange(f.from, f.to);
  if (user && !seesAllOrganizations(user)) {
    if (f.organizationId && f.organizationId !== user.organizationId) {
      throw new NotFoundError('Organization', f.organizationId);
    }
    qb.andWhere('e.organizationId = :ownOrg', { ownOrg: user.organizationId ?? '' });
  }
  if (!user) qb.andWhere('e.status IN (:...public)', { public: PUBLIC_EVENT_STATUSES });
  if (f.status) qb.andWhere('e.status = :status', { status: f.status });
  if (f.category) qb.andWhere('e.category = :category', { category: f.category });
  if (f.venueId) qb.andWhere('e.venueId = :venueId', { venueId: f.venueId });
  if (f.organizationId) qb.andWhere('e.organizationId = :org', { org: f.organizationId });
  if (f.campaignId) qb.andWhere('e.campaignId = :campaignId', { campaignId: f.campaignId });
  // Overlap with the local days [from, to] in Asia/Shanghai.
  if (f.to) qb.andWhere('e.startsAt < :toEnd', { toEnd: startOfLocalDay(addDays(f.to, 1)) });
  if (f.from) qb.andWhere('e.endsAt >= :fromStart', { fromStart: startOfLocalDay(f.from) });
  if (f.q) qb.andWhere(containsAny(['e.titleZh', 'e.titleEn'], 'eq'), { eq: containsPattern(f.q) });
  return qb.orderBy('e.startsAt', 'ASC').addOrderBy('e.id', 'ASC');
}
