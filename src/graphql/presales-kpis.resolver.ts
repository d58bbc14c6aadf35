import { BadRequestException, Inject, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { PIPELINE_CARDS } from '../../projections/pipeline-board/pipeline-board.projection.js';
import { PresalesKpiReports, type PersonKpis, type PresalesKpiReport } from '../../projections/presales-kpis/presales-kpis.query.js';
import { mintSurveyToken } from '../application/answer-satisfaction-survey.js';
import { ExecuteAssessmentCommand, type AssessmentResult } from '../application/execute-assessment-command.js';
import { ExecuteProjectCommand, type CommandResult as Result } from '../application/execute-project-command.js';
import { CommandResult } from './project.types.js';
import { MONTH } from '../application/reports/periods.js';
import type { AuthenticatedActor } from '../auth/actor.js';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { KPI_READER_ROLES, kpiReadingUnit, visibleProjects } from '../auth/project-visibility.js';
import type { AssessmentCommand } from '../domain/assessment/presales-assessment.js';
import { READ_STORE, type ReadStore } from '../read-store/read-store.port.js';
import * as kpis from './inputs/kpis.input.js';
import {
  AssessmentCommandResult, AssessmentView, KpiEventPage, KpiFigureEnum, KPI_EVENTS_MAX, PresalesKpisView, SatisfactionSurveySentResult,
} from './presales-kpis.types.js';

const YEAR = /^\d{4}$/;
const monthsOfYear = (year: string) => Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);

/** The months of a month or a year (exactly one given). */
function periodOf(month?: string, year?: string): { period: string; months: string[] } {
  if ((month === undefined) === (year === undefined)) throw new BadRequestException({ message: ['give a month (YYYY-MM) or a year (YYYY)'] });
  if (month !== undefined && !MONTH.test(month)) throw new BadRequestException({ message: ['month must be YYYY-MM'] });
  if (year !== undefined && !YEAR.test(year)) throw new BadRequestException({ message: ['year must be YYYY'] });
  return month ? { period: month, months: [month] } : { period: year!, months: monthsOfYear(year!) };
}

type Stored = Awaited<ReturnType<PresalesKpiReport['assessments']>>[number];
const assessmentView = (doc: Stored): AssessmentView => {
  const version = (v: Record<string, any>) => ({ ...v, scaleMin: v.scale.min, scaleMax: v.scale.max }) as AssessmentView['inForce'];
  return { person: doc.person, month: doc.month, inForce: version(doc.inForce), versions: doc.versions.map(version) };
};

