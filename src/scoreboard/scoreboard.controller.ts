import { Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { Allow } from '../common/auth/auth.decorators.js';
import { attachment } from '../common/http/csv.js';
import { ScoreboardQuery } from './dto/scoreboard.query.js';
import { ScoreboardView } from './dto/scoreboard.view.js';
import { ScoreboardService } from './scoreboard.service.js';
import { ApiController } from '../common/http/api-controller.js';

const RULES =
  'Per responsible unit, organization or channel: campaigns and events starting in the year, budget, allocated (from funds), spent (completed campaigns), utilisation (spent ÷ allocated); expected against measured incremental visitors and revenue (city-wide measured effects); yuan per measured incremental visitor and measured revenue per yuan (measured campaigns only); discipline; competition ranks with ties. Items that could not be measured are counted apart with the reason, never as zero.';

@ApiController('scoreboard', 'scoreboard')
export class ScoreboardController {
  constructor(private readonly scoreboard: ScoreboardService) {}

  @Get()
  @Allow('admin', 'planner', 'viewer')
  @ApiOperation({ summary: 'Who delivered: the accountability scoreboard of a year', description: RULES })
  @ApiOkResponse({ type: ScoreboardView })
  get(@Query() query: ScoreboardQuery): Promise<ScoreboardView> {
    return this.scoreboard.scoreboard(query.year, query.by ?? 'unit');
  }

  @Get('export.csv')
  @Allow('admin', 'planner', 'viewer')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', attachment('scoreboard.csv'))
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The scoreboard as CSV (UTF-8 with BOM, for Excel)', description: RULES })
  @ApiOkResponse({ description: 'CSV file', schema: { type: 'string' } })
  exportCsv(@Query() query: ScoreboardQuery): Promise<string> {
    return this.scoreboard.csv(query.year, query.by ?? 'unit');
  }
}
