import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PeriodReport } from '../../projections/monthly-statistics/period-report.js';
import { PresalesKpiReport } from '../../projections/presales-kpis/presales-kpis.query.js';
import { monthsOfQuarter } from '../../src/application/reports/periods.js';
import { WinLossAnalysis } from '../../projections/win-loss/win-loss-analysis.js';
import { SummaryKnowledgeBase } from '../../projections/project-summaries/summary-search.query.js';
import { TrackingTable } from '../../projections/tracking-table/tracking-table.query.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite.event-store.js';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import { DEMO, projectEverything, seed } from '../support/demo-world.js';
import { projectUpcasters } from '../../src/event-store/project-upcasters.js';
import { monthOf, Tally, blank, oncePerProjectByMonth, tallyByMonth, terminationsByMonthAndReason, figuresOf, demosByMonthAndPerson, competitorsOfClosedProjects, dayFormat, nextActionsOfOpenProjects, tallied } from '../support/counted/statistics.js';
import { STAGE_OF, overdueByMonthAndPerson } from '../support/counted/clocks.js';
import { PersonTally, kpisByMonthAndPerson, share, rating, rounded } from '../support/counted/kpis.js';

describe('reports on a realistic data set (300 projects over 24 months, every path) match a count made from the events', () => {
  let dir: string;
  let events: SqliteEventStore;
  let reads: EmbeddedReadStore;
  let log: StoredEvent[];
  let months: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'psm-acceptance-'));
    events = new SqliteEventStore(join(dir, 'events.db'), projectUpcasters);
    await seed(events);
    reads = new EmbeddedReadStore(':memory:');
    await projectEverything(events, reads);
    // the projects' events: the catalogue of standard solutions is kept on streams of its own
    log = (await events.readAll({ limit: 1_000_000 })).filter((event) => event.stream.startsWith('project-'));
    months = [...new Set(log.map(monthOf))].sort();
  }, 120_000);
  afterAll(async () => {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('covers every path of the procedure over 24 months', () => {
    const types = new Set(log.map((event) => event.type));
    for (const type of ['LeadRejected', 'LeadForwarded', 'ProjectTerminated', 'BidLost', 'BidWon', 'NegotiationRecorded', 'CountersignRejected', 'ReviewFailed', 'ContractSigned', 'ProjectSummarized',
      'DemoPlanned', 'DemoHeld', 'DemoFeedbackRecorded', 'CompetitorNoted', 'TrackingNoteAdded', 'WeeklyTrackingReported', 'ChallengeRaised', 'ChallengeAnswered', 'MeetingMemoRecorded',
      'BidAdvised', 'BidLoanSigned', 'TenderDocumentsEvaluated', 'BidKickOffHeld', 'TechnicalBidSubmitted', 'BidSealed', 'BidOpeningRecorded',
      'SolutionRequested', 'DispatchRequestSigned', 'SolutionDisputeDecided', 'StandardSolutionSent',
      'SatisfactionSurveySent', 'SatisfactionSurveyAnswered', 'CollaborationRated']) {
      expect(types).toContain(type);
    }
    expect(new Set(log.map((event) => event.stream)).size).toBe(DEMO.projects);
    expect(months.length).toBeGreaterThanOrEqual(24);
  });

  it('monthly statistics equal the count from the events, month by month: leads screened, rejected, forwarded and assigned, solutions and quotations once per project', async () => {
    const expected = tallyByMonth(log);
    for (const figure of ['leadsRejected', 'leadsForwarded', 'leadsAssigned', 'terminations'] as const) expect([...expected.values()].some((tally) => tally[figure] > 0)).toBe(true);
    const report = new PeriodReport(reads);
    for (const month of months) {
      const [row] = await report.rows([month], 'all', null);
      expect({ month, ...figuresOf(row.counters as unknown as Tally) }).toEqual({ month, ...figuresOf(expected.get(month)!) });
    }
  });

  it('counts each project’s quotation once, at its latest approved version, where the log holds revised and re-approved quotations', async () => {
    const revised = log.filter((event) => event.type === 'QuotationSubmitted' && (event.data as { version: number }).version > 1);
    expect(revised.length).toBeGreaterThan(0);
    const { quoted } = oncePerProjectByMonth(log);
    const quarter = monthsOfQuarter('2026-Q2');
    // over a quarter a project approved in two of its months counts once, at the later version
    const latest = new Map<string, { version: number; amount: number }>();
    for (const month of quarter) for (const [project, at] of quoted.get(month) ?? []) latest.set(project, at);
    const [row] = await new PeriodReport(reads).rows(quarter, 'all', null);
    expect({ quotations: row.counters.quotations, amount: row.counters.quotationAmount })
      .toEqual({ quotations: latest.size, amount: [...latest.values()].reduce((sum, { amount }) => sum + amount, 0) });
  });

  it('terminations by reason equal the reasons of the requests of the projects terminated, month by month', async () => {
    const expected = terminationsByMonthAndReason(log);
    expect([...expected.values()].some((byReason) => Object.keys(byReason).length > 0)).toBe(true);
    const report = new PeriodReport(reads);
    for (const month of months) {
      const [row] = await report.rows([month], 'all', null);
      expect({ month, byReason: row?.terminationsByReason ?? {} }).toEqual({ month, byReason: expected.get(month) ?? {} });
    }
  });

  it('average days per stage equal the stage times measured from the events', async () => {
    const days = new Map<string, Map<string, number[]>>();
    const entered = new Map<string, { stage: string; at: number }>();
    for (const event of log) {
      const stage = STAGE_OF[event.type]?.(event.data as Record<string, any>);
      if (!stage) continue;
      const at = Date.parse(event.metadata.occurredAt as string);
      const before = entered.get(event.stream);
      if (before) {
        const byStage = days.get(monthOf(event)) ?? new Map<string, number[]>();
        days.set(monthOf(event), byStage);
        byStage.set(before.stage, [...(byStage.get(before.stage) ?? []), (at - before.at) / 86_400_000]);
      }
      entered.set(event.stream, { stage, at });
    }
    const report = new PeriodReport(reads);
    for (const month of months.slice(1)) {
      const [row] = await report.rows([month], 'all', null);
      const expected = [...(days.get(month) ?? new Map<string, number[]>())]
        .map(([stage, list]) => ({ stage, intervals: list.length, averageDays: Math.round((list.reduce((a, b) => a + b, 0) / list.length) * 10) / 10 }))
        .sort((a, b) => a.stage.localeCompare(b.stage));
      expect({ month, stages: row.averageDaysPerStage }).toEqual({ month, stages: expected });
    }
  });

  it('overdue steps per person equal the time limits followed through the events, month by month', async () => {
    const at = '2026-11-01T00:00:00.000Z';
    const expected = overdueByMonthAndPerson(log, at);
    const report = new PeriodReport(reads);
    expect([...expected.values()].some((byPerson) => Object.keys(byPerson).length > 0)).toBe(true);
    for (const month of months) {
      const [row] = await report.rows([month], 'all', null, new Date(at));
      expect({ month, byPerson: row?.overdueByPerson ?? {} }).toEqual({ month, byPerson: expected.get(month) ?? {} });
    }
  });

  it('demos held per pre-sales person equal the demos counted from the events, month by month', async () => {
    const expected = demosByMonthAndPerson(log);
    const report = new PeriodReport(reads);
    expect([...expected.values()].some(({ byPerson }) => Object.keys(byPerson).length > 1)).toBe(true);
    for (const month of months) {
      const [row] = await report.rows([month], 'all', null);
      const { held, byPerson } = expected.get(month) ?? { held: 0, byPerson: {} };
      expect({ month, held: row?.demosHeld ?? 0, byPerson: row?.demosHeldByPerson ?? {} }).toEqual({ month, held, byPerson });
    }
  });

  it('competitors met and beaten are those named at a tender\'s opening or result or noted on the project, on negotiation wins too; win reasons are those the bid results and the summaries of the projects won give, each once per project', async () => {
    const closed = competitorsOfClosedProjects(log);
    const [group] = await new WinLossAnalysis(reads).groups(months[0], months[months.length - 1], 'all', {}, null);
    expect(closed.some(({ won, negotiated, competitors }) => won && negotiated && competitors.size > 0)).toBe(true);
    expect(group.competitorsMet).toEqual(tallied(closed));
    expect(group.competitorsBeaten).toEqual(tallied(closed.filter(({ won }) => won)));
    const winReasons = tallied(closed.filter(({ won }) => won).map(({ winReasons: reasons }) => ({ competitors: reasons })));
    expect(winReasons.length).toBeGreaterThan(0);
    expect(group.winReasons).toEqual(winReasons);
  });

  it('the tracking table holds every open project, the overdue next actions those of the latest notes whose day was over at the end of the history', async () => {
    const next = nextActionsOfOpenProjects(log);
    const today = dayFormat.format(DEMO.end);
    const overdue = [...next.values()].filter((day) => day !== null && day < today).length;
    const table = new TrackingTable(reads);
    expect(overdue).toBeGreaterThan(0);
    expect((await table.page({}, 0, 100, {}, DEMO.end)).total).toBe(next.size);
    const { total, items } = await table.page({ overdueOnly: true }, 0, 100, {}, DEMO.end);
    expect(total).toBe(overdue);
    expect(items.every((row) => row.nextActionOverdue)).toBe(true);
  });

  it('the knowledge base holds every summary written, found by reason as often as the summaries name it', async () => {
    const summaries = log.filter((event) => event.type === 'ProjectSummarized').map((event) => event.data as Record<string, any>);
    const base = new SummaryKnowledgeBase(reads);
    expect((await base.search({}, 0, 1, {})).total).toBe(summaries.length);
    for (const reason of ['PRICE', 'BUDGET_CUT', 'QUALIFICATION'] as const) {
      expect((await base.search({ reason }, 0, 1, {})).total).toBe(summaries.filter((summary) => summary.reasons.includes(reason)).length);
    }
    expect((await base.search({ text: '预算' }, 0, 1, {})).total).toBe(summaries.filter((summary) => `${summary.text}${summary.lessons ?? ''}`.includes('预算')).length);
  });

  it('售前考核: every pre-sales person\'s KPIs equal those counted from the events, month by month', async () => {
    const at = DEMO.end.toISOString();
    const expected = kpisByMonthAndPerson(log, at);
    const report = new PresalesKpiReport(reads);
    const people = [...expected.values()].flatMap((byPerson) => [...byPerson.values()]);
    for (const figure of ['satisfaction', 'quality', 'collaboration'] as const) expect(people.some((found) => found[figure].length > 0)).toBe(true);
    expect(people.some((found) => found.won.size > 0 && found.due > found.onTime)).toBe(true);
    for (const month of months) {
      const rows = (await report.kpis([month], null, DEMO.end)).map((row) => ({
        ...row, satisfaction: rounded(row.satisfaction), solutionQuality: rounded(row.solutionQuality), collaboration: rounded(row.collaboration),
      }));
      const counted = [...(expected.get(month) ?? new Map<string, PersonTally>())].sort(([a], [b]) => a.localeCompare(b)).map(([person, found]) => ({
        person, success: share(found.won.size, found.followed.size), satisfaction: rating(found.satisfaction), solutionQuality: rating(found.quality),
        collaboration: rating(found.collaboration), onTime: share(found.onTime, found.due), demos: found.demos,
      }));
      expect({ month, rows }).toEqual({ month, rows: counted });
    }
  });

  it('售前考核 of a year: each rate recomputed from the year\'s counts, not averaged over its months', async () => {
    const expected = kpisByMonthAndPerson(log, DEMO.end.toISOString());
    const year = months.filter((month) => month.startsWith('2025'));
    const [row] = await new PresalesKpiReport(reads).kpis(year, null, DEMO.end, ['pe-1']);
    const months2025 = year.map((month) => expected.get(month)?.get('pe-1')).filter((found): found is PersonTally => found !== undefined);
    const followed = new Set(months2025.flatMap((found) => [...found.followed]));
    const won = new Set(months2025.flatMap((found) => [...found.won]));
    expect(row.success).toEqual(share(won.size, followed.size));
    expect(rounded(row.satisfaction)).toEqual(rating(months2025.flatMap((found) => found.satisfaction)));
    expect(row.onTime).toEqual(share(months2025.reduce((sum, found) => sum + found.onTime, 0), months2025.reduce((sum, found) => sum + found.due, 0)));
  });

  it('monthly statistics by region add up to the department', async () => {
    const report = new PeriodReport(reads);
    for (const month of months.slice(0, 6)) {
      const [all] = await report.rows([month], 'all', null);
      const regions = await report.rows([month], 'region', null);
      expect(regions.reduce((sum, row) => sum + row.counters.leads, 0)).toBe(all.counters.leads);
      expect(regions.reduce((sum, row) => sum + row.counters.contractAmount, 0)).toBe(all.counters.contractAmount);
    }
  });

  it('quarterly totals equal the sum of their months counted from the events', async () => {
    const expected = tallyByMonth(log);
    const report = new PeriodReport(reads);
    for (const quarter of ['2025-Q1', '2025-Q4', '2026-Q2', '2026-Q3']) {
      const [row] = await report.rows(monthsOfQuarter(quarter), 'all', null);
      const sum = monthsOfQuarter(quarter).map((m) => expected.get(m) ?? blank());
      expect(row.counters.contractAmount).toBe(sum.reduce((total, t) => total + t.contractAmount, 0));
      expect(row.counters.leads).toBe(sum.reduce((total, t) => total + t.leads, 0));
      expect(row.counters.losses).toBe(sum.reduce((total, t) => total + t.losses, 0));
    }
  });

  it('win/loss figures equal the outcomes counted from the events', async () => {
    const outcome = new Map<string, { outcome: string; amount?: number; bid?: 'WON' | 'LOST' }>();
    for (const event of log) {
      const data = event.data as Record<string, any>;
      if (event.type === 'ContractSigned') outcome.set(event.stream, { ...outcome.get(event.stream), outcome: 'WON', amount: data.amount.amount });
      if (event.type === 'BidLost') outcome.set(event.stream, { outcome: 'LOST', bid: 'LOST' });
      if (event.type === 'BidWon') outcome.set(event.stream, { outcome: 'OPEN', bid: 'WON' });
      if (event.type === 'BidDecided' && data.decision === 'NO_BID') outcome.set(event.stream, { outcome: 'NOT_BID' });
      if (event.type === 'ProjectTerminated') outcome.set(event.stream, { outcome: 'TERMINATED' });
    }
    const all = [...outcome.values()];
    const [group] = await new WinLossAnalysis(reads).groups(months[0], months[months.length - 1], 'all', {}, null);
    const won = all.filter((o) => o.outcome === 'WON');
    const lost = all.filter((o) => o.outcome === 'LOST');
    expect(group).toMatchObject({
      won: won.length,
      lost: lost.length,
      terminated: all.filter((o) => o.outcome === 'TERMINATED').length,
      // DOMAIN.md: no-bid is not a loss; it is shown on its own and left out of the win rate
      notBid: all.filter((o) => o.outcome === 'NOT_BID').length,
      amountWon: won.reduce((sum, o) => sum + o.amount!, 0),
      // bids won by projects closed in the period; a won bid still in negotiation counts when its project closes
      bidsWon: all.filter((o) => o.bid === 'WON' && o.outcome !== 'OPEN').length,
      bidsLost: all.filter((o) => o.bid === 'LOST').length,
    });
    expect(group.winRate).toBeCloseTo(won.length / (won.length + lost.length), 10);
    expect(group.notBid).toBeGreaterThan(0);
  });
});
