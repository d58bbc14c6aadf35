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

/** Month of an instant in Shanghai, by the platform's time-zone database: independent of the code under test. */
const monthFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' });
const monthOf = (event: StoredEvent) => monthFormat.format(new Date(event.metadata.occurredAt as string)).slice(0, 7);

interface Tally {
  leads: number; leadsScreened: number; leadsQualified: number; leadsRejected: number; leadsForwarded: number; leadsAssigned: number; approvals: number;
  solutionsSubmitted: number; solutionVersions: number; quotations: number; quotationAmount: number; bidsSubmitted: number; bidsWon: number; contractsSigned: number;
  contractAmount: number; losses: number; lossesByReason: Record<string, number>; terminations: number;
}
const blank = (): Tally => ({
  leads: 0, leadsScreened: 0, leadsQualified: 0, leadsRejected: 0, leadsForwarded: 0, leadsAssigned: 0, approvals: 0, solutionsSubmitted: 0, solutionVersions: 0,
  quotations: 0, quotationAmount: 0, bidsSubmitted: 0, bidsWon: 0, contractsSigned: 0, contractAmount: 0, losses: 0, lossesByReason: {}, terminations: 0,
});

/**
 * Per month, each project's quotation version approved last in that month (every approval its version asked for given), and
 * the projects that submitted a solution: what counts once per project, followed through the events.
 */
function oncePerProjectByMonth(events: StoredEvent[]) {
  const versions = new Map<string, { amount: number; required: string[]; given: Set<string> }>();
  const quoted = new Map<string, Map<string, { version: number; amount: number }>>();
  const solutions = new Map<string, Set<string>>();
  for (const event of events) {
    const data = event.data as Record<string, any>;
    const key = `${event.stream}|${data.version}`;
    if (event.type === 'QuotationSubmitted') versions.set(key, { amount: data.amount.amount, required: data.requiredApprovals, given: new Set() });
    if (event.type === 'QuotationApproved') {
      const version = versions.get(key)!;
      version.given.add(data.role);
      if (!version.required.every((role) => version.given.has(role))) continue;
      const month = quoted.get(monthOf(event)) ?? new Map();
      quoted.set(monthOf(event), month);
      if ((month.get(event.stream)?.version ?? 0) < data.version) month.set(event.stream, { version: data.version, amount: version.amount });
    }
    if (event.type === 'SolutionSubmitted') solutions.set(monthOf(event), (solutions.get(monthOf(event)) ?? new Set()).add(event.stream));
  }
  return { quoted, solutions };
}

