import { BadRequestException, Controller, Get, Header, HttpException, HttpStatus, NotFoundException, Query, UseGuards } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { GraphQLDateTime } from 'graphql-scalars';
import { DIMENSIONS, type Dimension } from '../../projections/monthly-statistics/monthly-statistics.projection.js';
import { PeriodReports } from '../../projections/monthly-statistics/period-report.js';
import { MonthlyRestatements } from '../../projections/management-reports/restatement.query.js';
import { Clock } from '../application/clock.js';
import { MONTH, monthsOfQuarter, QUARTER } from '../application/reports/periods.js';
import type { AuthenticatedActor } from '../auth/actor.js';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { reportingUnit } from '../auth/project-visibility.js';
import { ExpensiveRequests } from './expensive-requests.js';
import { neutraliseFormula } from './neutralise-formula.js';
import { statisticsRow } from './reports.resolver.js';
import type { StatisticsRow } from './reports.types.js';

/** Excel opens UTF-8 with Chinese text correctly only when the file starts with a byte-order mark. */
const BOM = '\uFEFF';
const keyed = (counts: Array<{ key: string; count: number }>) => neutraliseFormula(counts.map(({ key, count }) => `${key}:${count}`).join(' '));
const fen = (amount: number) => (amount / 100).toFixed(2);

/**
 * Every field of StatisticsRow, in the order GraphQL declares it, as a column headed by its Chinese name and its field
 * name (test/unit/reports-csv-columns.spec.ts keeps the two lists equal). Text cells are neutralised (a region, a product
 * line, an owner's id, a termination reason are what users typed); numbers stay numbers.
 */
export const CSV_COLUMNS: Array<[keyof StatisticsRow, string, (row: StatisticsRow) => string | number]> = [
  ['value', '维度', (r) => neutraliseFormula(r.value)],
  ['leads', '信息登记', (r) => r.leads],
  ['leadsByChannel', '按渠道', (r) => keyed(r.leadsByChannel)],
  ['leadsScreened', '筛选', (r) => r.leadsScreened],
  ['leadsQualified', '筛选通过', (r) => r.leadsQualified],
  ['leadsRejected', '筛选拒绝', (r) => r.leadsRejected],
  ['leadsForwarded', '转其他事业部', (r) => r.leadsForwarded],
  ['leadsAssigned', '分派', (r) => r.leadsAssigned],
  ['approvals', '立项', (r) => r.approvals],
  ['approvalsByClass', '按类别', (r) => keyed(r.approvalsByClass)],
  ['solutionsSubmitted', '方案（项目数）', (r) => r.solutionsSubmitted],
  ['solutionVersions', '方案版本', (r) => r.solutionVersions],
  ['solutionReviewsPassed', '方案评审通过', (r) => r.solutionReviewsPassed],
  ['solutionReviewsFailed', '方案评审未通过', (r) => r.solutionReviewsFailed],
  ['firstPassRate', '一次通过率', (r) => (r.firstPassRate === null ? '' : r.firstPassRate.toFixed(3))],
  ['quotations', '报价（项目数）', (r) => r.quotations],
  ['quotationAmount', '报价金额 (CNY)', (r) => fen(r.quotationAmount)],
  ['bidDecisions', '投标', (r) => r.bidDecisions],
  ['noBidDecisions', '不投标', (r) => r.noBidDecisions],
  ['bidsSubmitted', '递交投标', (r) => r.bidsSubmitted],
  ['bidsWon', '中标', (r) => r.bidsWon],
  ['bidsLost', '未中标', (r) => r.bidsLost],
  ['contractsSigned', '签约', (r) => r.contractsSigned],
  ['contractAmount', '签约金额 (CNY)', (r) => fen(r.contractAmount)],
  ['losses', '丢单', (r) => r.losses],
  ['lossesByReason', '丢单原因', (r) => keyed(r.lossesByReason)],
  ['terminations', '终止', (r) => r.terminations],
  ['terminationsByReason', '终止原因', (r) => keyed(r.terminationsByReason)],
  ['overdueSteps', '逾期步骤', (r) => r.overdueSteps],
  ['overdueByKind', '逾期按时限', (r) => keyed(r.overdueByKind)],
  ['overdueByPerson', '逾期按人员', (r) => keyed(r.overdueByPerson)],
  ['averageDaysPerStage', '各阶段平均天数', (r) => neutraliseFormula(r.averageDaysPerStage.map((s) => `${s.stage}:${s.averageDays}`).join(' '))],
  ['demosHeld', '演示', (r) => r.demosHeld],
  ['demosHeldByPerson', '演示按人员', (r) => keyed(r.demosHeldByPerson)],
];

