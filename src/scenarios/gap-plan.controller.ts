import { Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Allow } from '../common/auth/auth.decorators.js';
import { ErrorBody } from '../common/errors/error-body.js';
import { GapPlanView } from './dto/gap-plan.view.js';
import { GapPlanService } from './gap-plan.service.js';
import { ApiController } from '../common/http/api-controller.js';

@ApiController('scenarios', 'targets')
export class GapPlanController {
  constructor(private readonly gapPlans: GapPlanService) {}

  @Get(':id/gap-plan')
  @Allow()
  @ApiOperation({
    summary: 'What would lift the probability of reaching the target to 50 % and to 80 %',
    description:
      'Solved on the latest projection’s distribution (normal with its median and 80 % interval): the extra visitors (or yuan) needed over the rest of the year and per remaining week, and what that costs in each channel, cheapest first, by measured cost per unit where campaigns of the channel were measured, else by expected cost (budget ÷ expected increment), saying which.',
  })
  @ApiOkResponse({ type: GapPlanView })
  @ApiNotFoundResponse({ description: 'No such target', type: ErrorBody })
  plan(@Param('id') id: string): Promise<GapPlanView> {
    return this.gapPlans.plan(id);
  }
}
