import { BadRequestException, Controller, Get, Header, HttpException, HttpStatus, Query, UseGuards } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { GraphQLDateTime } from 'graphql-scalars';
import { DIMENSIONS, type Dimension } from '../../projections/monthly-statistics/monthly-statistics.projection.js';
import { PeriodReports } from '../../projections/monthly-statistics/period-report.js';
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

/** Text cells are neutralised (a region, a product line, an owner's id are what users typed); numbers stay numbers. */
const COLUMNS: Array<[string, (row: StatisticsRow) => string | number]> = [
  ['维度 value', (r) => neutraliseFormula(r.value)],
  ['信息登记 leads', (r) => r.leads],
  ['按渠道 by channel', (r) => keyed(r.leadsByChannel)],
  ['立项 approvals', (r) => r.approvals],
  ['按类别 by class', (r) => keyed(r.approvalsByClass)],
  ['方案 solutions', (r) => r.solutionsSubmitted],
  ['一次通过率 first-pass rate', (r) => (r.firstPassRate === null ? '' : r.firstPassRate.toFixed(3))],
  ['报价数 quotations', (r) => r.quotations],
  ['报价金额 quotation amount (CNY)', (r) => fen(r.quotationAmount)],
  ['投标 bid', (r) => r.bidDecisions],
  ['不投标 no bid', (r) => r.noBidDecisions],
  ['递交投标 bids submitted', (r) => r.bidsSubmitted],
  ['中标 bids won', (r) => r.bidsWon],
  ['签约 contracts', (r) => r.contractsSigned],
  ['签约金额 contract amount (CNY)', (r) => fen(r.contractAmount)],
  ['丢单 losses', (r) => r.losses],
  ['丢单原因 loss reasons', (r) => keyed(r.lossesByReason)],
  ['逾期步骤 overdue steps', (r) => r.overdueSteps],
  ['逾期按时限 overdue by kind', (r) => keyed(r.overdueByKind)],
  ['逾期按人员 overdue by person', (r) => keyed(r.overdueByPerson)],
  ['演示 demos held', (r) => r.demosHeld],
  ['演示按人员 demos held by person', (r) => keyed(r.demosHeldByPerson)],
  ['各阶段平均天数 average days per stage', (r) => neutraliseFormula(r.averageDaysPerStage.map((s) => `${s.stage}:${s.averageDays}`).join(' '))],
];

// a neutralised cell is also wrapped in double quotes, as OWASP advises
const csvOf = (rows: StatisticsRow[]) =>
  BOM + stringify([COLUMNS.map(([label]) => label), ...rows.map((row) => COLUMNS.map(([, cell]) => cell(row)))], { quoted_match: /^'/ });

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

/** The monthly and quarterly reports as spreadsheets, now or as they stood at `asOf`. */
@Controller('reports')
@UseGuards(AuthGuard)
export class ReportsCsvController {
  constructor(
    private readonly reports: PeriodReports,
    private readonly expensive: ExpensiveRequests,
  ) {}

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

  /** A report is an expensive request, as over GraphQL: it takes one of the user's slots (and, as of a past instant, a replay's) or is refused at once. */
  private async spreadsheet(actor: AuthenticatedActor, months: string[], groupBy: Dimension, asOf: Date | undefined): Promise<string> {
    const release = this.expensive.enter(actor.userId, asOf !== undefined);
    if (!release) {
      throw new HttpException({ statusCode: 429, code: 'TOO_MANY_REQUESTS', limit: 'concurrency', message: this.expensive.refusal(actor.userId) }, HttpStatus.TOO_MANY_REQUESTS);
    }
    try {
      const report = await this.reports.at(asOf);
      return csvOf((await report.rows(months, groupBy, reportingUnit(actor), asOf)).map(statisticsRow));
    } finally {
      release();
    }
  }
}
