import { DomainError } from '../../../src/domain/project/errors.js';
import type { Figure } from '../../../src/domain/reports/figures.js';
import { foldMonthlyReport, type MonthlyReport } from '../../../src/domain/reports/monthly-report.js';
import { decideQuarterlyAnalysis, foldQuarterlyAnalysis, type QuarterlyAnalysisCommand, type QuarterlyAnalysisEvent } from '../../../src/domain/reports/quarterly-analysis.js';
import { as, contextFor } from './given-when-then.js';

const DIRECTOR = as('dir-zhu', 'SALES_DIRECTOR');
const PLANNER = as('sp-tang', 'SALES_PLANNER');
const fig = (leads: number, extra: Figure[] = []): Figure[] => [{ figure: 'leads', value: leads }, { figure: 'firstReviewsConcluded', value: 2 }, { figure: 'firstReviewsPassed', value: 1 }, ...extra];

/** A month's report: acknowledged, or only submitted. */
function report(month: string, leads: number, acknowledged = true, version = 1): MonthlyReport {
  return foldMonthlyReport([
    ...Array.from({ length: version }, (_, i) => ({ type: 'MonthlyReportPrepared' as const, data: { month, businessUnit: null, version: i + 1, analysis: 'a', preparedBy: 'sup-ma', figures: fig(leads), readAt: `${month}-28T00:00:00.000Z`, position: '1' } })),
    { type: 'MonthlyReportSubmitted', data: { version, submittedBy: 'sup-ma', receivers: ['SALES_DIRECTOR'] } },
    ...(acknowledged ? [{ type: 'MonthlyReportAcknowledged' as const, data: { version, acknowledgedBy: 'dir-zhu' } }] : []),
  ])!;
}

const live = { previousQuarter: fig(30), sameQuarterLastYear: fig(20) };
const prepare = (actions = [{ title: '华东展会跟进', ownerId: 'sp-tang', dueOn: '2026-12-15' }]): QuarterlyAnalysisCommand =>
  ({ type: 'PrepareQuarterlyAnalysis', data: { quarter: '2026-Q3', businessUnit: null, analysis: '三季度信息量增长，华东为主', actions, live } });
const q3 = new Map([['2026-07', report('2026-07', 10)], ['2026-08', report('2026-08', 11, true, 2)], ['2026-09', report('2026-09', 12)]]);

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return { code: (error as DomainError).code, details: (error as DomainError).details };
  }
  return undefined;
};

describe('季度信息分析报告: the director analyses the quarter from its monthly reports', () => {
  it('sums the three acknowledged reports (their versions in force), recomputes the first-pass rate, and assigns the actions', () => {
    const [event] = decideQuarterlyAnalysis(prepare(), undefined, contextFor(DIRECTOR), q3);
    expect(event.type).toBe('QuarterlyAnalysisPrepared');
    expect(event.data).toMatchObject({
      quarter: '2026-Q3', preparedBy: 'dir-zhu',
      figures: [{ figure: 'firstPassRate', value: 0.5 }, { figure: 'firstReviewsConcluded', value: 6 }, { figure: 'firstReviewsPassed', value: 3 }, { figure: 'leads', value: 33 }],
      reports: [{ month: '2026-07', version: 1 }, { month: '2026-08', version: 2 }, { month: '2026-09', version: 1 }],
      actions: [{ action: 1, title: '华东展会跟进', ownerId: 'sp-tang', dueOn: '2026-12-15' }],
    });
  });

  it('refuses a quarter with a month lacking an acknowledged report, naming the months', () => {
    const missing = new Map([['2026-07', report('2026-07', 10)], ['2026-08', report('2026-08', 11, false)]]);
    expect(codeOf(() => decideQuarterlyAnalysis(prepare(), undefined, contextFor(DIRECTOR), missing))).toEqual({ code: 'REPORT_MONTHS_MISSING', details: { missingMonths: ['2026-08', '2026-09'] } });
  });

  it('compares with the previous quarter and the year before from their reports where every month has one, else from the live figures it was given', () => {
    const withQ2 = new Map([...q3, ['2026-04', report('2026-04', 1)], ['2026-05', report('2026-05', 2)], ['2026-06', report('2026-06', 3)]]);
    const [{ data }] = decideQuarterlyAnalysis(prepare(), undefined, contextFor(DIRECTOR), withQ2) as Array<Extract<QuarterlyAnalysisEvent, { type: 'QuarterlyAnalysisPrepared' }>>;
    expect(data.previousQuarter).toMatchObject({ quarter: '2026-Q2', source: 'REPORTS', reports: [{ month: '2026-04' }, { month: '2026-05' }, { month: '2026-06' }] });
    expect(data.previousQuarter.figures).toContainEqual({ figure: 'leads', value: 6 });
    expect(data.sameQuarterLastYear).toEqual({ quarter: '2025-Q3', source: 'LIVE', reports: [], figures: live.sameQuarterLastYear });
  });

  it('is the director’s, needs an analysis, and is prepared once', () => {
    expect(codeOf(() => decideQuarterlyAnalysis(prepare(), undefined, contextFor(as('sup-ma', 'SALES_SUPERVISOR')), q3))?.code).toBe('NOT_ALLOWED_FOR_ROLE');
    const blank = { ...prepare(), data: { ...(prepare().data as object), analysis: ' ' } } as QuarterlyAnalysisCommand;
    expect(codeOf(() => decideQuarterlyAnalysis(blank, undefined, contextFor(DIRECTOR), q3))?.code).toBe('REASON_REQUIRED');
    const done = foldQuarterlyAnalysis(decideQuarterlyAnalysis(prepare(), undefined, contextFor(DIRECTOR), q3));
    expect(codeOf(() => decideQuarterlyAnalysis(prepare(), done, contextFor(DIRECTOR), q3))?.code).toBe('INVALID_TRANSITION');
  });

  it('refuses an action due on a day that has passed or is no day', () => {
    for (const dueOn of ['2026-11-01', '2026-12-1', 'soon']) {
      expect(codeOf(() => decideQuarterlyAnalysis(prepare([{ title: 't', ownerId: 'sp-tang', dueOn }]), undefined, contextFor(DIRECTOR), q3))?.code).toBe('INVALID_INPUT');
    }
  });
});

