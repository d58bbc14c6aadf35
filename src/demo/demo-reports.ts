import type { Actor } from '../domain/project/vocabulary.js';
import type { Figure } from '../domain/reports/figures.js';
import type { FrozenFigures, MonthlyReportCommand } from '../domain/reports/monthly-report.js';
import { monthEnd, monthsOfQuarter, previousQuarter, sameQuarterLastYear } from '../domain/reports/periods.js';
import type { ActionStatus, QuarterlyAnalysisCommand } from '../domain/reports/quarterly-analysis.js';
import { as, DAY, dayOf, HOUR, uuidOf } from './demo-values.js';

// Document 003 L93–L95 in the demo world: the supervisor's monthly reports, the director's quarterly analyses, the planner's actions.

/** What a report step needs from the read side when it runs: a month's figures, or a quarter's, as read at `at`. */
export interface ReportFigures {
  month(month: string, at: Date): Promise<FrozenFigures>;
  quarter(quarter: string, at: Date): Promise<Figure[]>;
}

/** A step on a management report; a preparation takes its figures from the read side as it stands when the step runs. */
export interface ReportStep {
  at: Date;
  commandId: string;
  actor: Actor;
  report: { kind: 'MONTHLY'; month: string } | { kind: 'QUARTERLY'; quarter: string };
  command: (figures: ReportFigures) => Promise<MonthlyReportCommand | QuarterlyAnalysisCommand>;
}

const SUPERVISOR = as('sup-1', 'SALES_SUPERVISOR');
const DIRECTOR = as('dir-1', 'SALES_DIRECTOR');
const PLANNER = as('sp-1', 'SALES_PLANNER');
const ANALYSES = ['展会渠道信息增多，华东立项集中', '报价偏高导致两单丢失，需复盘价格策略', '方案一次通过率下降，评审意见集中在节拍', '投标准备充分，中标率回升'];
const RETURNS = ['请补充丢单原因分析', '逾期步骤需说明责任人', '请对比上月变化'];
const ACTIONS = ['华东区行业展会推广', '老客户回访与案例宣传', '竞品价格调研', '经销商渠道培训', '线上技术研讨会'];

const monthAfter = (month: string) => dayOf(monthEnd(month).getTime()).slice(0, 7);
/** 10:00 in Shanghai on the day `days` after the month ended. */
const daysAfter = (month: string, days: number, hours = 0) => new Date(monthEnd(month).getTime() + days * DAY + (10 + hours) * HOUR);

/**
 * Every month of the history that ended: prepared on the 3rd of the next month, submitted, acknowledged two days later;
 * one in four returned first and prepared again. The last month waits for the director. Every quarter whose reports are
 * all acknowledged is analysed on the 12th day after it, with follow-up actions the planner moves on; the latest stay open.
 */
export function reportSchedule(firstMonth: string, end: Date): ReportStep[] {
  const steps: ReportStep[] = [];
  const step = (at: Date, actor: Actor, report: ReportStep['report'], what: string, command: ReportStep['command']) =>
    steps.push({ at, actor, report, commandId: uuidOf(`report ${JSON.stringify(report)} ${what}`), command });
  const acknowledged = new Map<string, Date>();
  for (let month = firstMonth, n = 0; daysAfter(month, 4).getTime() < end.getTime(); month = monthAfter(month), n++) {
    const report = { kind: 'MONTHLY' as const, month };
    const prepare = (at: Date, what: string, analysis: string) =>
      step(at, SUPERVISOR, report, what, async (figures) => ({ type: 'PrepareMonthlyReport', data: { month, businessUnit: null, analysis, ...(await figures.month(month, at)) } }));
    prepare(daysAfter(month, 2), 'prepared', ANALYSES[n % ANALYSES.length]);
    step(daysAfter(month, 2, 3), SUPERVISOR, report, 'submitted', async () => ({ type: 'SubmitMonthlyReport', data: {} }));
    const returned = n % 4 === 1;
    if (returned) {
      step(daysAfter(month, 3), DIRECTOR, report, 'returned', async () => ({ type: 'ReturnMonthlyReport', data: { comments: RETURNS[n % RETURNS.length] } }));
      prepare(daysAfter(month, 3, 4), 'prepared again', `${ANALYSES[n % ANALYSES.length]}；已按部长意见补充`);
      step(daysAfter(month, 3, 5), SUPERVISOR, report, 'resubmitted', async () => ({ type: 'SubmitMonthlyReport', data: {} }));
    }
    const at = daysAfter(month, 4);
    if (daysAfter(monthAfter(month), 4).getTime() >= end.getTime()) continue; // the last month waits for the director
    step(at, DIRECTOR, report, 'acknowledged', async () => ({ type: 'AcknowledgeMonthlyReport', data: { comments: '已阅' } }));
    acknowledged.set(month, at);
  }
  for (const quarter of quartersOf([...acknowledged.keys()])) {
    const months = monthsOfQuarter(quarter);
    if (!months.every((month) => acknowledged.has(month))) continue;
    const at = daysAfter(months[2], 11);
    if (at.getTime() >= end.getTime()) continue;
    const q = Number(quarter.slice(-1));
    const actions = [0, 1, 2].map((i) => ({ title: ACTIONS[(q + i) % ACTIONS.length], ownerId: PLANNER.userId, dueOn: dayOf(at.getTime() + (20 + 20 * i) * DAY) }));
    const report = { kind: 'QUARTERLY' as const, quarter };
    step(at, DIRECTOR, report, 'analysed', async (figures) => ({
      type: 'PrepareQuarterlyAnalysis',
      data: {
        quarter, businessUnit: null, analysis: `${quarter}：${ANALYSES[q % ANALYSES.length]}`, actions,
        live: { previousQuarter: await figures.quarter(previousQuarter(quarter), at), sameQuarterLastYear: await figures.quarter(sameQuarterLastYear(quarter), at) },
      },
    }));
    // each action is taken up a week on and done a few days before it is due, if the history reaches that far
    actions.forEach(({ dueOn }, i) => {
      const moves: Array<[Date, ActionStatus, string]> = [
        [new Date(at.getTime() + 7 * DAY), 'IN_PROGRESS', '已联系相关部门，开始执行'],
        [new Date(Date.parse(`${dueOn}T02:00:00Z`) - 3 * DAY), 'DONE', '已完成，结果已报销售部长'],
      ];
      // the third action of a quarter is left in progress, and every other quarter's second is never taken up: overdue actions wait in the planner's work
      if (i === 1 && q % 2 === 0) return;
      for (const [when, status, note] of i === 2 ? moves.slice(0, 1) : moves) {
        if (when.getTime() < end.getTime()) {
          step(when, PLANNER, report, `action ${i + 1} ${status}`, async () => ({ type: 'UpdateFollowUpAction', data: { action: i + 1, status, note } }));
        }
      }
    });
  }
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime());
}

function quartersOf(months: string[]): string[] {
  return [...new Set(months.map((month) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5)) / 3)}`))];
}
