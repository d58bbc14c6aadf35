import { Injectable } from '@nestjs/common';
import { differences, type FigureDifference } from '../../src/domain/reports/figures.js';
import { periodFigures } from '../monthly-statistics/month-figures.js';
import { PeriodReports } from '../monthly-statistics/period-report.js';
import { ManagementReports } from './management-reports.query.js';

export interface Restatement {
  month: string;
  /** The version restated: the one in force. */
  version: number;
  /** When its figures were read. */
  readAt: string;
  /** When the figures it is compared with were read. */
  comparedAt: string;
  differences: FigureDifference[];
}

/** 重述: a monthly report's frozen figures against what the read side says of the month now, or said at `asOf`. */
@Injectable()
export class MonthlyRestatements {
  constructor(
    private readonly reports: ManagementReports,
    private readonly periods: PeriodReports,
  ) {}

  async of(month: string, businessUnit: string | null, now: Date, asOf?: Date): Promise<Restatement | null> {
    const report = await this.reports.monthly(month, businessUnit, asOf);
    if (!report) return null;
    const at = asOf ?? now;
    const live = await periodFigures(await this.periods.at(asOf), [month], businessUnit, at);
    return { month, version: report.current.version, readAt: report.current.readAt, comparedAt: at.toISOString(), differences: differences(report.current.figures, live) };
  }
}
