import { Controller, Get, Header } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { HealthService } from './health.service.js';

/** Prometheus metrics: the process's own, and how far each read model is behind the log. */
@Controller('metrics')
export class MetricsController {
  private readonly registry = new Registry();

  constructor(health: HealthService) {
    collectDefaultMetrics({ register: this.registry });
    let latest: ReturnType<HealthService['check']> | undefined;
    // both gauges read one health check per scrape
    const report = () => (latest ??= health.check().finally(() => setImmediate(() => (latest = undefined))));
    new Gauge({
      name: 'psm_projection_events_behind',
      help: 'Events in the log not yet folded into the read model (counted up to 10,000)',
      labelNames: ['projection'],
      registers: [this.registry],
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
  }

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
