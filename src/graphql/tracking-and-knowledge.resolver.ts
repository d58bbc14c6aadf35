import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { SummaryKnowledgeBase } from '../../projections/project-summaries/summary-search.query.js';
import { ReadModelsAsOf } from '../../projections/runtime/read-models-as-of.js';
import { TrackingTable } from '../../projections/tracking-table/tracking-table.query.js';
import { trackingTableProjection } from '../../projections/tracking-table/tracking-table.projection.js';
import { Clock } from '../application/clock.js';
import type { AuthenticatedActor } from '../auth/actor.js';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { visibleProjects } from '../auth/project-visibility.js';
import { PageInput } from './projects.types.js';
import { SummaryPage, SummarySearchInput, TrackingTableFilterInput, TrackingTablePage } from './tracking-and-knowledge.types.js';

/** 项目跟踪表 and 知识库: the projects the caller may see, as the one visibility rule filters them. */
@Resolver()
@UseGuards(AuthGuard)
export class TrackingAndKnowledgeResolver {
  constructor(
    private readonly table: TrackingTable,
    private readonly summaries: SummaryKnowledgeBase,
    private readonly past: ReadModelsAsOf,
    private readonly clock: Clock,
  ) {}

  @Query(() => TrackingTablePage, { description: '项目跟踪表 The open projects\' latest contact and next action, by region and owner' })
  async trackingTable(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('page', { type: () => PageInput, defaultValue: { offset: 0, limit: 20 } }) page: PageInput,
    @Args('filter', { type: () => TrackingTableFilterInput, nullable: true }) filter?: TrackingTableFilterInput,
    @Args('asOf', { type: () => GraphQLDateTime, nullable: true, description: 'The table as it stood at this instant (a replay of the log)' }) asOf?: Date,
  ) {
    const table = asOf ? new TrackingTable(await this.past.build(asOf, [trackingTableProjection])) : this.table;
    return table.page({ ...filter }, page.offset, page.limit, visibleProjects(actor), asOf ?? this.clock.now());
  }

  @Query(() => SummaryPage, { description: '项目总结知识库 The summaries of closed projects, by customer, product line, reason, outcome and words, newest first' })
  projectSummaries(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('page', { type: () => PageInput, defaultValue: { offset: 0, limit: 20 } }) page: PageInput,
    @Args('search', { type: () => SummarySearchInput, nullable: true }) search?: SummarySearchInput,
  ) {
    return this.summaries.search({ ...search }, page.offset, page.limit, visibleProjects(actor));
  }
}