/** The monthly figures counted straight from the events. */
function tallyByMonth(events: StoredEvent[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  for (const event of events) {
    const tally = tallies.get(monthOf(event)) ?? blank();
    tallies.set(monthOf(event), tally);
    const data = event.data as Record<string, any>;
    const loss = (reasons: string[]) => {
      tally.losses += 1;
      for (const reason of reasons) tally.lossesByReason[reason] = (tally.lossesByReason[reason] ?? 0) + 1;
    };
    if (event.type === 'LeadRegistered') tally.leads += 1;
    if (['LeadQualified', 'LeadRejected', 'LeadForwarded'].includes(event.type)) tally.leadsScreened += 1;
    if (event.type === 'LeadQualified') tally.leadsQualified += 1;
    if (event.type === 'LeadRejected') tally.leadsRejected += 1;
    if (event.type === 'LeadForwarded') tally.leadsForwarded += 1;
    if (event.type === 'LeadAssigned') tally.leadsAssigned += 1;
    if (event.type === 'ProjectApproved') tally.approvals += 1;
    if (event.type === 'SolutionSubmitted') tally.solutionVersions += 1;
    if (event.type === 'BidSubmitted') tally.bidsSubmitted += 1;
    if (event.type === 'BidWon') tally.bidsWon += 1;
    if (event.type === 'ContractSigned') { tally.contractsSigned += 1; tally.contractAmount += data.amount.amount; }
    if (event.type === 'BidLost') loss(data.reasons);
    if (event.type === 'ProjectTerminated') tally.terminations += 1;
  }
  const { quoted, solutions } = oncePerProjectByMonth(events);
  for (const [month, tally] of tallies) {
    const projects = [...(quoted.get(month)?.values() ?? [])];
    tally.quotations = projects.length;
    tally.quotationAmount = projects.reduce((sum, { amount }) => sum + amount, 0);
    tally.solutionsSubmitted = solutions.get(month)?.size ?? 0;
  }
  return tallies;
}

/** Terminations per month by the reason their last request gave, followed through the events. */
function terminationsByMonthAndReason(events: StoredEvent[]): Map<string, Record<string, number>> {
  const requested = new Map<string, string>();
  const months = new Map<string, Record<string, number>>();
  for (const event of events) {
    if (event.type === 'TerminationRequested') requested.set(event.stream, (event.data as { reason: string }).reason.trim());
    if (event.type !== 'ProjectTerminated') continue;
    const byReason = months.get(monthOf(event)) ?? {};
    months.set(monthOf(event), byReason);
    const reason = requested.get(event.stream)!;
    byReason[reason] = (byReason[reason] ?? 0) + 1;
  }
  return months;
}

const figuresOf = (counters: Tally) => ({
  leads: counters.leads, leadsScreened: counters.leadsScreened, leadsQualified: counters.leadsQualified, leadsRejected: counters.leadsRejected,
  leadsForwarded: counters.leadsForwarded, leadsAssigned: counters.leadsAssigned, approvals: counters.approvals, solutionsSubmitted: counters.solutionsSubmitted,
  solutionVersions: counters.solutionVersions, quotations: counters.quotations, quotationAmount: counters.quotationAmount,
  bidsSubmitted: counters.bidsSubmitted, bidsWon: counters.bidsWon, contractsSigned: counters.contractsSigned,
  contractAmount: counters.contractAmount, losses: counters.losses, lossesByReason: counters.lossesByReason, terminations: counters.terminations,
});

/** The stage each event type enters, written out again from DOMAIN.md. */
const STAGE_OF: Record<string, (data: Record<string, any>) => string | undefined> = {
  LeadRegistered: () => 'LEAD', LeadQualified: () => 'QUALIFIED', LeadRejected: () => 'CLOSED', LeadForwarded: () => 'CLOSED',
  ProjectApproved: () => 'PSM010_EXCHANGE', ExchangeRecorded: (d) => (d.surveyNeeded ? 'PSM020_SURVEY' : 'PSM030_SOLUTION'),
  SurveyCompleted: () => 'PSM030_SOLUTION', ReviewPassed: (d) => (d.subject === 'SOLUTION' && !d.revision ? 'PSM040_QUOTATION' : undefined), // a revision passes where the project stands
  ProcurementChosen: (d) => (d.method === 'TENDER' ? 'PSM050_TENDER' : 'PSM060_NEGOTIATION'),
  BidDecided: (d) => (d.decision === 'NO_BID' ? 'CLOSED' : undefined), BidWon: () => 'PSM060_NEGOTIATION', BidLost: () => 'LOST',
  TechnicalAgreementSigned: () => 'PSM070_CONTRACT', ContractSigned: () => 'WON', ProjectTerminated: () => 'TERMINATED', CustomerDeclined: () => 'CLOSED',
  StandardSolutionSent: () => 'PSM040_QUOTATION',
};

/** The clocks a closing event lapses (every one but the summary's), and the steps that stop a clock by being done, written out again from DOMAIN.md. */
const CLOSING = new Set(['LeadRejected', 'LeadForwarded', 'BidLost', 'ContractSigned', 'ProjectTerminated', 'CustomerDeclined']);
const DONE_BY: Record<string, (data: Record<string, any>) => string | undefined> = {
  SolutionSubmitted: () => 'SOLUTION', StandardSolutionSent: () => 'SOLUTION', SolutionRequestAnswered: () => 'SOLUTION_REQUEST', BidDocumentsChecked: () => 'BID_CHECK', BidBondPaid: () => 'BID_BOND', ProjectSummarized: () => 'SUMMARY',
  ReviewPassed: (d) => (d.subject === 'TECHNICAL_AGREEMENT' ? 'AGREEMENT_REVIEW' : undefined), ReviewFailed: (d) => (d.subject === 'TECHNICAL_AGREEMENT' ? 'AGREEMENT_REVIEW' : undefined),
  CountersignRejected: () => 'CONTRACT_REVIEW',
  // the organisers' part of an agreement's review: the reviewers they name take the same limit on
  ReviewConvened: (d) => (d.subject === 'TECHNICAL_AGREEMENT' ? 'AGREEMENT_REVIEW' : undefined),
};

type Clock = { kind: string; overdueAt: string; waitingFor: Array<{ userId?: string; role?: string }>; stoppedAt?: string; doneBy?: string };

/** Every SLA clock the events ran: when it stopped, and who did the step when it was done. */
function clocksOf(events: StoredEvent[]): Clock[] {
  const clocks: Clock[] = [];
  const open = new Map<string, Map<string, Clock>>();
  for (const event of events) {
    const data = event.data as Record<string, any>;
    const running = open.get(event.stream) ?? new Map<string, Clock>();
    open.set(event.stream, running);
    const when = event.metadata.occurredAt as string;
    const stop = (kind: string, doneBy?: string) => {
      const clock = running.get(kind);
      if (clock) Object.assign(clock, { stoppedAt: when, doneBy });
      running.delete(kind);
    };
    const closing = CLOSING.has(event.type) || (event.type === 'BidDecided' && data.decision === 'NO_BID');
    if (closing) for (const kind of [...running.keys()]) stop(kind);
    const doneKind = DONE_BY[event.type]?.(data);
    if (doneKind) stop(doneKind, (event.metadata.actor as { userId: string }).userId);
    if (event.type === 'ContractCountersigned' && running.get('CONTRACT_REVIEW')?.waitingFor.length === data.step + 1) stop('CONTRACT_REVIEW', (event.metadata.actor as { userId: string }).userId);
    if (event.type === 'TechnicalAgreementSubmitted') stop('AGREEMENT_REVIEW');
    if (event.type === 'ContractDrafted') stop('CONTRACT_REVIEW');
    for (const deadline of data.deadlines ?? []) {
      const clock: Clock = { kind: deadline.kind, overdueAt: deadline.overdueAt, waitingFor: deadline.waitingFor };
      clocks.push(clock);
      running.set(clock.kind, clock);
    }
  }
  return clocks;
}

/** Overdue steps per month and person as of `at`: who did a step late, else the people it waited for, else the roles. */
function overdueByMonthAndPerson(events: StoredEvent[], at: string): Map<string, Record<string, number>> {
  const counts = new Map<string, Record<string, number>>();
  for (const clock of clocksOf(events)) {
    if (!(clock.overdueAt < at && (clock.stoppedAt === undefined || clock.stoppedAt > clock.overdueAt))) continue;
    const month = monthFormat.format(new Date(Date.parse(clock.overdueAt) - 1)).slice(0, 7);
    const named = clock.waitingFor.flatMap((party) => (party.userId ? [party.userId] : []));
    const people = clock.doneBy ? [clock.doneBy] : named.length ? named : clock.waitingFor.map((party) => party.role!);
    const byPerson = counts.get(month) ?? {};
    counts.set(month, byPerson);
    for (const person of people) byPerson[person] = (byPerson[person] ?? 0) + 1;
  }
  return counts;
}

/** A person's KPIs of a month, counted straight from the events: shares as [count, of], ratings as [count, total out of 100]. */
interface PersonTally { followed: Set<string>; won: Set<string>; satisfaction: number[]; quality: number[]; collaboration: number[]; onTime: number; due: number; demos: number }

/**
 * 售前考核 per month and person, from the events alone: a project is followed in a month by whoever is named its engineer, presents a
 * demo, or does a pre-sales step in the engineer's role; it is won in the month its contract is signed, by everyone who followed it
 * before; marks are out of 100 on the scale the event names; an SLA step binds who did it, else whom it named, in the month its limit runs out.
 */
function kpisByMonthAndPerson(events: StoredEvent[], at: string): Map<string, Map<string, PersonTally>> {
  const months = new Map<string, Map<string, PersonTally>>();
  const tally = (month: string, person: string) => {
    const people = months.get(month) ?? new Map<string, PersonTally>();
    months.set(month, people);
    const found = people.get(person) ?? { followed: new Set(), won: new Set(), satisfaction: [], quality: [], collaboration: [], onTime: 0, due: 0, demos: 0 };
    people.set(person, found);
    return found;
  };
  const mark = (score: number, scale: { min: number; max: number }) => ((score - scale.min) / (scale.max - scale.min)) * 100;
  const workers = new Map<string, Set<string>>();
  const authors = new Map<string, string>();
  const steps = ['ExchangeRecorded', 'SurveyCompleted', 'SolutionSubmitted', 'TechnicalAgreementSubmitted', 'TechnicalBidSubmitted', 'SolutionRequestAnswered'];
  for (const event of events) {
    const data = event.data as Record<string, any>;
    const actor = event.metadata.actor as { userId: string; roles: string[] };
    const month = monthOf(event);
    const worked = event.type === 'ProjectApproved' ? (data.presalesEngineerId ? [data.presalesEngineerId] : [])
      : event.type === 'DemoHeld' ? data.presenters
        : steps.includes(event.type) && actor.roles.includes('PRESALES_ENGINEER') ? [actor.userId] : [];
    const team = workers.get(event.stream) ?? new Set<string>();
    workers.set(event.stream, team);
    for (const person of worked) {
      team.add(person);
      tally(month, person).followed.add(event.stream);
    }
    if (event.type === 'ContractSigned') {
      for (const person of team) {
        tally(month, person).won.add(event.stream);
        tally(month, person).followed.add(event.stream);
      }
    }
    if (event.type === 'SolutionSubmitted') authors.set(`${event.stream}|${data.version}`, data.authorId ?? actor.userId);
    if (event.type === 'ReviewVoteCast' && data.subject === 'SOLUTION' && data.scores) {
      const scale = { min: 1, max: 5 };
      tally(month, authors.get(`${event.stream}|${data.version}`)!).quality.push((mark(data.scores.rationality, scale) + mark(data.scores.innovation, scale) + mark(data.scores.completeness, scale)) / 3);
    }
    if (event.type === 'SatisfactionSurveyAnswered') {
      const value = data.answers.reduce((sum: number, answer: { score: number }) => sum + mark(answer.score, data.scale), 0) / data.answers.length;
      for (const person of data.rates) tally(month, person).satisfaction.push(value);
    }
    if (event.type === 'CollaborationRated') tally(month, data.person).collaboration.push(mark(data.score, data.scale));
    if (event.type === 'DemoHeld') for (const person of data.presenters) tally(data.heldOn.slice(0, 7), person).demos += 1;
  }
  const onTime = new Map<string, Map<string, [number, number]>>();
  for (const clock of clocksOf(events)) {
    const late = clock.stoppedAt === undefined ? clock.overdueAt < at : clock.stoppedAt > clock.overdueAt;
    if (!late && !(clock.doneBy && clock.stoppedAt !== undefined)) continue;
    const month = monthFormat.format(new Date(Date.parse(clock.overdueAt) - 1)).slice(0, 7);
    const people = clock.doneBy ? [clock.doneBy] : clock.waitingFor.flatMap((party) => (party.userId ? [party.userId] : []));
    for (const person of people) {
      const byPerson = onTime.get(month) ?? new Map<string, [number, number]>();
      onTime.set(month, byPerson);
      const [count, of] = byPerson.get(person) ?? [0, 0];
      byPerson.set(person, [count + (late ? 0 : 1), of + 1]);
    }
  }
  // an SLA step binds a person the KPIs list for other reasons: pre-sales work, a rating, a demo
  for (const [month, people] of months) {
    for (const [person, found] of people) [found.onTime, found.due] = onTime.get(month)?.get(person) ?? [0, 0];
  }
  return months;
}

const share = (count: number, of: number) => ({ count, of, rate: of ? count / of : null });
const rating = (marks: number[]) => {
  const total = marks.reduce((sum, value) => sum + value, 0);
  return { count: marks.length, total: Math.round(total * 1e6) / 1e6, score: marks.length ? Math.round((total / marks.length) * 1e6) / 1e6 : null };
};
const rounded = ({ count, total, score }: { count: number; total: number; score: number | null }) =>
  ({ count, total: Math.round(total * 1e6) / 1e6, score: score === null ? null : Math.round(score * 1e6) / 1e6 });

/** Demos held per month (the day they were held) and presenter, counted straight from the events. */
function demosByMonthAndPerson(events: StoredEvent[]): Map<string, { held: number; byPerson: Record<string, number> }> {
  const months = new Map<string, { held: number; byPerson: Record<string, number> }>();
  for (const event of events.filter(({ type }) => type === 'DemoHeld')) {
    const data = event.data as { heldOn: string; presenters: string[] };
    const month = months.get(data.heldOn.slice(0, 7)) ?? { held: 0, byPerson: {} };
    months.set(data.heldOn.slice(0, 7), month);
    month.held += 1;
    for (const person of data.presenters) month.byPerson[person] = (month.byPerson[person] ?? 0) + 1;
  }
  return months;
}

/**
 * Competitors per closed project: the bidders named at a tender's opening and result and those noted on the project, on any
 * path; and why a won bid was won.
 */
function competitorsOfClosedProjects(events: StoredEvent[]): Array<{ won: boolean; negotiated: boolean; competitors: Set<string>; winReasons: Set<string> }> {
  const projects = new Map<string, { closed: boolean; won: boolean; negotiated: boolean; competitors: Set<string>; winReasons: Set<string> }>();
  for (const event of events) {
    const data = event.data as Record<string, any>;
    const project = projects.get(event.stream) ?? { closed: false, won: false, negotiated: false, competitors: new Set<string>(), winReasons: new Set<string>() };
    projects.set(event.stream, project);
    if (event.type === 'ProcurementChosen') project.negotiated = data.method === 'NEGOTIATION';
    if (event.type === 'BidOpeningRecorded') for (const { bidder } of data.bidders) project.competitors.add(bidder);
    if (event.type === 'BidWon') for (const name of data.competitors ?? []) project.competitors.add(name);
    if (event.type === 'BidWon') for (const reason of data.reasons ?? []) project.winReasons.add(reason);
    if (event.type === 'ProjectSummarized' && data.outcome === 'WON') for (const reason of data.reasons) project.winReasons.add(reason);
    if (event.type === 'BidLost') for (const name of [data.winner, ...(data.competitors ?? [])]) project.competitors.add(name);
    if (event.type === 'CompetitorNoted') project.competitors.add(data.competitor);
    if (['ContractSigned', 'BidLost', 'ProjectTerminated', 'CustomerDeclined'].includes(event.type) || (event.type === 'BidDecided' && data.decision === 'NO_BID')) project.closed = true;
    if (event.type === 'ContractSigned') project.won = true;
  }
  return [...projects.values()].filter((project) => project.closed);
}

/** Day of an instant in Shanghai, by the platform's time-zone database. */
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Each open project's latest tracking note's next action date (null: none), followed through the events. */
function nextActionsOfOpenProjects(events: StoredEvent[]): Map<string, string | null> {
  const next = new Map<string, string | null>();
  const closed = new Set<string>();
  for (const event of events) {
    const data = event.data as Record<string, any>;
    if (event.type === 'LeadRegistered') next.set(event.stream, null);
    if (event.type === 'TrackingNoteAdded') next.set(event.stream, data.nextActionOn ?? null);
    if (['LeadRejected', 'LeadForwarded', 'ContractSigned', 'BidLost', 'ProjectTerminated', 'CustomerDeclined'].includes(event.type) || (event.type === 'BidDecided' && data.decision === 'NO_BID')) {
      closed.add(event.stream);
    }
  }
  return new Map([...next].filter(([stream]) => !closed.has(stream)));
}

const tallied = (projects: Array<{ competitors: Set<string> }>) => {
  const counts: Record<string, number> = {};
  for (const { competitors } of projects) for (const name of competitors) counts[name] = (counts[name] ?? 0) + 1;
  return Object.entries(counts).map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
};

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
