import { UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { GetAvailableActions } from '../application/available-actions.query.js';
import type { AuthenticatedActor } from '../auth/actor.js';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import type { AvailableAction as DecidedAction } from '../domain/project/available-actions.js';
import { AvailableAction } from './available-actions.types.js';
import { CanonicalUuidPipe } from './canonical-uuid.js';

/** The mutation a command type is sent by: `RecordBidStep` → `recordBidStep`. */
const mutationOf = (type: string) => `${type[0].toLowerCase()}${type.slice(1)}`;

/** 我现在能做什么: the console builds a project's actions on this answer, never on rules of its own. */
@Resolver()
@UseGuards(AuthGuard)
export class AvailableActionsResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => [AvailableAction], { description: '我现在能做什么 The steps the rules let the caller take on this project now, in the procedure’s order; with includeRefused, the others too, each with its reason' })
  async availableActions(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('projectId', { type: () => ID }, new CanonicalUuidPipe()) projectId: string,
    @Args('includeRefused', { defaultValue: false, description: 'Also the steps not open to the caller, with why' }) includeRefused: boolean,
  ): Promise<AvailableAction[]> {
    const actions = await this.queries.execute<GetAvailableActions, DecidedAction[]>(new GetAvailableActions(projectId, actor));
    return actions.filter((action) => includeRefused || action.allowed).map((action) => ({ ...action, command: mutationOf(action.command) }));
  }
}
