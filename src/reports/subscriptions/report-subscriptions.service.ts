import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { ConflictError, NotFoundError } from '../../common/errors/domain-error.js';
import { pageOf, pageWindow, type Page } from '../../common/http/pagination.js';
import { rejectNulls } from '../../common/http/reject-nulls.js';
import { Clock } from '../../common/time/clock.js';
import { containsAny, containsPattern } from '../../infra/database/like-pattern.js';
import { isUniqueViolation } from '../../infra/database/constraint-violation.js';
import { newId } from '../../infra/database/new-id.js';
import type { CreateReportSubscriptionDto } from './dto/create-report-subscription.dto.js';
import type { ListReportSubscriptionsQuery } from './dto/list-report-subscriptions.query.js';
import {
  SUBSCRIPTION_REQUIRED_FIELDS,
  type UpdateReportSubscriptionDto,
} from './dto/update-report-subscription.dto.js';
import { ReportSubscription } from './report-subscription.entity.js';

/** Readers of the weekly report: managed by admins and planners. */
@Injectable()
export class ReportSubscriptionsService {
  constructor(
    @InjectRepository(ReportSubscription) private readonly subscriptions: Repository<ReportSubscription>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateReportSubscriptionDto, user: AuthUser): Promise<ReportSubscription> {
    const email = normalizeEmail(dto.email);
    await this.assertEmailFree(email);
    await this.assertTargetsExist(dto.targetIds ?? null);
    const now = this.clock.now();
    const subscription = this.subscriptions.create({
      id: newId(),
      email,
      displayName: dto.displayName.trim(),
      language: dto.language,
      targetIds: dto.targetIds ?? null,
      active: dto.active ?? true,
      unsubscribedAt: null,
      createdById: user.id,
      updatedAt: now,
    });
    await this.save(() => this.subscriptions.insert(subscription), email);
    return this.get(subscription.id);
  }

  async list(query: ListReportSubscriptionsQuery): Promise<Page<ReportSubscription>> {
    const qb = this.subscriptions.createQueryBuilder('s');
    if (query.active !== undefined) qb.andWhere('s.active = :active', { active: query.active });
    if (query.language) qb.andWhere('s.language = :language', { language: query.language });
    if (query.q) qb.andWhere(containsAny(['s.email', 's.displayName'], 'q'), { q: containsPattern(query.q) });
    const { limit, offset } = pageWindow(query);
    const [items, total] = await qb.orderBy('s.email', 'ASC').take(limit).skip(offset).getManyAndCount();
    return pageOf(items, total, query);
  }

  async get(id: string): Promise<ReportSubscription> {
    const subscription = await this.subscriptions.findOneBy({ id });
    if (!subscription) throw new NotFoundError('Report subscription', id);
    return subscription;
  }

  async update(id: string, dto: UpdateReportSubscriptionDto): Promise<ReportSubscription> {
    rejectNulls(dto, SUBSCRIPTION_REQUIRED_FIELDS);
    const subscription = await this.get(id);
    const changes: Partial<ReportSubscription> = { updatedAt: this.clock.now() };
    if (dto.email !== undefined) {
      const email = normalizeEmail(dto.email);
      if (email !== subscription.email) await this.assertEmailFree(email);
      changes.email = email;
    }
    if (dto.displayName !== undefined) changes.displayName = dto.displayName.trim();
    if (dto.language !== undefined) changes.language = dto.language;
    if (dto.targetIds !== undefined) {
      await this.assertTargetsExist(dto.targetIds);
      changes.targetIds = dto.targetIds;
    }
    if (dto.active !== undefined) {
      changes.active = dto.active;
      if (dto.active) changes.unsubscribedAt = null;
    }
    await this.save(() => this.subscriptions.update(id, changes), changes.email ?? subscription.email);
    return this.get(id);
  }

  /**
   * Soft-deletes the subscription: it leaves every list and get, gets no more mail, and its
   * address may subscribe again; its delivery history stays in the log.
   */
  async remove(id: string): Promise<void> {
    await this.get(id);
    const now = this.clock.now();
    await this.subscriptions.update({ id }, { deletedAt: now, updatedAt: now });
  }

  /** Among live subscriptions: a deleted one leaves its address free. */
  private async assertEmailFree(email: string): Promise<void> {
    if (await this.subscriptions.existsBy({ email })) throw emailTaken(email);
  }

  /** Every listed target must exist in the targets table (issue 4). */
  private async assertTargetsExist(ids: string[] | null): Promise<void> {
    if (!ids?.length) return;
    const rows: Array<{ id: string }> = await this.dataSource
      .createQueryBuilder()
      .select('t.id', 'id')
      .from('targets', 't')
      .where('t.id IN (:...ids)', { ids })
      .getRawMany();
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      throw new NotFoundError({
        message: `Target ${missing.join(', ')} was not found`,
        details: { missingTargetIds: missing },
      });
    }
  }

  /** Runs a write; a unique violation on the address (a concurrent create) becomes the same 409. */
  private async save(write: () => Promise<unknown>, email: string): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken(email);
      throw error;
    }
  }
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const emailTaken = (email: string) =>
  new ConflictError('subscription_exists', `There is already a report subscription for ${email}`);
