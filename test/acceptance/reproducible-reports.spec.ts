import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { monthlyStatisticsProjection } from '../../projections/monthly-statistics/monthly-statistics.projection.js';
import { PROJECTIONS } from '../../projections/projections.js';
import { Projector } from '../../projections/runtime/projector.js';
import { stageHistoryProjection } from '../../projections/stage-history/stage-history.projection.js';
import { winLossProjection } from '../../projections/win-loss/win-loss.projection.js';
import { ManualClock } from '../../src/application/clock.js';
import { StreamCache } from '../../src/application/stream-cache.js';
import { PolicyProvider } from '../../src/application/policy.provider.js';
import { PeriodReport } from '../../projections/monthly-statistics/period-report.js';
import { presalesKpisProjection } from '../../projections/presales-kpis/presales-kpis.projection.js';
import { PresalesKpiReport } from '../../projections/presales-kpis/presales-kpis.query.js';
import { monthsOfQuarter } from '../../src/application/reports/periods.js';
import { ReadModelsAsOf } from '../../projections/runtime/read-models-as-of.js';
import { WinLossAnalysis } from '../../projections/win-loss/win-loss-analysis.js';
import { demoSchedule } from '../../src/demo/demo-schedule.js';
import { commandSide, runSchedule } from '../../src/demo/run-schedule.js';
import { ENTERPRISE_STANDARD } from '../support/policies.js';
import { InMemoryEventStore } from '../../src/event-store/in-memory/in-memory.event-store.js';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';
import { ExecuteReportCommand, ExecuteReportCommandHandler } from '../../src/application/execute-report-command.js';
import { ManagementReports } from '../../projections/management-reports/management-reports.query.js';
import { MonthlyRestatements } from '../../projections/management-reports/restatement.query.js';
import { MonthFigures } from '../../projections/monthly-statistics/month-figures.js';
import { PeriodReports } from '../../projections/monthly-statistics/period-report.js';
import type { MonthlyReportCommand } from '../../src/domain/reports/monthly-report.js';
import type { Role } from '../../src/domain/project/vocabulary.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('reports of closed periods', () => {
  it('give the same numbers every time, and asOf gives what the report said at that instant: the figures, a monthly report and its restatement, the KPIs of the pre-sales people', async () => {
    const schedule = demoSchedule({ projects: 150, months: 12, seed: 21, end: new Date('2026-11-01T00:00:00Z') });
    const events = new InMemoryEventStore(projectUpcasters);
    const clock = new ManualClock(new Date());
    const { handler, others } = commandSide(events, new PolicyProvider(ENTERPRISE_STANDARD), clock);
    const reads = new EmbeddedReadStore(':memory:');
    const projector = new Projector(PROJECTIONS, events, reads, pino({ level: 'silent' }));
    await projector.start();
    const caughtUp = async () => {
      const head = (await events.head())?.position;
      for (let i = 0; i < 1000 && !projector.status().every((s) => s.checkpoint === head); i++) await sleep(5);
    };

    // history up to 2026-07-15; June and 2026-Q2 are closed periods by then
    const cut = schedule.findIndex((step) => step.at >= new Date('2026-07-15T00:00:00Z'));
    await runSchedule(handler, clock, schedule.slice(0, cut), others);
    await caughtUp();
    const report = new PeriodReport(reads);
    const june = await report.rows(['2026-06'], 'region', null);
    const q2 = await report.rows(monthsOfQuarter('2026-Q2'), 'all', null);
    const winLoss = await new WinLossAnalysis(reads).groups('2026-01', '2026-06', 'region', {}, null);
    const julySoFar = await report.rows(['2026-07'], 'all', null);
    // the supervisor prepares June's report and submits it; the director returns it: what it said then, and its restatement then
    const reports = new ExecuteReportCommandHandler(events, new StreamCache(events), new PolicyProvider(ENTERPRISE_STANDARD), clock);
    const monthly = (command: MonthlyReportCommand, userId: string, role: Role) =>
      reports.execute(new ExecuteReportCommand({ kind: 'MONTHLY', month: '2026-06', businessUnit: null, command }, { commandId: randomUUID(), actor: { userId, roles: [role] } }));
    const frozen = await new MonthFigures(reads, events).now(report, '2026-06', null, clock.now());
    await monthly({ type: 'PrepareMonthlyReport', data: { month: '2026-06', businessUnit: null, analysis: '六月分析', ...frozen } }, 'sup-1', 'SALES_SUPERVISOR');
    await monthly({ type: 'SubmitMonthlyReport', data: {} }, 'sup-1', 'SALES_SUPERVISOR');
    await monthly({ type: 'ReturnMonthlyReport', data: { comments: '补充说明' } }, 'dir-1', 'SALES_DIRECTOR');
    await caughtUp();
    const documents = new ManagementReports(reads, events);
    const restatements = new MonthlyRestatements(documents, new PeriodReports(report, new ReadModelsAsOf(events)));
    const juneReport = await documents.monthly('2026-06', null);
    expect(juneReport).toMatchObject({ status: 'RETURNED', versions: [{ version: 1 }] });
    // 售前考核, its SLA steps judged at one instant throughout
    const judged = new Date('2026-07-15T00:00:00Z');
    const kpis = new PresalesKpiReport(reads);
    const juneKpis = await kpis.kpis(['2026-06'], null, judged);
    const julyKpisSoFar = await kpis.kpis(['2026-07'], null, judged);
    expect(julyKpisSoFar.length).toBeGreaterThan(0);
    await sleep(5);
    const then = new Date();
    const juneRestated = await restatements.of('2026-06', null, then);
    await sleep(5);

    await runSchedule(handler, clock, schedule.slice(cut), others);
    await caughtUp();
    expect(await report.rows(['2026-06'], 'region', null)).toEqual(june);
    expect(await report.rows(monthsOfQuarter('2026-Q2'), 'all', null)).toEqual(q2);
    expect(await new WinLossAnalysis(reads).groups('2026-01', '2026-06', 'region', {}, null)).toEqual(winLoss);
    // July went on after the cut; asked as of then, it says what it said then
    expect(await report.rows(['2026-07'], 'all', null)).not.toEqual(julySoFar);
    const past = new ReadModelsAsOf(events);
    const reportThen = new PeriodReport(await past.build(then, [monthlyStatisticsProjection, stageHistoryProjection]));
    expect(await reportThen.rows(['2026-07'], 'all', null)).toEqual(julySoFar);
    expect(await kpis.kpis(['2026-06'], null, judged)).toEqual(juneKpis);
    expect(await kpis.kpis(['2026-07'], null, judged)).not.toEqual(julyKpisSoFar);
    const kpisThen = new PresalesKpiReport(await past.build(then, [presalesKpisProjection, stageHistoryProjection]));
    expect(await kpisThen.kpis(['2026-07'], null, judged)).toEqual(julyKpisSoFar);
    const winLossThen = new WinLossAnalysis(await past.build(then, [winLossProjection]));
    expect(await winLossThen.groups('2026-01', '2026-06', 'region', {}, null)).toEqual(winLoss);

    // June's report is prepared again after the cut: as of then it is the returned version 1, and its restatement then is what it was
    await monthly({ type: 'PrepareMonthlyReport', data: { month: '2026-06', businessUnit: null, analysis: '六月分析（补充）', ...frozen } }, 'sup-1', 'SALES_SUPERVISOR');
    await caughtUp();
    expect(await documents.monthly('2026-06', null)).toMatchObject({ status: 'PREPARED', versions: [{ version: 1 }, { version: 2 }] });
    expect(await documents.monthly('2026-06', null, then)).toEqual(juneReport);
    expect(await restatements.of('2026-06', null, new Date(), then)).toEqual(juneRestated);
    await projector.stop();
  }, 60_000);
});
