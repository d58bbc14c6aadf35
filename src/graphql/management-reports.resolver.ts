import { UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ManagementReports, type FollowUpActionDocument } from '../../projections/management-reports/management-reports.query.js';
import { MonthlyRestatements } from '../../projections/management-reports/restatement.query.js';
import { MonthFigures, periodFigures } from '../../projections/monthly-statistics/month-figures.js';
import { PeriodReports } from '../../projections/monthly-statistics/period-report.js';
import { Clock } from '../application/clock.js';
import { ExecuteReportCommand, type ReportCommandResult, type ReportTarget } from '../application/execute-report-command.js';
import type { AuthenticatedActor } from '../auth/actor.js';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { reportingUnit, visibleReportDocuments } from '../auth/project-visibility.js';
import { monthsOfQuarter, previousQuarter, sameQuarterLastYear } from '../domain/reports/periods.js';
import * as inputs from './inputs/management-report.input.js';
import {
  FollowUpActionsArgs, FollowUpActionView, MonthArgs, MonthlyReportRestatementView, MonthlyReportView, QuarterArgs, QuarterlyAnalysisReportView, ReportCommandResultView, YearArgs,
} from './management-reports.types.js';

/** The end of a day of Asia/Shanghai: an action due that day is overdue after it. */
const endOfDay = (day: string) => Date.parse(`${day}T00:00:00Z`) + 16 * 3_600_000;
const actionView = (action: FollowUpActionDocument, now: number): FollowUpActionView =>
  ({ ...action, overdue: action.status !== 'DONE' && endOfDay(action.dueOn) < now } as unknown as FollowUpActionView);

/**
 * 每月信息统计表 and 季度信息分析报告 as documents: read by the unit roles of the caller's business unit (the one rule
 * of project-visibility.ts); a follow-up action also by the 销售策划 it is named to. Who prepares, receives and follows
 * up is the profile's.
 */
