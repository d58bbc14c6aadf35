import { Controller, Get, Header, Headers } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { TokenService } from '../auth/token.service.js';
import { HealthService } from './health.service.js';

/** Prometheus metrics: the process's own, and how far each read model is behind the log (in events, for a scrape with a token). */
@Controller('metrics')
export class MetricsController {
  private readonly registry = new Registry();
  /** With the backlog in events, which tells how fast the log grows. */
  private readonly counted: Registry;

  constructor(
    health: HealthService,
    private readonly tokens: TokenService,
  ) {
    collectDefaultMetrics({ register: this.registry });
    let latest: ReturnType<HealthService['check']> | undefined;
    // both gauges read one health check per scrape
    const report = () => (latest ??= health.check().finally(() => setImmediate(() => (latest = undefined))));
    const backlog = new Registry();
    new Gauge({
      name: 'psm_projection_events_behind',
      help: 'Events in the log not yet folded into the read model (counted up to 10,000)',
      labelNames: ['projection'],
      registers: [backlog],
      async collect() {
        for (const projection of (await report()).projections) this.set({ projection: projection.name }, projection.eventsBehind);
      },
    });
    new Gauge({
      name: 'psm_projection_lag_seconds',
      help: 'Age in seconds of the oldest event not yet folded into the read model',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        for (const projection of (await report()).projections) this.set({ projection: projection.name }, projection.lagSeconds);
      },
    });
    new Gauge({
      name: 'psm_store_up',
      help: '1 when the store answers',
      labelNames: ['store'],
      registers: [this.registry],
      async collect() {
        const { eventStore, readStore } = await report();
        this.set({ store: 'event' }, eventStore === 'UP' ? 1 : 0);
        this.set({ store: 'read' }, readStore === 'UP' ? 1 : 0);
      },
    });
    this.counted = Registry.merge([this.registry, backlog]);
  }

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(@Headers('authorization') authorization?: string): Promise<string> {
    const authenticated = authorization !== undefined && (await this.tokens.verify(authorization).catch(() => undefined)) !== undefined;
    return (authenticated ? this.counted : this.registry).metrics();
  }
}
