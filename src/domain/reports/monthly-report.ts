import { requireResponsibility, requireText, type DecisionContext } from '../project/decision-context.js';
import { refuse } from '../project/errors.js';
import type { Role } from '../project/vocabulary.js';
import { wellFormed, type Figure } from './figures.js';
import { MONTH, monthEnd } from './periods.js';

/**
 * 每月信息统计表 (document 003 L93): 业务主管 prepares the month's report — its figures frozen as the read side gave
 * them, with the log position and instant they were read at, and the analysis — and submits it to 销售部长, who
 * acknowledges it or returns it with comments; a returned report is prepared again (a new version) and resubmitted.
 * One stream per month and business unit (`monthly-report-<YYYY-MM>[@<unit>]`).
 */
type Message<Type extends string, Data> = { type: Type; data: Data };

/** What the read side said of the month when the report was prepared. */
export interface FrozenFigures {
  figures: Figure[];
  /** When they were read (the overdue steps are counted as of this instant). */
  readAt: string;
  /** The log position every event up to which they include (null: the log was empty). */
  position: string | null;
}

export type PrepareMonthlyReport = Message<'PrepareMonthlyReport', { month: string; businessUnit: string | null; analysis: string } & FrozenFigures>;
export type SubmitMonthlyReport = Message<'SubmitMonthlyReport', Record<string, never>>;
export type AcknowledgeMonthlyReport = Message<'AcknowledgeMonthlyReport', { comments?: string }>;
export type ReturnMonthlyReport = Message<'ReturnMonthlyReport', { comments: string }>;
export type MonthlyReportCommand = PrepareMonthlyReport | SubmitMonthlyReport | AcknowledgeMonthlyReport | ReturnMonthlyReport;

export type MonthlyReportPrepared = Message<'MonthlyReportPrepared', { month: string; businessUnit: string | null; version: number; analysis: string; preparedBy: string } & FrozenFigures>;
/** `receivers`: the roles that receive it, under the policy in force. */
export type MonthlyReportSubmitted = Message<'MonthlyReportSubmitted', { version: number; submittedBy: string; receivers: Role[] }>;
export type MonthlyReportAcknowledged = Message<'MonthlyReportAcknowledged', { version: number; acknowledgedBy: string; comments?: string }>;
/** `preparedBy`: who prepared the version returned, and prepares it again. */
export type MonthlyReportReturned = Message<'MonthlyReportReturned', { version: number; returnedBy: string; comments: string; preparedBy: string }>;
export type MonthlyReportEvent = MonthlyReportPrepared | MonthlyReportSubmitted | MonthlyReportAcknowledged | MonthlyReportReturned;

export const MONTHLY_REPORT_EVENT_VERSIONS: Readonly<Record<MonthlyReportEvent['type'], number>> = {
  MonthlyReportPrepared: 1,
  MonthlyReportSubmitted: 1,
  MonthlyReportAcknowledged: 1,
  MonthlyReportReturned: 1,
};

export type MonthlyReportStatus = 'PREPARED' | 'SUBMITTED' | 'ACKNOWLEDGED' | 'RETURNED';

export interface MonthlyReportVersion extends FrozenFigures {
  version: number;
  analysis: string;
  preparedBy: string;
}

export interface MonthlyReport {
  month: string;
  businessUnit: string | null;
  status: MonthlyReportStatus;
  /** Every version prepared, in order; the last is the one in force. */
  versions: MonthlyReportVersion[];
}

export const MONTHLY_REPORT_STREAM_PREFIX = 'monthly-report-';
export const monthlyReportStream = (month: string, businessUnit: string | null) => `${MONTHLY_REPORT_STREAM_PREFIX}${month}${businessUnit ? `@${businessUnit}` : ''}`;

