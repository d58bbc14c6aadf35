import { BadRequestException, UseGuards } from '@nestjs/common';
import type { AuthenticatedActor } from '../auth/actor.js';
import { maySee, visibleProjects, type ProjectAccessFacts } from '../auth/project-visibility.js';
import { QueryBus } from '@nestjs/cqrs';
import { Args, Context, Int, Query, Resolver, Subscription } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { PubSub } from 'mercurius';
import { GetPipelineBoard, type BoardCard as Card, type BoardColumn as Column, type BoardFlag } from '../../projections/pipeline-board/pipeline-board.query.js';
import { BoardFlagEnum } from './sales-control.enums.js';
import { BOARD_CHANGED } from './board-changes.js';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { BoardCard, BoardColumn, BoardFilterInput } from './pipeline-board.types.js';

/** A board column shows this many cards unless asked otherwise; `projects(filter: { stage, open: true })` pages through the rest. */
export const CARDS_PER_COLUMN = 100;
const MAX_CARDS_PER_COLUMN = 1000;

@Resolver(() => BoardColumn)
@UseGuards(AuthGuard)
export class PipelineBoardResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => [BoardColumn], { description: '销售漏斗看板 Pipeline board: open projects by stage' })
  pipelineBoard(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('filter', { type: () => BoardFilterInput, nullable: true }) filter?: BoardFilterInput,
    @Args('asOf', { type: () => GraphQLDateTime, nullable: true, description: 'The board as it stood at this instant' }) asOf?: Date,
    @Args('cardsPerColumn', {
      type: () => Int, defaultValue: CARDS_PER_COLUMN,
      description: `The cards each column shows, largest amounts first (0–${MAX_CARDS_PER_COLUMN}); count and amounts cover the whole column`,
    }) cardsPerColumn = CARDS_PER_COLUMN,
    @Args('flag', { type: () => BoardFlagEnum, nullable: true, description: '只看有此标记的卡片：里程碑逾期或费用超支' }) flag?: BoardFlag,
  ): Promise<Column[]> {
    if (cardsPerColumn < 0 || cardsPerColumn > MAX_CARDS_PER_COLUMN) throw new BadRequestException(`cardsPerColumn is between 0 and ${MAX_CARDS_PER_COLUMN}`);
    return this.queries.execute(new GetPipelineBoard({ ...filter }, asOf, visibleProjects(actor), cardsPerColumn, flag));
  }

  @Subscription(() => BoardCard, {
    description: '看板变化 Cards as they change, live (graphql-ws; authenticate in connection_init)',
    filter: (payload: { boardChanged: Card; access: ProjectAccessFacts }, variables: { filter?: BoardFilterInput }, context: { actor: AuthenticatedActor }) =>
      maySee(context.actor, payload.access) &&
      Object.entries(variables.filter ?? {}).every(([key, value]) => value === undefined || value === null || payload.boardChanged[key as keyof Card] === value),
  })
  boardChanged(
    @Context('pubsub') pubsub: PubSub,
    @Args('filter', { type: () => BoardFilterInput, nullable: true }) _filter?: BoardFilterInput,
  ) {
    return pubsub.subscribe(BOARD_CHANGED);
  }
}