describe('follow-up actions (市场推广后续工作)', () => {
  const prepared = decideQuarterlyAnalysis(prepare(), undefined, contextFor(DIRECTOR), q3);
  const analysis = foldQuarterlyAnalysis(prepared);
  const update = (status: 'IN_PROGRESS' | 'DONE' | 'OPEN', note = '已联系参展商'): QuarterlyAnalysisCommand => ({ type: 'UpdateFollowUpAction', data: { action: 1, status, note } });

  it('are moved on by their owner with a note, and are final once done', () => {
    const started = decideQuarterlyAnalysis(update('IN_PROGRESS'), analysis, contextFor(PLANNER));
    expect(started).toEqual([{ type: 'FollowUpActionUpdated', data: { action: 1, status: 'IN_PROGRESS', note: '已联系参展商', updatedBy: 'sp-tang' } }]);
    const done = decideQuarterlyAnalysis(update('DONE', '展会名单已交市场部'), foldQuarterlyAnalysis([...prepared, ...started]), contextFor(PLANNER));
    const after = foldQuarterlyAnalysis([...prepared, ...started, ...done]);
    expect(after?.actions[0]).toMatchObject({ status: 'DONE', note: '展会名单已交市场部' });
    expect(codeOf(() => decideQuarterlyAnalysis(update('IN_PROGRESS'), after, contextFor(PLANNER)))?.code).toBe('INVALID_TRANSITION');
  });

  it('are refused to anyone but their owner, without a note, or for an action the analysis does not have', () => {
    expect(codeOf(() => decideQuarterlyAnalysis(update('DONE'), analysis, contextFor(as('sp-other', 'SALES_PLANNER'))))?.code).toBe('NOT_ACTION_OWNER');
    expect(codeOf(() => decideQuarterlyAnalysis(update('DONE'), analysis, contextFor(DIRECTOR)))?.code).toBe('NOT_ALLOWED_FOR_ROLE');
    expect(codeOf(() => decideQuarterlyAnalysis(update('DONE', ''), analysis, contextFor(PLANNER)))?.code).toBe('REASON_REQUIRED');
    expect(codeOf(() => decideQuarterlyAnalysis({ type: 'UpdateFollowUpAction', data: { action: 9, status: 'DONE', note: 'n' } }, analysis, contextFor(PLANNER)))?.code).toBe('INVALID_INPUT');
    expect(codeOf(() => decideQuarterlyAnalysis(update('DONE'), undefined, contextFor(PLANNER)))?.code).toBe('REPORT_NOT_PREPARED');
  });
});
