import { BadRequestException, UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { ranked } from '../../projections/monthly-statistics/counters.js';
import { PeriodReports, type PeriodRow } from '../../projections/monthly-statistics/period-report.js';
import { MONTH, monthsOfQuarter, previousQuarter, QUARTER, sameQuarterLastYear } from '../application/reports/periods.js';
import type { AuthenticatedActor } from '../auth/actor.js';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { reportingUnit } from '../auth/project-visibility.js';
import { Comparison, GroupBy, MonthlyStatistics, QuarterlyAnalysis, StatisticsRow } from './reports.types.js';

const COMPARED = [
  'leads', 'leadsScreened', 'leadsRejected', 'leadsForwarded', 'leadsAssigned', 'approvals', 'solutionsSubmitted', 'quotations', 'quotationAmount', 'bidsSubmitted', 'bidsWon',
  'contractsSigned', 'contractAmount', 'losses', 'terminations', 'overdueSteps',
] as const satisfies ReadonlyArray<keyof StatisticsRow>;

export function statisticsRow(row: PeriodRow): StatisticsRow {
  const { counters } = row;
  return {
    ...counters,
    value: row.value,
    leadsByChannel: ranked(counters.leadsByChannel),
    approvalsByClass: ranked(counters.approvalsByClass),
    lossesByReason: ranked(counters.lossesByReason),
    firstPassRate: row.firstPassRate,
    overdueSteps: row.overdueSteps,
    overdueByKind: ranked(row.overdueByKind),
    overdueByPerson: ranked(row.overdueByPerson),
    averageDaysPerStage: row.averageDaysPerStage,
    demosHeld: row.demosHeld,
    demosHeldByPerson: ranked(row.demosHeldByPerson),
    terminationsByReason: ranked(row.terminationsByReason),
  };
}

const figure = (row: StatisticsRow, name: (typeof COMPARED)[number]) => row[name];

function compare(current: StatisticsRow, other: StatisticsRow): Comparison[] {
  return COMPARED.map((name) => {
    const [now, then] = [figure(current, name), figure(other, name)];
    return { figure: name, current: now, other: then, change: now - then, changeRate: then ? (now - then) / then : null };
  });
}

@Resolver()
@UseGuards(AuthGuard)
export class ReportsResolver {
  constructor(private readonly reports: PeriodReports) {}

  @Query(() => MonthlyStatistics, { description: '每月信息统计表 Monthly statistics, by region, product line or owner' })
  async monthlyStatistics(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('month', { description: 'YYYY-MM (Asia/Shanghai)' }) month: string,
    @Args('groupBy', { type: () => GroupBy, defaultValue: GroupBy.ALL }) groupBy: GroupBy,
    @Args('asOf', { type: () => GraphQLDateTime, nullable: true, description: 'What the report said at this instant' }) asOf?: Date,
  ): Promise<MonthlyStatistics> {
    if (!MONTH.test(month)) throw new BadRequestException({ message: ['month must be YYYY-MM'] });
    const unit = reportingUnit(actor);
    const report = await this.reports.at(asOf);
    return { month, groupBy, rows: (await report.rows([month], groupBy, unit, asOf)).map(statisticsRow) };
  }

  @Query(() => QuarterlyAnalysis, { description: '季度信息分析报告 Quarterly analysis against the previous quarter and the same quarter last year' })
  async quarterlyAnalysis(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('quarter', { description: 'YYYY-Qn' }) quarter: string,
    @Args('asOf', { type: () => GraphQLDateTime, nullable: true, description: 'What the report said at this instant' }) asOf?: Date,
  ): Promise<QuarterlyAnalysis> {
    if (!QUARTER.test(quarter)) throw new BadRequestException({ message: ['quarter must be YYYY-Qn'] });
    const unit = reportingUnit(actor);
    const report = await this.reports.at(asOf);
    const totals = async (q: string) => statisticsRow((await report.rows(monthsOfQuarter(q), 'all', unit, asOf))[0] ?? report.emptyRow());
    const [current, previous, lastYear] = await Promise.all([totals(quarter), totals(previousQuarter(quarter)), totals(sameQuarterLastYear(quarter))]);
    return {
      quarter,
      totals: current,
      previousQuarter: previousQuarter(quarter),
      againstPreviousQuarter: compare(current, previous),
      sameQuarterLastYear: sameQuarterLastYear(quarter),
      againstSameQuarterLastYear: compare(current, lastYear),
      topLossReasons: current.lossesByReason.slice(0, 5),
    };
  }
}
