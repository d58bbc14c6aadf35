import { UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Args, GraphQLISODateTime, Query, Resolver } from '@nestjs/graphql';
import { GetPipelineBoard, type BoardColumn as Column } from '../application/pipeline-board.query.js';
import { AuthGuard } from '../auth/auth.guard.js';
import { BoardColumn, BoardFilterInput } from './pipeline-board.types.js';

@Resolver(() => BoardColumn)
@UseGuards(AuthGuard)
export class PipelineBoardResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => [BoardColumn], { description: '销售漏斗看板 Pipeline board: open projects by stage' })
  pipelineBoard(
    @Args('filter', { type: () => BoardFilterInput, nullable: true }) filter?: BoardFilterInput,
    @Args('asOf', { type: () => GraphQLISODateTime, nullable: true, description: 'The board as it stood at this instant' }) asOf?: Date,
  ): Promise<Column[]> {
    return this.queries.execute(new GetPipelineBoard({ ...filter }, asOf));
  }
}
