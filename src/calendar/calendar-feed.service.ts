import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThanOrEqual, Not, type Repository } from 'typeorm';
import type { AuthUser } from '../common/auth/auth-user.js';
import { TokenService } from '../common/auth/token.service.js';
import type { AppConfig } from '../common/config/app-config.js';
import { InjectConfig } from '../common/config/config.module.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { Clock } from '../common/time/clock.js';
import { addDays, localDateOf, startOfLocalDay } from '../common/time/local-date.js';
import { assertDateRange } from '../campaigns/campaign-query.js';
import { Campaign } from '../campaigns/campaign.entity.js';
import { applyEventFilters } from '../events/event-query.js';
import { Event } from '../events/event.entity.js';
import { EventsService } from '../events/events.service.js';
import type { PublicFeedQuery } from './dto/public-feed.query.js';
import { buildCalendar } from './ical-feed.builder.js';

/** How far back feeds reach: a calendar app keeps what it already has. */
const HISTORY_DAYS = 400;
const MAX_ENTRIES = 5000;

/** The iCalendar feeds: public approved events, a user's private feed, and one event. */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectRepository(Event) private readonly events: Repository<Event>,
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    private readonly eventsService: EventsService,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /**
   * Every event ever approved (publishedAt set) in the window: approved and completed ones as
   * confirmed (exactly the public listing's events, same window), those since cancelled or
   * rejected as cancelled, so that subscribers see the change. An approved event sent back for
   * approval by an edit is left out until approved again: its new dates and details are not
   * approved yet (the public listing hides it too); same UID when it returns. The window is the
   * listing's `from`/`to` (default: every date).
   */
  async publicFeed(window: PublicFeedQuery = {}): Promise<string> {
    assertDateRange(window.from, window.to);
    const query = this.joined()
      .where('e.publishedAt IS NOT NULL')
      .andWhere('e.status <> :submitted', { submitted: 'submitted' });
    if (window.to) query.andWhere('e.startsAt < :toEnd', { toEnd: startOfLocalDay(addDays(window.to, 1)) });
    if (window.from) query.andWhere('e.endsAt >= :fromStart', { fromStart: startOfLocalDay(window.from) });
    const events = await query.orderBy('e.startsAt', 'ASC').take(MAX_ENTRIES).getMany();
    return buildCalendar({
      name: '张家界旅游活动 Zhangjiajie tourism events',
      description: 'Approved festivals, sports events and other activities in Zhangjiajie',
      url: `${this.config.http.publicUrl}/api/v1/public/events.ics`,
      events,
    });
  }

  /** The private feed of the token's user: the events they may see (no drafts) and the campaigns. */
  async privateFeed(file: string): Promise<string> {
    const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : file;
    const user = await this.tokens.resolve(token, 'calendar');
    if (!user)
      throw new NotFoundError({ message: 'No calendar feed here: the link is wrong or was revoked' });
    const viewer: AuthUser = {
      id: user.id,
      name: user.name,
      role: user.role,
      organizationId: user.organizationId,
    };
    const events = await applyEventFilters(this.joined(), {}, viewer)
      .andWhere('e.status <> :draft', { draft: 'draft' })
      .andWhere('e.endsAt >= :since', { since: this.since() })
      .take(MAX_ENTRIES)
      .getMany();
    const campaigns = await this.campaigns.find({
      where: {
        status: Not('draft'),
        endDate: MoreThanOrEqual(addDays(localDateOf(this.clock.now()), -HISTORY_DAYS)),
      },
      order: { startDate: 'ASC', id: 'ASC' },
      take: MAX_ENTRIES,
    });
    return buildCalendar({
      name: `旅游营销日历 Planning calendar (${user.name})`,
      description: 'Campaigns and events of the tourism recovery plan',
      events,
      campaigns,
    });
  }

  /** One event as an .ics file (visibility is checked by `@Owned` on the route). */
  async eventFile(id: string): Promise<string> {
    const event = await this.eventsService.get(id);
    return buildCalendar({
      name: event.titleZh,
      description: event.titleEn ?? event.titleZh,
      events: [event],
    });
  }

  private joined() {
    return this.events
      .createQueryBuilder('e')
      .leftJoinAndSelect('e.venue', 'v')
      .leftJoinAndSelect('e.organization', 'o');
  }

  private since(): Date {
    return new Date(this.clock.now().getTime() - HISTORY_DAYS * 86_400_000);
  }
}
