import { requireResponsibility, requireText, type DecisionContext } from '../project/decision-context.js';
import { refuse } from '../project/errors.js';
import { summed, wellFormed, type Figure } from './figures.js';
import { acknowledgedVersion, type MonthlyReport } from './monthly-report.js';
import { monthsOfQuarter, previousQuarter, QUARTER, sameQuarterLastYear } from './periods.js';

/**
 * 季度信息分析报告 (document 003 L95): 销售部长 analyses the quarter from the monthly reports 业务主管 sent — their
 * frozen figures — against the previous quarter and the same quarter a year before, and assigns follow-up actions
 * (市场推广后续工作) to 销售策划, each with an owner, a due day and a status the owner keeps with a note.
 * One stream per quarter and business unit (`quarterly-analysis-<YYYY-Qn>[@<unit>]`).
 */
type Message<Type extends string, Data> = { type: Type; data: Data };

export const ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface FollowUpActionInput {
  title: string;
  ownerId: string;
  /** YYYY-MM-DD, a day of Asia/Shanghai. */
  dueOn: string;
}

/** Which monthly report (its version) a figure set was made from. */
export interface ReportUsed {
  month: string;
  version: number;
}

/**
 * The figures a quarter is compared with: REPORTS when every month of that quarter has an acknowledged report (their
 * frozen figures summed), else LIVE: what the read side said of that quarter when the analysis was prepared.
 */
export interface ComparedQuarter {
  quarter: string;
  source: 'REPORTS' | 'LIVE';
  reports: ReportUsed[];
  figures: Figure[];
}

export type PrepareQuarterlyAnalysis = Message<'PrepareQuarterlyAnalysis', {
  quarter: string;
  businessUnit: string | null;
  analysis: string;
  actions: FollowUpActionInput[];
  /** The read side's figures of the previous quarter and of the same quarter a year before, used where their reports are missing. */
  live: { previousQuarter: Figure[]; sameQuarterLastYear: Figure[] };
}>;
export type UpdateFollowUpAction = Message<'UpdateFollowUpAction', { action: number; status: ActionStatus; note: string }>;
export type QuarterlyAnalysisCommand = PrepareQuarterlyAnalysis | UpdateFollowUpAction;

export interface FollowUpAction extends FollowUpActionInput {
  action: number;
}

export type QuarterlyAnalysisPrepared = Message<'QuarterlyAnalysisPrepared', {
  quarter: string;
  businessUnit: string | null;
  analysis: string;
  preparedBy: string;
  /** The quarter's figures: its three acknowledged monthly reports summed. */
  figures: Figure[];
  reports: ReportUsed[];
  previousQuarter: ComparedQuarter;
  sameQuarterLastYear: ComparedQuarter;
  actions: FollowUpAction[];
}>;
export type FollowUpActionUpdated = Message<'FollowUpActionUpdated', { action: number; status: ActionStatus; note: string; updatedBy: string }>;
export type QuarterlyAnalysisEvent = QuarterlyAnalysisPrepared | FollowUpActionUpdated;

export const QUARTERLY_ANALYSIS_EVENT_VERSIONS: Readonly<Record<QuarterlyAnalysisEvent['type'], number>> = {
  QuarterlyAnalysisPrepared: 1,
  FollowUpActionUpdated: 1,
};

export type QuarterlyAnalysis = Omit<QuarterlyAnalysisPrepared['data'], 'actions'> & {
  actions: Array<FollowUpAction & { status: ActionStatus; note?: string }>;
};

export const QUARTERLY_ANALYSIS_STREAM_PREFIX = 'quarterly-analysis-';
export const quarterlyAnalysisStream = (quarter: string, businessUnit: string | null) => `${QUARTERLY_ANALYSIS_STREAM_PREFIX}${quarter}${businessUnit ? `@${businessUnit}` : ''}`;