/** 售前考核: each pre-sales person's KPIs by month or year, opened to their events; the customer's survey; the departments' ratings; 月度考核. */
@Resolver()
@UseGuards(AuthGuard)
export class PresalesKpisResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reports: PresalesKpiReports,
    @Inject(READ_STORE) private readonly reads: ReadStore,
  ) {}

  private async views(report: PresalesKpiReport, rows: PersonKpis[], period: string, months: string[]): Promise<PresalesKpisView[]> {
    const assessments = await report.assessments(months, rows.map((row) => row.person));
    return rows.map((row) => ({ ...row, period, assessments: assessments.filter((doc) => doc.person === row.person).map(assessmentView) }));
  }

  @Query(() => PresalesKpisView, { description: '售前考核 One pre-sales person\'s KPIs for a month or a year (rates recomputed from the year\'s counts)' })
  async presalesKpis(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('person') person: string,
    @Args('month', { nullable: true, description: 'YYYY-MM (Asia/Shanghai)' }) month?: string,
    @Args('year', { nullable: true, description: 'YYYY' }) year?: string,
    @Args('asOf', { type: () => GraphQLDateTime, nullable: true, description: 'What the KPIs said at this instant' }) asOf?: Date,
  ): Promise<PresalesKpisView> {
    const unit = kpiReadingUnit(actor, person);
    const { period, months } = periodOf(month, year);
    const report = await this.reports.at(asOf);
    return (await this.views(report, await report.kpis(months, unit, asOf ?? new Date(), [person]), period, months))[0];
  }

  @Query(() => [PresalesKpisView], { description: '售前考核 Every pre-sales person of the unit with work, ratings or demos in the month: for the managers' })
  async presalesKpisOfMonth(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('month', { description: 'YYYY-MM (Asia/Shanghai)' }) month: string,
    @Args('asOf', { type: () => GraphQLDateTime, nullable: true, description: 'What the KPIs said at this instant' }) asOf?: Date,
  ): Promise<PresalesKpisView[]> {
    const unit = kpiReadingUnit(actor);
    const { period, months } = periodOf(month);
    const report = await this.reports.at(asOf);
    return this.views(report, await report.kpis(months, unit, asOf ?? new Date()), period, months);
  }

  @Query(() => KpiEventPage, { description: '指标明细 The events behind one figure of a person\'s KPIs, oldest first; only those of projects the caller may see' })
  async presalesKpiEvents(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('person') person: string,
    @Args('figure', { type: () => KpiFigureEnum }) figure: KpiFigureEnum,
    @Args('month', { nullable: true, description: 'YYYY-MM (Asia/Shanghai)' }) month?: string,
    @Args('year', { nullable: true, description: 'YYYY' }) year?: string,
    @Args('asOf', { type: () => GraphQLDateTime, nullable: true, description: 'The events as the KPIs counted them at this instant' }) asOf?: Date,
    @Args('limit', { type: () => Int, defaultValue: 20, description: `At most ${KPI_EVENTS_MAX}` }) limit = 20,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ): Promise<KpiEventPage> {
    const unit = kpiReadingUnit(actor, person);
    if (!Number.isInteger(limit) || limit < 1 || limit > KPI_EVENTS_MAX || !Number.isInteger(offset) || offset < 0) {
      throw new BadRequestException({ message: [`limit is 1 to ${KPI_EVENTS_MAX}, offset 0 or more`] });
    }
    const { months } = periodOf(month, year);
    const events = await (await this.reports.at(asOf)).events(person, months, unit, asOf ?? new Date(), figure);
    // the one access rule: an event of a project the caller may not see is not shown (nor counted)
    const ids = [...new Set(events.map((event) => event.projectId))];
    const visible = new Set((await this.reads.find(PIPELINE_CARDS, { $and: [{ _id: { $in: ids } }, visibleProjects(actor)] }, { projection: { _id: 1 } })).map((card) => card._id));
    const shown = events.filter((event) => visible.has(event.projectId));
    return { total: shown.length, items: shown.slice(offset, offset + limit) };
  }

  @Mutation(() => SatisfactionSurveySentResult, { description: '客户满意度调查 Send the customer a one-time survey link rating the project\'s pre-sales people; the link is returned once' })
  async sendSatisfactionSurvey(@Args('input') { commandId, projectId, ...fields }: kpis.SendSatisfactionSurveyInput, @CurrentActor() actor: AuthenticatedActor): Promise<SatisfactionSurveySentResult> {
    const { token, tokenSha256 } = mintSurveyToken(projectId);
    const data = JSON.parse(JSON.stringify({ ...fields, tokenSha256 })) as { contact: { name: string }; rates: string[]; tokenSha256: string };
    const result = await this.commands.execute<ExecuteProjectCommand, Result>(new ExecuteProjectCommand(projectId, { type: 'SendSatisfactionSurvey', data }, { commandId, actor }));
    // a retried command id answers with the survey it first sent, whose token only its sender was shown
    const sent = result.events.some((event) => event.data.tokenSha256 === tokenSha256);
    return { ...result, link: sent ? `/survey/${token}` : null };
  }

  @Mutation(() => CommandResult, { description: '沟通协作评价 Rate, from a department that worked on the project, a pre-sales person\'s collaboration on it' })
  rateCollaboration(@Args('input') { commandId, projectId, ...fields }: kpis.RateCollaborationInput, @CurrentActor() actor: AuthenticatedActor): Promise<Result> {
    const data = JSON.parse(JSON.stringify(fields)) as { person: string; score: number; comment: string };
    return this.commands.execute(new ExecuteProjectCommand(projectId, { type: 'RateCollaboration', data }, { commandId, actor }));
  }

  private async assess(person: string, month: string, commandId: string, command: AssessmentCommand, actor: AuthenticatedActor): Promise<AssessmentCommandResult> {
    const result = await this.commands.execute<ExecuteAssessmentCommand, AssessmentResult>(new ExecuteAssessmentCommand(person, month, command, { commandId, actor }));
    return { person, month, revision: result.revision, version: result.assessment.versions.length };
  }

  /** The month's KPIs as the manager sees them now, frozen in the assessment; none for a caller who reads none (the rules refuse them). */
  private async frozen(actor: AuthenticatedActor, person: string, month: string): Promise<Record<string, unknown>> {
    if (!MONTH.test(month) || !actor.roles.some((role) => KPI_READER_ROLES.includes(role))) return {};
    const [row] = await (await this.reports.at()).kpis([month], kpiReadingUnit(actor, person), new Date(), [person]);
    return JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
  }

  @Mutation(() => AssessmentCommandResult, { description: '月度考核 Assess a pre-sales person\'s month: a rating on the policy\'s scale and a comment; the month\'s KPIs are kept with it' })
  async assessPresales(@Args('input') { commandId, person, month, rating, comment }: kpis.AssessPresalesInput, @CurrentActor() actor: AuthenticatedActor) {
    const command: AssessmentCommand = { type: 'AssessPresales', data: { person, month, rating, comment, kpis: await this.frozen(actor, person, month) } };
    return this.assess(person, month, commandId, command, actor);
  }

  @Mutation(() => AssessmentCommandResult, { description: '修改月度考核 Revise an assessment, giving the reason; every version is kept' })
  async reviseAssessment(@Args('input') { commandId, person, month, rating, comment, reason }: kpis.ReviseAssessmentInput, @CurrentActor() actor: AuthenticatedActor) {
    const command: AssessmentCommand = { type: 'ReviseAssessment', data: { rating, comment, reason, kpis: await this.frozen(actor, person, month) } };
    return this.assess(person, month, commandId, command, actor);
  }
}
