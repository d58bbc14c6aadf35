import { Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { TokenService } from '../auth/token.service.js';
import { HealthService } from './health.service.js';
import { Health, ProjectionHealth } from './health.types.js';

@Resolver(() => Health)
export class HealthResolver {
  constructor(private readonly service: HealthService) {}

  @Query(() => Health, { description: 'Service health 服务状态: stores reachable, projection lag' })
  health(): Promise<Health> {
    return this.service.check();
  }
}

/** A read model's checkpoint and backlog say how many events the log holds: for a caller with a token only. */
@Resolver(() => ProjectionHealth)
export class ProjectionHealthResolver {
  constructor(private readonly tokens: TokenService) {}

  private async authenticated(context: { reply?: { request: FastifyRequest } }): Promise<void> {
    await this.tokens.verify(context.reply?.request.headers.authorization);
  }

  @ResolveField(() => String, { nullable: true })
  async checkpoint(@Parent() projection: ProjectionHealth, @Context() context: { reply?: { request: FastifyRequest } }): Promise<string | undefined> {
    await this.authenticated(context);
    return projection.checkpoint;
  }

  @ResolveField(() => Int)
  async eventsBehind(@Parent() projection: ProjectionHealth, @Context() context: { reply?: { request: FastifyRequest } }): Promise<number> {
    await this.authenticated(context);
    return projection.eventsBehind;
  }

  @ResolveField(() => String, { nullable: true })
  async error(@Parent() projection: ProjectionHealth, @Context() context: { reply?: { request: FastifyRequest } }): Promise<string | undefined> {
    await this.authenticated(context);
    return projection.error;
  }
}