export function evolveMonthlyReport(report: MonthlyReport | undefined, event: MonthlyReportEvent): MonthlyReport | undefined {
  switch (event.type) {
    case 'MonthlyReportPrepared': {
      const { month, businessUnit, ...version } = event.data;
      return { month, businessUnit, status: 'PREPARED', versions: [...(report?.versions ?? []), version] };
    }
    case 'MonthlyReportSubmitted':
      return report && { ...report, status: 'SUBMITTED' };
    case 'MonthlyReportAcknowledged':
      return report && { ...report, status: 'ACKNOWLEDGED' };
    case 'MonthlyReportReturned':
      return report && { ...report, status: 'RETURNED' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const foldMonthlyReport = (events: MonthlyReportEvent[]): MonthlyReport | undefined =>
  events.reduce<MonthlyReport | undefined>(evolveMonthlyReport, undefined);

/** The version in force of an acknowledged report, else undefined: what a quarterly analysis is made from. */
export const acknowledgedVersion = (report: MonthlyReport | undefined): MonthlyReportVersion | undefined =>
  report?.status === 'ACKNOWLEDGED' ? report.versions[report.versions.length - 1] : undefined;

/**
 * A month is reported once it has ended (Asia/Shanghai): the figures of a month still running would change after
 * they were frozen. A report is prepared again while it is a draft or after it was returned, never once submitted.
 */
function prepare(report: MonthlyReport | undefined, { data }: PrepareMonthlyReport, context: DecisionContext): MonthlyReportEvent[] {
  requireResponsibility(context, 'prepareMonthlyReport');
  if (!MONTH.test(data.month)) refuse('INVALID_INPUT', `the month is YYYY-MM, not ${data.month}`);
  if (context.now < monthEnd(data.month)) refuse('REPORT_PERIOD_NOT_ENDED', `${data.month} has not ended yet (Asia/Shanghai): its report is prepared once the month is over`);
  if (report?.status === 'SUBMITTED' || report?.status === 'ACKNOWLEDGED') {
    refuse('INVALID_TRANSITION', `the report of ${data.month} is ${report.status.toLowerCase()}: only a draft or a returned report is prepared again`);
  }
  if (!wellFormed(data.figures)) refuse('INVALID_INPUT', 'the figures are a list of named numbers, each named once');
  const { month, businessUnit, figures, readAt, position } = data;
  return [{
    type: 'MonthlyReportPrepared',
    data: {
      month, businessUnit, version: (report?.versions.length ?? 0) + 1, analysis: requireText(data.analysis, 'the analysis of the month'),
      preparedBy: context.actor.userId, figures, readAt, position,
    },
  }];
}

function requirePrepared(report: MonthlyReport | undefined): MonthlyReport {
  if (!report) return refuse('REPORT_NOT_PREPARED', 'the report of this month has not been prepared');
  return report;
}

/** Folds the report and decides one command on it. Who prepares and who receives is the profile's. */
export function decideMonthlyReport(command: MonthlyReportCommand, report: MonthlyReport | undefined, context: DecisionContext): MonthlyReportEvent[] {
  const by = context.actor.userId;
  switch (command.type) {
    case 'PrepareMonthlyReport':
      return prepare(report, command, context);
    case 'SubmitMonthlyReport': {
      requireResponsibility(context, 'prepareMonthlyReport');
      const prepared = requirePrepared(report);
      if (prepared.status === 'RETURNED') refuse('REPORT_NOT_PREPARED', `the report of ${prepared.month} was returned: it is prepared again before it is resubmitted`);
      if (prepared.status !== 'PREPARED') refuse('INVALID_TRANSITION', `the report of ${prepared.month} is already ${prepared.status.toLowerCase()}`);
      return [{ type: 'MonthlyReportSubmitted', data: { version: prepared.versions.length, submittedBy: by, receivers: [...context.policy.responsibilities.receiveMonthlyReport] } }];
    }
    case 'AcknowledgeMonthlyReport':
    case 'ReturnMonthlyReport': {
      requireResponsibility(context, 'receiveMonthlyReport');
      const submitted = requirePrepared(report);
      if (submitted.status !== 'SUBMITTED') refuse('REPORT_NOT_SUBMITTED', `the report of ${submitted.month} is ${submitted.status.toLowerCase()}, not waiting for its receiver`);
      const { version, preparedBy } = submitted.versions[submitted.versions.length - 1];
      if (command.type === 'ReturnMonthlyReport') {
        return [{ type: 'MonthlyReportReturned', data: { version, returnedBy: by, comments: requireText(command.data.comments, 'comments on a returned report'), preparedBy } }];
      }
      const comments = command.data.comments?.trim();
      return [{ type: 'MonthlyReportAcknowledged', data: { version, acknowledgedBy: by, ...(comments ? { comments } : {}) } }];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
