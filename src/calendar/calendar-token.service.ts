import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../common/auth/auth-user.js';
import { TokenService } from '../common/auth/token.service.js';
import type { AppConfig } from '../common/config/app-config.js';
import { InjectConfig } from '../common/config/config.module.js';
import type { CalendarTokenView } from './dto/calendar-token.view.js';

/** The private feed's own token: one live token per user, replaced on rotation, revocable. */
@Injectable()
export class CalendarTokenService {
  constructor(
    private readonly tokens: TokenService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** Revokes the user's calendar token(s) and issues a new one; the old feed URL stops working. */
  async rotate(user: AuthUser): Promise<CalendarTokenView> {
    await this.tokens.revokeAll(user.id, 'calendar');
    const { token } = await this.tokens.issue(user.id, 'calendar');
    const feedUrl = `${this.config.http.publicUrl}/api/v1/calendar/feed/${token}.ics`;
    return { token, feedUrl, webcalUrl: feedUrl.replace(/^https?:/, 'webcal:') };
  }

  async revoke(user: AuthUser): Promise<void> {
    await this.tokens.revokeAll(user.id, 'calendar');
  }
}
