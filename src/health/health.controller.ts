import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { HealthService } from './health.service.js';
import type { Health } from './health.types.js';

/** For load balancers and orchestrators: 200 when healthy, 503 otherwise, the same report as JSON. */
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  async get(@Res({ passthrough: true }) reply: FastifyReply): Promise<Health & { status: 'ok' | 'degraded' }> {
    const report = await this.health.check();
    const healthy = this.health.isHealthy(report);
    reply.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: healthy ? 'ok' : 'degraded', ...report };
  }
}
