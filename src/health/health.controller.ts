import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth/auth.decorators.js';
import { SkipRateLimit } from '../common/http/rate-limit.guard.js';
import { HealthService, type ReadinessReport } from './health.service.js';

class LivenessView {
  @ApiProperty({ example: 'ok' })
  status!: string;
}

class ReadinessView {
  @ApiProperty({ enum: ['ok', 'unavailable'] })
  status!: string;

  @ApiProperty({
    example: {
      database: { status: 'up' },
      redis: { status: 'down', error: 'connect ECONNREFUSED 127.0.0.1:6379' },
    },
  })
  checks!: ReadinessReport['checks'];
}

@ApiTags('health')
@Controller('health')
@Public()
@SkipRateLimit()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process is up' })
  @ApiOkResponse({ type: LivenessView })
  live(): LivenessView {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database and Redis answer; 503 names the failing part' })
  @ApiOkResponse({ type: ReadinessView })
  @ApiServiceUnavailableResponse({ type: ReadinessView })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessView> {
    const report = await this.health.readiness();
    void reply.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
