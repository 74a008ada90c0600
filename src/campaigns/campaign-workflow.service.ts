import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { changedMeanwhile, NEXT_VERSION } from '../common/http/if-match.js';
import { InvalidTransitionError } from '../common/errors/invalid-transition.error.js';
import { Clock } from '../common/time/clock.js';
import { yearsBetween } from '../common/time/local-date.js';
import { ProjectionInputs } from '../projections/rebuild/projection-inputs.js';
import { CAMPAIGN_TRANSITIONS, type CampaignAction } from './campaign-status.js';
import { Campaign } from './campaign.entity.js';
import { CampaignsService, type LoadedCampaign } from './campaigns.service.js';
import type { CancelCampaignDto, CompleteCampaignDto } from './dto/campaign-transition.dto.js';

/** The campaign lifecycle actions: schedule, activate, complete (with actual spend) and cancel. */
@Injectable()
export class CampaignWorkflowService {
  constructor(
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    private readonly campaignsService: CampaignsService,
    private readonly projections: ProjectionInputs,
    private readonly clock: Clock,
  ) {}

  schedule(id: string, user: AuthUser): Promise<LoadedCampaign> {
    return this.apply(id, 'schedule', user, {});
  }

  activate(id: string, user: AuthUser): Promise<LoadedCampaign> {
    return this.apply(id, 'activate', user, {});
  }

  complete(id: string, dto: CompleteCampaignDto, user: AuthUser): Promise<LoadedCampaign> {
    return this.apply(id, 'complete', user, {
      actualSpendYuan: dto.actualSpendYuan,
      actualIncrementalVisitors: dto.actualIncrementalVisitors ?? null,
      actualIncrementalRevenueYuan: dto.actualIncrementalRevenueYuan ?? null,
    });
  }

  cancel(id: string, dto: CancelCampaignDto, user: AuthUser): Promise<LoadedCampaign> {
    return this.apply(id, 'cancel', user, { cancellationReason: dto.reason?.trim() ?? null });
  }

  /**
   * Moves the campaign if the action is allowed from its state, atomically: the update only
   * matches the state that was read, so two concurrent actions cannot both succeed.
   */
  private async apply(
    id: string,
    action: CampaignAction,
    user: AuthUser,
    extra: Partial<Campaign>,
  ): Promise<LoadedCampaign> {
    const rule = CAMPAIGN_TRANSITIONS[action];
    const campaign = await this.campaignsService.find(id);
    const refuse = (from: string) =>
      new InvalidTransitionError('Campaign', id, from, rule.to, action, rule.from);
    if (!rule.from.includes(campaign.status)) throw refuse(campaign.status);
    const moved = await this.projections.transaction(async (manager, changed) => {
      const result = await manager
        .createQueryBuilder()
        .update(Campaign)
        .set({ ...extra, status: rule.to, version: NEXT_VERSION, updatedAt: this.clock.now() })
        .where({ id, status: campaign.status, version: campaign.version })
        .execute();
      if (result.affected !== 1) return false;
      await changed({
        source: 'campaign',
        years: yearsBetween(campaign.startDate, campaign.endDate),
        venueIds: [],
      });
      return true;
    });
    if (!moved) {
      const current = await this.campaignsService.find(id);
      if (current.status !== campaign.status) throw refuse(current.status);
      throw changedMeanwhile('Campaign', id);
    }
    return this.campaignsService.get(id, user);
  }
}
