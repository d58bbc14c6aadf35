import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { HealthResolver, ProjectionHealthResolver } from './health.resolver.js';
import { HealthService } from './health.service.js';
import { MetricsController } from './metrics.controller.js';

@Module({ controllers: [HealthController, MetricsController], providers: [HealthService, HealthResolver, ProjectionHealthResolver] })
export class HealthModule {}