// a neutralised cell is also wrapped in double quotes, as OWASP advises
const csvOf = (rows: StatisticsRow[]) =>
  BOM + stringify([CSV_COLUMNS.map(([field, label]) => `${label} ${field}`), ...rows.map((row) => CSV_COLUMNS.map(([, , cell]) => cell(row)))], { quoted_match: /^'/ });

/** `asOf` as the GraphQL reports take it (an RFC 3339 instant, checked by the same DateTime scalar), or none for now. */
function instantOf(asOf: string | undefined): Date | undefined {
  if (asOf === undefined) return undefined;
  try {
    return GraphQLDateTime.parseValue(asOf) as Date;
  } catch {
    throw new BadRequestException('asOf is an ISO 8601 instant, e.g. 2026-05-01T04:00:00Z');
  }
}

function checked(groupBy: string): Dimension {
  if (!DIMENSIONS.includes(groupBy as Dimension)) throw new BadRequestException(`groupBy is one of ${DIMENSIONS.join(', ')}`);
  return groupBy as Dimension;
}

/** The monthly and quarterly reports as spreadsheets, now or as they stood at `asOf`; a monthly report's restatement. */
@Controller('reports')
@UseGuards(AuthGuard)
export class ReportsCsvController {
  constructor(
    private readonly reports: PeriodReports,
    private readonly expensive: ExpensiveRequests,
    private readonly restatements: MonthlyRestatements,
    private readonly clock: Clock,
  ) {}

  /** 月报重述: one row per figure whose value differs, frozen against now (or against what was said at `asOf`). */
  @Get('monthly-restatement.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  async restatement(@CurrentActor() actor: AuthenticatedActor, @Query('month') month: string, @Query('asOf') asOf?: string): Promise<string> {
    if (!MONTH.test(month ?? '')) throw new BadRequestException('month=YYYY-MM is required');
    const at = instantOf(asOf);
    const restated = await this.slot(actor, at, () => this.restatements.of(month, reportingUnit(actor), this.clock.now(), at));
    if (!restated) throw new NotFoundException(`no report of ${month} has been prepared`);
    const rows = restated.differences.map(({ figure, frozen, now }) => [neutraliseFormula(figure), frozen, now]);
    return BOM + stringify([[`统计项 figure (v${restated.version}, ${restated.readAt})`, '冻结值 frozen', `现值 now (${restated.comparedAt})`], ...rows], { quoted_match: /^'/ });
  }

  @Get('monthly.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  async monthly(@CurrentActor() actor: AuthenticatedActor, @Query('month') month: string, @Query('groupBy') groupBy = 'all', @Query('asOf') asOf?: string): Promise<string> {
    if (!MONTH.test(month ?? '')) throw new BadRequestException('month=YYYY-MM is required');
    return this.spreadsheet(actor, [month], checked(groupBy), instantOf(asOf));
  }

  @Get('quarterly.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  async quarterly(@CurrentActor() actor: AuthenticatedActor, @Query('quarter') quarter: string, @Query('groupBy') groupBy = 'all', @Query('asOf') asOf?: string): Promise<string> {
    if (!QUARTER.test(quarter ?? '')) throw new BadRequestException('quarter=YYYY-Qn is required');
    return this.spreadsheet(actor, monthsOfQuarter(quarter), checked(groupBy), instantOf(asOf));
  }

  private spreadsheet(actor: AuthenticatedActor, months: string[], groupBy: Dimension, asOf: Date | undefined): Promise<string> {
    return this.slot(actor, asOf, async () => {
      const report = await this.reports.at(asOf);
      return csvOf((await report.rows(months, groupBy, reportingUnit(actor), asOf)).map(statisticsRow));
    });
  }

  /** A report is an expensive request, as over GraphQL: it takes one of the user's slots (and, as of a past instant, a replay's) or is refused at once. */
  private async slot<T>(actor: AuthenticatedActor, asOf: Date | undefined, work: () => Promise<T>): Promise<T> {
    const release = this.expensive.enter(actor.userId, asOf !== undefined);
    if (!release) {
      throw new HttpException({ statusCode: 429, code: 'TOO_MANY_REQUESTS', limit: 'concurrency', message: this.expensive.refusal(actor.userId) }, HttpStatus.TOO_MANY_REQUESTS);
    }
    try {
      return await work();
    } finally {
      release();
    }
  }
}