export function evolveQuarterlyAnalysis(analysis: QuarterlyAnalysis | undefined, event: QuarterlyAnalysisEvent): QuarterlyAnalysis | undefined {
  switch (event.type) {
    case 'QuarterlyAnalysisPrepared':
      return { ...event.data, actions: event.data.actions.map((action) => ({ ...action, status: 'OPEN' })) };
    case 'FollowUpActionUpdated': {
      const { action, status, note } = event.data;
      return analysis && { ...analysis, actions: analysis.actions.map((held) => (held.action === action ? { ...held, status, note } : held)) };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const foldQuarterlyAnalysis = (events: QuarterlyAnalysisEvent[]): QuarterlyAnalysis | undefined =>
  events.reduce<QuarterlyAnalysis | undefined>(evolveQuarterlyAnalysis, undefined);

/** The months a quarterly analysis reads reports of: its own, the previous quarter's and the same quarter's a year before. */
export const monthsReadFor = (quarter: string): string[] => [quarter, previousQuarter(quarter), sameQuarterLastYear(quarter)].flatMap(monthsOfQuarter);

function compared(quarter: string, reports: ReadonlyMap<string, MonthlyReport>, live: Figure[]): ComparedQuarter {
  const used = monthsOfQuarter(quarter).map((month) => ({ month, version: acknowledgedVersion(reports.get(month)) }));
  if (used.every(({ version }) => version)) {
    return { quarter, source: 'REPORTS', reports: used.map(({ month, version }) => ({ month, version: version!.version })), figures: summed(used.map(({ version }) => version!.figures)) };
  }
  if (!wellFormed(live)) refuse('INVALID_INPUT', `the figures of ${quarter} are a list of named numbers, each named once`);
  return { quarter, source: 'LIVE', reports: [], figures: live };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const shanghaiDay = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

function actionsOf(inputs: FollowUpActionInput[], context: DecisionContext): FollowUpAction[] {
  const today = shanghaiDay(context.now);
  return inputs.map(({ title, ownerId, dueOn }, index) => {
    if (!DAY.test(dueOn) || Number.isNaN(Date.parse(dueOn))) refuse('INVALID_INPUT', `action ${index + 1}: the due day is YYYY-MM-DD, not ${dueOn}`);
    if (dueOn < today) refuse('INVALID_INPUT', `action ${index + 1}: the due day ${dueOn} has passed`);
    return { action: index + 1, title: requireText(title, `the title of action ${index + 1}`), ownerId: requireText(ownerId, `the owner of action ${index + 1}`), dueOn };
  });
}

/**
 * Prepared once, from the quarter's three acknowledged monthly reports (a missing one is named in the refusal);
 * each follow-up action's status is then kept by its owner, DONE being final.
 */
export function decideQuarterlyAnalysis(
  command: QuarterlyAnalysisCommand,
  analysis: QuarterlyAnalysis | undefined,
  context: DecisionContext,
  reports: ReadonlyMap<string, MonthlyReport> = new Map(),
): QuarterlyAnalysisEvent[] {
  switch (command.type) {
    case 'PrepareQuarterlyAnalysis': {
      requireResponsibility(context, 'prepareQuarterlyAnalysis');
      const { quarter, businessUnit, live } = command.data;
      if (!QUARTER.test(quarter)) refuse('INVALID_INPUT', `the quarter is YYYY-Qn, not ${quarter}`);
      if (analysis) refuse('INVALID_TRANSITION', `the analysis of ${quarter} is already prepared: its actions go on from it`);
      const months = monthsOfQuarter(quarter).map((month) => ({ month, version: acknowledgedVersion(reports.get(month)) }));
      const missing = months.filter(({ version }) => !version).map(({ month }) => month);
      if (missing.length) refuse('REPORT_MONTHS_MISSING', `the quarter is analysed from acknowledged monthly reports: ${missing.join(', ')} has none`, { missingMonths: missing });
      return [{
        type: 'QuarterlyAnalysisPrepared',
        data: {
          quarter, businessUnit, analysis: requireText(command.data.analysis, 'the analysis of the quarter'), preparedBy: context.actor.userId,
          figures: summed(months.map(({ version }) => version!.figures)),
          reports: months.map(({ month, version }) => ({ month, version: version!.version })),
          previousQuarter: compared(previousQuarter(quarter), reports, live.previousQuarter),
          sameQuarterLastYear: compared(sameQuarterLastYear(quarter), reports, live.sameQuarterLastYear),
          actions: actionsOf(command.data.actions, context),
        },
      }];
    }
    case 'UpdateFollowUpAction': {
      requireResponsibility(context, 'followUpQuarterlyActions');
      if (!analysis) return refuse('REPORT_NOT_PREPARED', 'this quarter has no analysis, and so no follow-up actions');
      const { action, status, note } = command.data;
      const held = analysis.actions.find((candidate) => candidate.action === action);
      if (!held) return refuse('INVALID_INPUT', `the analysis of ${analysis.quarter} has no action ${action}`);
      if (held.ownerId !== context.actor.userId) refuse('NOT_ACTION_OWNER', `action ${action} is ${held.ownerId}'s to follow up`);
      if (held.status === 'DONE') refuse('INVALID_TRANSITION', `action ${action} is done`);
      if (status === held.status) refuse('INVALID_TRANSITION', `action ${action} is already ${status}`);
      return [{ type: 'FollowUpActionUpdated', data: { action, status, note: requireText(note, 'a note on the action\'s progress'), updatedBy: context.actor.userId } }];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
