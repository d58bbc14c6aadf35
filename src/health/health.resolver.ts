import { Query, Resolver } from '@nestjs/graphql';
import { HealthService } from './health.service.js';
import { Health } from './health.types.js';

@Resolver(() => Health)
export class HealthResolver {
  constructor(private readonly service: HealthService) {}

  @Query(() => Health, { description: 'Service health 服务状态: stores reachable, projection lag' })
  health(): Promise<Health> {
    return this.service.check();
  }
}
