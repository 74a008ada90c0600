import { Body, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import type { AuthUser } from '../common/auth/auth-user.js';
import { Allow, CurrentUser } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { HolidayDayDto } from './dto/holiday-day.dto.js';
import { HolidayYearQuery } from './dto/holiday-year.query.js';
import { HolidayOverrideView, HolidayYearView } from './dto/holiday.view.js';
import { ReplaceHolidayYearDto } from './dto/replace-holiday-year.dto.js';
import { HolidaysService } from './holidays.service.js';
import { ApiController } from '../common/http/api-controller.js';

@ApiController('holidays', 'holidays')
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Get()
  @Allow()
  @ApiOperation({
    summary: 'The public holidays and swapped working days of a year',
    description:
      'From the maintained `chinese-days` package (State Council arrangements), merged with the days admins added; an added day wins over the package’s entry for the same date. Target paths move these holidays from the baseline year to the target year.',
  })
  @ApiOkResponse({ type: HolidayYearView })
  @ApiBadRequestResponse({ type: ErrorBody })
  async year(@Query() query: HolidayYearQuery): Promise<HolidayYearView> {
    const { calendar, packageKnowsYear } = await this.holidays.year(query.year);
    return HolidayYearView.of(calendar, packageKnowsYear);
  }

  @Get('overrides')
  @Allow()
  @ApiOperation({ summary: 'The days admins added for a year' })
  @ApiOkResponse({ type: [HolidayOverrideView] })
  async overrides(@Query() query: HolidayYearQuery): Promise<HolidayOverrideView[]> {
    return (await this.holidays.listOverrides(query.year)).map((o) => HolidayOverrideView.of(o));
  }

  @Post()
  @Allow('admin')
  @ApiOperation({
    summary: 'Add a holiday day or swapped working day (for a year the package does not know yet)',
  })
  @ApiCreatedResponse({ type: HolidayOverrideView })
  @ApiConflictResponse({ description: 'The date already has an added day', type: ErrorBody })
  async add(@Body() dto: HolidayDayDto, @CurrentUser() user: AuthUser): Promise<HolidayOverrideView> {
    return HolidayOverrideView.of(await this.holidays.add(dto, user));
  }

  @Put('years/:year')
  @Allow('admin')
  @ApiOperation({ summary: 'Replace all the added days of a year at once' })
  @ApiOkResponse({ type: [HolidayOverrideView] })
  @ApiBadRequestResponse({ description: 'A day outside the year, or listed twice', type: ErrorBody })
  async replaceYear(
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: ReplaceHolidayYearDto,
    @CurrentUser() user: AuthUser,
  ): Promise<HolidayOverrideView[]> {
    return (await this.holidays.replaceYear(year, dto.days, user)).map((o) => HolidayOverrideView.of(o));
  }

  @Delete(':id')
  @Allow('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an added day (the package’s entry, if any, applies again)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ type: ErrorBody })
  async remove(@Param('id') id: string): Promise<void> {
    await this.holidays.remove(id);
  }
}
