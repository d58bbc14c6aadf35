import { BadRequestException, ForbiddenException, UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { winLossProjection } from '../../projections/win-loss/win-loss.projection.js';
import { ReadModelsAsOf } from '../../projections/runtime/read-models-as-of.js';
import { MyWork } from '../../projections/my-work/my-work.query.js';
import { ProjectList } from '../../projections/pipeline-board/projects.query.js';
import { PageInput, ProjectPage, ProjectsFilterInput } from './projects.types.js';
import { MONTH } from '../application/reports/periods.js';
import { WinLossAnalysis } from '../../projections/win-loss/win-loss-analysis.js';
import type { AuthenticatedActor } from '../auth/actor.js';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { reportingUnit, visibleProjects, visibleReportDocuments } from '../auth/project-visibility.js';
import { MyWorkArgs, WorkItemView } from './my-work.types.js';
import { WinLossFilterInput, WinLossGroup, WinLossGroupBy } from './win-loss.types.js';

@Resolver()
@UseGuards(AuthGuard)
export class ReadSideResolver {
  constructor(
    private readonly winLoss: WinLossAnalysis,
    private readonly work: MyWork,
    private readonly projects: ProjectList,
    private readonly past: ReadModelsAsOf,
  ) {}

  @Query(() => ProjectPage, { name: 'projects', description: '项目列表 Projects, open or closed, newest activity first' })
  projectList(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('page', { type: () => PageInput, defaultValue: { offset: 0, limit: 20 } }) page: PageInput,
    @Args('filter', { type: () => ProjectsFilterInput, nullable: true }) filter?: ProjectsFilterInput,
  ) {
    return this.projects.page({ ...filter }, page.offset, page.limit, visibleProjects(actor));
  }

  @Query(() => [WinLossGroup], { description: '成败分析 Win/loss analysis of the projects closed from one month to another' })
  async winLossAnalysis(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('from', { description: 'YYYY-MM' }) from: string,
    @Args('to', { description: 'YYYY-MM, inclusive' }) to: string,
    @Args('groupBy', { type: () => WinLossGroupBy, defaultValue: WinLossGroupBy.ALL }) groupBy: WinLossGroupBy,
    @Args('filter', { type: () => WinLossFilterInput, nullable: true }) filter?: WinLossFilterInput,
    @Args('asOf', { type: () => GraphQLDateTime, nullable: true, description: 'What the analysis said at this instant' }) asOf?: Date,
  ) {
    if (!MONTH.test(from) || !MONTH.test(to) || from > to) throw new BadRequestException({ message: ['from and to are months YYYY-MM, from ≤ to'] });
    const unit = reportingUnit(actor);
    const analysis = asOf ? new WinLossAnalysis(await this.past.build(asOf, [winLossProjection])) : this.winLoss;
    return analysis.groups(from, to, groupBy, { ...filter }, unit);
  }

  @Query(() => [WorkItemView], { description: '我的待办 Reviews, approvals, countersigns and decisions waiting for a user (default: the caller)' })
  myWork(@CurrentActor() actor: AuthenticatedActor, @Args() { userId }: MyWorkArgs) {
    if (userId && userId !== actor.userId && !actor.roles.some((role) => ['SALES_SUPERVISOR', 'SALES_DIRECTOR', 'BU_GENERAL_MANAGER'].includes(role))) {
      throw new ForbiddenException('only supervisors see another person’s work');
    }
    // another person's work, as far as the caller may see their projects
    const reports = visibleReportDocuments(actor, 'assignee');
    return userId && userId !== actor.userId ? this.work.items(userId, [], visibleProjects(actor), reports) : this.work.items(actor.userId, actor.roles, visibleProjects(actor), reports);
  }
}
