import { ForbiddenException, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { StandardSolutionCatalogue } from '../../projections/standard-solutions/standard-solutions.query.js';
import { ExecuteStandardSolutionCommand, type StandardSolutionResult } from '../application/execute-standard-solution-command.js';
import { projectIdFor } from '../application/project-stream.js';
import type { AuthenticatedActor } from '../auth/actor.js';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import type { StandardSolutionCommand } from '../domain/catalogue/standard-solution.js';
import { ROLES } from '../domain/project/vocabulary.js';
import * as catalogue from './inputs/standard-solution.input.js';
import { StandardSolutionCommandResult, StandardSolutionEntryView, StandardSolutionsArgs } from './standard-solutions.types.js';

/** 标准方案库: the catalogue of standard solutions, across projects; who keeps it is the profile's (maintainStandardSolutions). */
@Resolver()
@UseGuards(AuthGuard)
export class StandardSolutionsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly catalogue: StandardSolutionCatalogue,
  ) {}

  @Query(() => [StandardSolutionEntryView], { description: '标准方案库 The standard solutions, by product line and name; those in force unless withdrawn ones are asked for' })
  standardSolutions(@CurrentActor() actor: AuthenticatedActor, @Args() { productLine, includeWithdrawn, limit }: StandardSolutionsArgs) {
    // what the department sells, for whoever works on its projects: ADMIN and tokens of other services see nothing of it
    if (!actor.roles.some((role) => role !== 'ADMIN' && (ROLES as readonly string[]).includes(role))) throw new ForbiddenException('the catalogue of standard solutions is for the business roles');
    return this.catalogue.entries({ productLine, includeWithdrawn }, limit);
  }

  private async run(entryId: string, commandId: string, command: StandardSolutionCommand, actor: AuthenticatedActor): Promise<StandardSolutionCommandResult> {
    // plain JSON: what is stored is exactly what the event says
    const data = JSON.parse(JSON.stringify(command.data)) as StandardSolutionCommand['data'];
    const result = await this.commands.execute<ExecuteStandardSolutionCommand, StandardSolutionResult>(
      new ExecuteStandardSolutionCommand(entryId, { ...command, data } as StandardSolutionCommand, { commandId, actor }),
    );
    return { entryId, revision: result.revision, status: result.entry.status, versionInForce: result.entry.versions.length, events: result.events };
  }

  @Mutation(() => StandardSolutionCommandResult, { description: '发布标准方案 Publish a standard solution (version 1)' })
  publishStandardSolution(@Args('input') { commandId, entryId, ...data }: catalogue.PublishStandardSolutionInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run(entryId ?? projectIdFor(actor.userId, commandId), commandId, { type: 'PublishStandardSolution', data }, actor);
  }

  @Mutation(() => StandardSolutionCommandResult, { description: '标准方案新版本 Publish a new version of a standard solution' })
  reviseStandardSolution(@Args('input') { commandId, entryId, ...data }: catalogue.ReviseStandardSolutionInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run(entryId, commandId, { type: 'ReviseStandardSolution', data }, actor);
  }

  @Mutation(() => StandardSolutionCommandResult, { description: '撤销标准方案 Withdraw a standard solution: no project may send it any more' })
  withdrawStandardSolution(@Args('input') { commandId, entryId, ...data }: catalogue.WithdrawStandardSolutionInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run(entryId, commandId, { type: 'WithdrawStandardSolution', data }, actor);
  }
}
