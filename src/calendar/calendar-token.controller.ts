import { Delete, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOperation } from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Allow, CurrentUser } from '../common/auth/auth.decorators.js';
import { CalendarTokenService } from './calendar-token.service.js';
import { CalendarTokenView } from './dto/calendar-token.view.js';
import { ApiController } from '../common/http/api-controller.js';

@ApiController('calendar', 'me/calendar-token')
export class CalendarTokenController {
  constructor(private readonly tokens: CalendarTokenService) {}

  @Post()
  @Allow()
  @ApiOperation({ summary: 'Create (or replace) your private calendar feed URL; the old one stops working' })
  @ApiCreatedResponse({ type: CalendarTokenView })
  rotate(@CurrentUser() user: AuthUser): Promise<CalendarTokenView> {
    return this.tokens.rotate(user);
  }

  @Delete()
  @HttpCode(204)
  @Allow()
  @ApiOperation({ summary: 'Revoke your private calendar feed URL' })
  @ApiNoContentResponse({ description: 'Revoked (also when there was none)' })
  async revoke(@CurrentUser() user: AuthUser): Promise<void> {
    await this.tokens.revoke(user);
  }
}
