import { Controller, Get, Headers, HttpStatus, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { TokenService } from '../auth/token.service.js';
import { HealthService } from './health.service.js';
import type { Health, ProjectionHealth } from './health.types.js';

/** What a probe without a token is told: whether each store and read model works, not where the log stands. */
type OpenHealth = Pick<Health, 'eventStore' | 'readStore'> & { projections: Array<Pick<ProjectionHealth, 'name' | 'state'>> };

/** For load balancers and orchestrators: 200 when healthy, 503 otherwise; positions and counts only with a token. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly tokens: TokenService,
  ) {}

  @Get()
  async get(@Res({ passthrough: true }) reply: FastifyReply, @Headers('authorization') authorization?: string): Promise<(Health | OpenHealth) & { status: 'ok' | 'degraded' }> {
    const report = await this.health.check();
    const healthy = this.health.isHealthy(report);
    reply.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    const status = healthy ? 'ok' : 'degraded';
    if (authorization && (await this.tokens.verify(authorization).catch(() => undefined))) return { status, ...report };
    const { eventStore, readStore, projections } = report;
    return { status, eventStore, readStore, projections: projections.map(({ name, state }) => ({ name, state })) };
  }
}
