import { BadRequestException, ForbiddenException, Inject, UseGuards } from '@nestjs/common';
import { Args, Field, Float, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { PROJECTIONS } from '../../projections/projections.js';
import { rebuild } from '../../projections/runtime/rebuild.js';
import type { AuthenticatedActor } from '../auth/actor.js';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { AppConfig } from '../config/app-config.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { READ_STORE, type ReadStore } from '../read-store/read-store.port.js';
import { LOGGER } from '../storage/storage.module.js';

@ObjectType({ description: 'A read model rebuilt from the log and swapped in' })
export class RebuildResult {
  @Field() name!: string;
  @Field({ nullable: true, description: 'Global position it was rebuilt up to' }) checkpoint?: string;
  @Field(() => Float) seconds!: number;
}

/** Operations on the service itself: administrators only. */
@Resolver()
@UseGuards(AuthGuard)
export class OperationsResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly config: AppConfig,
  ) {}

  @Mutation(() => [RebuildResult], { description: '重建读模型 Rebuild read models from the log while queries keep being served (ADMIN)' })
  async rebuildReadModels(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('names', { type: () => [String], nullable: true, description: 'Read models to rebuild; all when absent' }) names?: string[],
  ): Promise<RebuildResult[]> {
    if (!actor.roles.includes('ADMIN')) throw new ForbiddenException('only ADMIN rebuilds read models');
    const unknown = (names ?? []).filter((name) => !PROJECTIONS.some((projection) => projection.name === name));
    if (unknown.length) throw new BadRequestException({ message: [`unknown read model(s): ${unknown.join(', ')}`] });
    const selected = PROJECTIONS.filter((projection) => !names?.length || names.includes(projection.name));
    const rebuilt = await rebuild(selected, this.events, this.reads, this.logger.child({ component: 'rebuild' }), { config: this.config });
    return rebuilt.map(({ name, checkpoint, ms }) => ({ name, checkpoint, seconds: ms / 1000 }));
  }
}