@Resolver()
@UseGuards(AuthGuard)
export class ManagementReportsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reports: ManagementReports,
    private readonly periods: PeriodReports,
    private readonly figures: MonthFigures,
    private readonly restatements: MonthlyRestatements,
    private readonly clock: Clock,
  ) {}

  @Query(() => MonthlyReportView, { nullable: true, description: '每月信息统计表 The month’s report of the caller’s unit: status, every version with its frozen figures, the history; null before it is prepared' })
  monthlyReport(@CurrentActor() actor: AuthenticatedActor, @Args() { month, asOf }: MonthArgs) {
    return this.reports.monthly(month, reportingUnit(actor), asOf);
  }

  @Query(() => [MonthlyReportView], { description: '一年的统计月报 The reports of a year’s months, January first' })
  monthlyReports(@CurrentActor() actor: AuthenticatedActor, @Args() { year }: YearArgs) {
    return this.reports.monthlyOfYear(year, reportingUnit(actor));
  }

  @Query(() => MonthlyReportRestatementView, { nullable: true, description: '月报重述 The report’s frozen figures against what the read side says of the month now (or at asOf), the differences listed' })
  monthlyReportRestatement(@CurrentActor() actor: AuthenticatedActor, @Args() { month, asOf }: MonthArgs): Promise<MonthlyReportRestatementView | null> {
    return this.restatements.of(month, reportingUnit(actor), this.clock.now(), asOf);
  }

  @Query(() => QuarterlyAnalysisReportView, { nullable: true, description: '季度信息分析报告 The quarter’s analysis of the caller’s unit with its follow-up actions; null before it is prepared' })
  async quarterlyAnalysisReport(@CurrentActor() actor: AuthenticatedActor, @Args() { quarter, asOf }: QuarterArgs): Promise<QuarterlyAnalysisReportView | null> {
    const found = await this.reports.quarterly(quarter, reportingUnit(actor), asOf);
    const now = (asOf ?? this.clock.now()).getTime();
    return found && ({ ...found.analysis, actions: found.actions.map((action) => actionView(action, now)) } as unknown as QuarterlyAnalysisReportView);
  }

  @Query(() => [FollowUpActionView], { description: '后续工作 The follow-up actions of the quarterly analyses: the unit’s for its managers, one’s own for 销售策划; the earliest due first' })
  async followUpActions(@CurrentActor() actor: AuthenticatedActor, @Args() { quarter, status, limit }: FollowUpActionsArgs) {
    const now = this.clock.now().getTime();
    return (await this.reports.actions(visibleReportDocuments(actor, 'ownerId'), { quarter, status }, limit)).map((action) => actionView(action, now));
  }

  private async run(target: ReportTarget, commandId: string, actor: AuthenticatedActor): Promise<ReportCommandResultView> {
    // plain JSON: what is stored is exactly what the event says
    const command = JSON.parse(JSON.stringify(target.command)) as ReportTarget['command'];
    return this.commands.execute<ExecuteReportCommand, ReportCommandResult>(new ExecuteReportCommand({ ...target, command } as ReportTarget, { commandId, actor }));
  }

  private monthly(actor: AuthenticatedActor, month: string, command: Extract<ReportTarget, { kind: 'MONTHLY' }>['command']) {
    return { kind: 'MONTHLY' as const, month, businessUnit: actor.businessUnit ?? null, command };
  }

  @Mutation(() => ReportCommandResultView, { description: '编制统计月报 Prepare the month’s report: the read side’s figures of the month frozen now, with the analysis' })
  async prepareMonthlyReport(@Args('input') { commandId, month, analysis }: inputs.PrepareMonthlyReportInput, @CurrentActor() actor: AuthenticatedActor) {
    const unit = actor.businessUnit ?? null;
    const frozen = await this.figures.now(await this.periods.at(), month, unit, this.clock.now());
    return this.run(this.monthly(actor, month, { type: 'PrepareMonthlyReport', data: { month, businessUnit: unit, analysis, ...frozen } }), commandId, actor);
  }

  @Mutation(() => ReportCommandResultView, { description: '报送统计月报 Submit the prepared report to the director' })
  submitMonthlyReport(@Args('input') { commandId, month }: inputs.SubmitMonthlyReportInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run(this.monthly(actor, month, { type: 'SubmitMonthlyReport', data: {} }), commandId, actor);
  }

  @Mutation(() => ReportCommandResultView, { description: '签收统计月报 Acknowledge a submitted report' })
  acknowledgeMonthlyReport(@Args('input') { commandId, month, comments }: inputs.AcknowledgeMonthlyReportInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run(this.monthly(actor, month, { type: 'AcknowledgeMonthlyReport', data: { comments } }), commandId, actor);
  }

  @Mutation(() => ReportCommandResultView, { description: '退回统计月报 Return a submitted report with comments: it is prepared again' })
  returnMonthlyReport(@Args('input') { commandId, month, comments }: inputs.ReturnMonthlyReportInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run(this.monthly(actor, month, { type: 'ReturnMonthlyReport', data: { comments } }), commandId, actor);
  }

  @Mutation(() => ReportCommandResultView, { description: '编制季度信息分析报告 Prepare the quarter’s analysis from its acknowledged monthly reports, with follow-up actions for 销售策划' })
  async prepareQuarterlyAnalysis(@Args('input') { commandId, quarter, analysis, actions }: inputs.PrepareQuarterlyAnalysisInput, @CurrentActor() actor: AuthenticatedActor) {
    const unit = actor.businessUnit ?? null;
    const [report, now] = [await this.periods.at(), this.clock.now()];
    // used only where a compared quarter lacks its monthly reports
    const live = {
      previousQuarter: await periodFigures(report, monthsOfQuarter(previousQuarter(quarter)), unit, now),
      sameQuarterLastYear: await periodFigures(report, monthsOfQuarter(sameQuarterLastYear(quarter)), unit, now),
    };
    const command = { type: 'PrepareQuarterlyAnalysis' as const, data: { quarter, businessUnit: unit, analysis, actions: actions.map(({ title, ownerId, dueOn }) => ({ title, ownerId, dueOn })), live } };
    return this.run({ kind: 'QUARTERLY', quarter, businessUnit: unit, command }, commandId, actor);
  }

  @Mutation(() => ReportCommandResultView, { description: '更新后续工作 The owner moves a follow-up action on (IN_PROGRESS, DONE) with a note' })
  updateFollowUpAction(@Args('input') { commandId, quarter, action, status, note }: inputs.UpdateFollowUpActionInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run({ kind: 'QUARTERLY', quarter, businessUnit: actor.businessUnit ?? null, command: { type: 'UpdateFollowUpAction', data: { action, status, note } } }, commandId, actor);
  }
}
