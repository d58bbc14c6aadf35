import { MONTHLY_STATISTICS, monthlyStatisticsProjection } from '../../projections/monthly-statistics/monthly-statistics.projection.js';
import { WORK_ITEMS, myWorkProjection } from '../../projections/my-work/my-work.projection.js';
import { DUE_STEPS, STAGE_INTERVALS, stageHistoryProjection } from '../../projections/stage-history/stage-history.projection.js';
import { PeriodReport } from '../../projections/monthly-statistics/period-report.js';
import { WIN_LOSS, winLossProjection } from '../../projections/win-loss/win-loss.projection.js';
import { WinLossAnalysis } from '../../projections/win-loss/win-loss-analysis.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import type { ReadStore } from '../../src/read-store/read-store.port.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import { AM, countersigned, doc, drafted, handedOver, history, PROJECT, RECEIVER, sheet, tendering, won } from '../unit/domain/fixtures.js';
import { projectAll, storedEvents } from '../support/stored-events.js';

const withDimensions = (events: StoredEvent[], businessUnit: string | null = null) =>
  events.map((event) => ({ ...event, metadata: { ...event.metadata, dimensions: { ownerId: AM, region: 'EAST', productLine: 'ROBOT_CELL', projectClass: 'GENERAL', businessUnit } } }));
const statistics = (reads: ReadStore, month: string, dimension: string, value: string, businessUnit: string | null = null) =>
  reads.findOne(MONTHLY_STATISTICS, { month, businessUnit, dimension, value });
const noBid: ProjectEvent[] = [...tendering(), { type: 'BidDecided', data: { decision: 'NO_BID', reason: 'no ISO', decidedBy: 'd' } }];

describe('stage history projection', () => {
  it('keeps one interval per stage, closing the previous one', async () => {
    const reads = await projectAll(stageHistoryProjection, storedEvents(PROJECT, history('PSM040'), '2026-11-02T02:00:00Z'));
    const intervals = await reads.find(STAGE_INTERVALS, {}, { sort: { from: 1 } });
    expect(intervals.map(({ stage, from, to }) => [stage, from, to])).toEqual([
      ['LEAD', '2026-11-02T02:00:00.000Z', '2026-11-03T02:00:00.000Z'],
      ['QUALIFIED', '2026-11-03T02:00:00.000Z', '2026-11-04T02:00:00.000Z'],
      ['PSM010_EXCHANGE', '2026-11-04T02:00:00.000Z', '2026-11-05T02:00:00.000Z'],
      ['PSM030_SOLUTION', '2026-11-05T02:00:00.000Z', null],
    ]);
  });

  it('keeps each clock, with when it stopped and who did its step, counted overdue unless done by its day (a clock written before tolerances has none)', async () => {
    // A submits its solution in time, B never does, C submits it two days late; all were due on 2026-11-27
    const quoted = withDimensions(storedEvents('p-a', history('QUOTED'), '2026-11-02T02:00:00Z'));
    const inTime = quoted.slice(0, history('PSM040').length);
    const never = withDimensions(storedEvents('p-b', history('REVIEW'), '2026-11-02T02:00:00Z'));
    const late = withDimensions(storedEvents('p-c', history('PSM040'), '2026-10-20T02:00:00Z', 10 * 86_400_000));
    const reads = await projectAll(stageHistoryProjection, [...inTime, ...never, ...late]);
    await projectAll(monthlyStatisticsProjection, [...inTime, ...never, ...late], reads);
    const steps = await reads.find(DUE_STEPS, {}, { sort: { projectId: 1 } });
    expect(steps.map(({ projectId, kind, dueMonth, overdueAt, stoppedAt, doneBy }) => [projectId, kind, dueMonth, overdueAt, stoppedAt, doneBy])).toEqual([
      ['p-a', 'SOLUTION', '2026-11', '2026-11-27T16:00:00.000Z', '2026-11-06T02:00:00.000Z', 'u'],
      ['p-b', 'SOLUTION', '2026-11', '2026-11-27T16:00:00.000Z', null, undefined],
      ['p-c', 'SOLUTION', '2026-11', '2026-11-27T16:00:00.000Z', '2026-11-29T02:00:00.000Z', 'u'],
    ]);
    const [row] = await new PeriodReport(reads).rows(['2026-11'], 'all', null, new Date('2026-12-15T00:00:00Z'));
    // C's late solution is counted on whoever submitted it; B's clock, written before clocks named anyone, on no one
    expect(row).toMatchObject({ overdueSteps: 2, overdueByKind: { SOLUTION: 2 }, overdueByPerson: { u: 1 } });
    // before B's limit passed, only C (done late) was overdue
    const [before] = await new PeriodReport(reads).rows(['2026-11'], 'all', null, new Date('2026-11-27T12:00:00Z'));
    expect(before.overdueSteps).toBe(0);
    // the review passing moves A on: its clock stays as it stopped
    await projectAll(stageHistoryProjection, quoted.slice(inTime.length), reads);
    expect(await reads.findOne(DUE_STEPS, { projectId: 'p-a' })).toMatchObject({ stoppedAt: '2026-11-06T02:00:00.000Z', dueAt: '2026-11-27T16:00:00.000Z' });
  });

  it('a closed project ends with an open interval in its outcome', async () => {
    const reads = await projectAll(stageHistoryProjection, storedEvents(PROJECT, noBid));
    const last = await reads.findOne(STAGE_INTERVALS, { to: null });
    expect(last).toMatchObject({ stage: 'CLOSED' });
    expect(await reads.count(STAGE_INTERVALS, { to: null })).toBe(1);
  });

  it('stops at an event written without the stage it happened in, rather than guess its interval', () => {
    const events = storedEvents(PROJECT, history('REVIEW'));
    const exchange = events.find((event) => event.type === 'ExchangeRecorded')!;
    const { stageBefore: _dropped, ...metadata } = exchange.metadata;
    expect(() => stageHistoryProjection.project({ ...exchange, metadata })).toThrow(/ExchangeRecorded at revision 3 .* has no stageBefore/);
  });
});

describe('monthly statistics projection', () => {
  it('counts each event in the month it happened (Asia/Shanghai), overall and per region, product line, owner', async () => {
    // 2026-10-31T17:00Z is already 1 November in Shanghai
    const events = withDimensions(storedEvents(PROJECT, won(), '2026-10-31T17:00:00Z', 3_600_000));
    const reads = await projectAll(monthlyStatisticsProjection, events);
    const all = await statistics(reads, '2026-11', 'all', '*');
    expect(all).toMatchObject({
      month: '2026-11', dimension: 'all', value: '*', leads: 1, leadsByChannel: { EXHIBITION: 1 }, approvals: 1, approvalsByClass: { GENERAL: 1 },
      solutionVersions: 1, solutionReviewsPassed: 1, firstReviewsConcluded: 1, firstReviewsPassed: 1, leadsScreened: 1, leadsQualified: 1,
      agreementReviewsPassed: 1, contractsSigned: 1, contractAmount: 9_000_000,
    });
    // counted once per project, from documents of their own: the solution, and the quotation at its approved version
    const [row] = await new PeriodReport(reads).rows(['2026-11'], 'all', null);
    expect(row.counters).toMatchObject({ solutionsSubmitted: 1, quotations: 1, quotationAmount: 9_000_000 });
    expect(await statistics(reads, '2026-10', 'all', '*')).toBeNull();
    for (const [dimension, value] of [['region', 'EAST'], ['productLine', 'ROBOT_CELL'], ['owner', AM]]) {
      expect(await statistics(reads, '2026-11', dimension, value)).toMatchObject({ leads: 1, contractsSigned: 1 });
    }
  });

  it('counts a quotation once per project, at its latest version approved in the period; a version awaiting approval not at all', async () => {
    const quoted = (version: number, yuan: number, approvers: Array<'TECH_MANAGER' | 'OPERATIONS_CENTER'>): ProjectEvent[] => [
      { type: 'QuotationSubmitted', data: { version, amount: { amount: yuan * 100, currency: 'CNY' }, document: doc(`quotation v${version}`), requiredApprovals: approvers } },
      ...approvers.map((role): ProjectEvent => ({ type: 'QuotationApproved', data: { version, role, approverId: role, documentSha256: doc(`quotation v${version}`).sha256 } })),
    ];
    const twoApprovals = quoted(3, 300_000, ['TECH_MANAGER', 'OPERATIONS_CENTER']);
    const events = withDimensions([
      // p1: v1 approved, v2 approved the same month: once, at v2
      ...storedEvents('p1', [...history('ACCEPTED'), ...quoted(1, 100_000, ['TECH_MANAGER']), ...quoted(2, 120_000, ['TECH_MANAGER'])], '2026-11-02T02:00:00Z', 60_000),
      // p2: v3 needs two approvals and has one: not counted
      ...storedEvents('p2', [...history('ACCEPTED'), ...twoApprovals.slice(0, 2)], '2026-11-02T02:00:00Z', 60_000),
    ]);
    // redelivered, the documents counted once per project stay as they were (the $inc counters rely on the checkpoint)
    const reads = await projectAll(monthlyStatisticsProjection, [...events, ...events]);
    const [row] = await new PeriodReport(reads).rows(['2026-11'], 'all', null);
    expect(row.counters).toMatchObject({ quotations: 1, quotationAmount: 12_000_000, solutionsSubmitted: 2 });
  });

  it('counts terminations by the reason of their request', async () => {
    const terminated = (reason: string): ProjectEvent[] => [...history('PSM030'),
      { type: 'TerminationRequested', data: { reason, requestedBy: AM, deciders: ['SALES_DIRECTOR'] } },
      { type: 'ProjectTerminated', data: { decidedBy: 'dir' } }];
    const declined: ProjectEvent[] = [...history('PSM030'),
      { type: 'TerminationRequested', data: { reason: '客户预算取消', requestedBy: AM, deciders: ['SALES_DIRECTOR'] } },
      { type: 'TerminationDeclined', data: { decidedBy: 'dir', comments: '继续跟进' } }];
    const reads = await projectAll(monthlyStatisticsProjection, withDimensions([
      ...storedEvents('t1', terminated('客户预算取消'), '2026-11-02T02:00:00Z', 60_000), ...storedEvents('t2', terminated(' 客户预算取消 '), '2026-11-02T02:00:00Z', 60_000),
      ...storedEvents('t3', terminated('达到撤出标准'), '2026-11-02T02:00:00Z', 60_000), ...storedEvents('t4', declined, '2026-11-02T02:00:00Z', 60_000),
    ]));
    const [row] = await new PeriodReport(reads).rows(['2026-11'], 'all', null);
    expect({ terminations: row.counters.terminations, byReason: row.terminationsByReason }).toEqual({ terminations: 3, byReason: { 客户预算取消: 2, 达到撤出标准: 1 } });
  });

  it('keeps each business unit’s counters apart', async () => {
    const east = withDimensions(storedEvents('p-a', won(), '2026-11-02T02:00:00Z', 60_000), 'BU-A');
    const west = withDimensions(storedEvents('p-b', noBid, '2026-11-02T02:00:00Z', 60_000), 'BU-B');
    const reads = await projectAll(monthlyStatisticsProjection, [...east, ...west]);
    const [a, b] = [await statistics(reads, '2026-11', 'all', '*', 'BU-A'), await statistics(reads, '2026-11', 'all', '*', 'BU-B')];
    expect([a?.leads, a?.contractsSigned, a?.losses]).toEqual([1, 1, undefined]);
    expect([b?.leads, b?.contractsSigned, b?.noBidDecisions]).toEqual([1, undefined, 1]);
    expect(await statistics(reads, '2026-11', 'all', '*')).toBeNull();
  });

  it('counts bid losses by reason, and no-bids on their own, never as losses', async () => {
    const lost: ProjectEvent[] = [...tendering(),
      { type: 'BidDecided', data: { decision: 'BID', decidedBy: 'd' } },
      { type: 'BidSubmitted', data: { price: { amount: 1, currency: 'CNY' } } },
      { type: 'BidLost', data: { winner: 'ABB', winningPrice: { amount: 1, currency: 'CNY' }, ourPrice: { amount: 2, currency: 'CNY' }, reasons: ['PRICE', 'RELATIONSHIP'] } },
    ];
    const reads = await projectAll(monthlyStatisticsProjection, withDimensions([...storedEvents('p1', lost, '2026-11-02T02:00:00Z', 60_000), ...storedEvents('p2', noBid, '2026-11-02T02:00:00Z', 60_000)]));
    expect(await statistics(reads, '2026-11', 'all', '*')).toMatchObject({
      bidDecisions: 1, noBidDecisions: 1, bidsSubmitted: 1, bidsLost: 1, losses: 1, lossesByReason: { PRICE: 1, RELATIONSHIP: 1 },
    });
    expect((await statistics(reads, '2026-11', 'all', '*'))?.lossesByReason).not.toHaveProperty('NO_BID');
  });

  it('counts a decision to bid once it is final, not at the intent too; a no-bid after the evaluation as a no-bid', async () => {
    const decided = (decision: 'BID' | 'NO_BID', phase: 'INTENT' | 'FINAL'): ProjectEvent => ({ type: 'BidDecided', data: { decision, decidedBy: 'd', phase, ...(decision === 'NO_BID' ? { reason: 'terms' } : {}) } });
    const bid = [...tendering(), decided('BID', 'INTENT'), decided('BID', 'FINAL')];
    const declined = [...tendering(), decided('BID', 'INTENT'), decided('NO_BID', 'FINAL')];
    const reads = await projectAll(monthlyStatisticsProjection, withDimensions([...storedEvents('p1', bid, '2026-11-02T02:00:00Z', 60_000), ...storedEvents('p2', declined, '2026-11-02T02:00:00Z', 60_000)]));
    expect(await statistics(reads, '2026-11', 'all', '*')).toMatchObject({ bidDecisions: 1, noBidDecisions: 1 });
  });
});

describe('win/loss projection', () => {
  it('records a won project: amount, procurement, cycle ends, rework loops', async () => {
    const rejected: ProjectEvent = { type: 'CountersignRejected', data: { version: 1, step: 1, signerId: 'mk', role: 'MARKETING', comments: 'x' } };
    const events = withDimensions(storedEvents(PROJECT, [...drafted(), rejected, ...won().slice(drafted().length)]));
    const reads = await projectAll(winLossProjection, events);
    expect(await reads.findOne(WIN_LOSS, { _id: PROJECT })).toMatchObject({
      outcome: 'WON', wonAmount: 9_000_000, procurement: 'NEGOTIATION', projectClass: 'GENERAL', countersignRejections: 1,
      registeredAt: events[0].recordedAt, closedAt: events.at(-1)!.recordedAt, region: 'EAST', ownerId: AM,
    });
  });

  it('records a no-bid as a tender not bid, with its reason: no loss', async () => {
    const reads = await projectAll(winLossProjection, withDimensions(storedEvents(PROJECT, noBid)));
    expect(await reads.findOne(WIN_LOSS, { _id: PROJECT })).toMatchObject({ outcome: 'NOT_BID', noBid: true, reasons: ['NO_BID'], procurement: 'TENDER' });
  });
});

describe('my work projection', () => {
  it('names the reviewers of an open review until they vote', async () => {
    const reads = await projectAll(myWorkProjection, storedEvents(PROJECT, history('PSM040')));
    expect(await reads.find(WORK_ITEMS, { active: true })).toEqual([expect.objectContaining({ kind: 'REVIEW', assigneeType: 'USER', assignee: 'rv-1', subject: 'SOLUTION' })]);
    const passed = await projectAll(myWorkProjection, storedEvents(PROJECT, history('QUOTED')));
    expect(await passed.count(WORK_ITEMS)).toBe(0);
  });

  it('asks the roles a quotation needs, and each countersigner in turn', async () => {
    const quoted = await projectAll(myWorkProjection, storedEvents(PROJECT, history('APPROVED')));
    expect(await quoted.find(WORK_ITEMS)).toEqual([expect.objectContaining({ kind: 'QUOTATION_APPROVAL', assigneeType: 'ROLE', assignee: 'TECH_MANAGER' })]);
    const signing = await projectAll(myWorkProjection, storedEvents(PROJECT, [...drafted(), countersigned()[drafted().length]]));
    expect(await signing.find(WORK_ITEMS, { active: true })).toEqual([
      expect.objectContaining({ kind: 'COUNTERSIGN', assigneeType: 'ROLE', assignee: 'MARKETING', step: 1, document: doc('contract') }),
    ]);
    const done = await projectAll(myWorkProjection, storedEvents(PROJECT, won()));
    expect(await done.count(WORK_ITEMS)).toBe(0);
  });

  it('asks the receiver named for a handover, and its confirmers for each oral agreement on it, until each is done', async () => {
    const handed = handedOver([sheet('ORAL_AGREEMENT', '口头协议书面化', 1), sheet('ORAL_AGREEMENT', '口头协议书面化', 2)]);
    const pending = await projectAll(myWorkProjection, storedEvents(PROJECT, handed));
    const items = async (reads: ReadStore) => (await reads.find(WORK_ITEMS, {}, { sort: { _id: 1 } })).map(({ kind, assignee, sha256 }) => [kind, assignee, sha256]);
    const [first, second] = [1, 2].map((n) => sheet('ORAL_AGREEMENT', '口头协议书面化', n).sha256);
    expect(await items(pending)).toEqual([['HANDOVER_RECEIPT', RECEIVER, undefined], ['ORAL_AGREEMENT_CONFIRMATION', 'EXECUTIVE', first], ['ORAL_AGREEMENT_CONFIRMATION', 'EXECUTIVE', second]]);
    const confirmed: ProjectEvent = { type: 'OralAgreementConfirmed', data: { sha256: first, title: '口头协议书面化', confirmedBy: 'ex-shen' } };
    const one = await projectAll(myWorkProjection, storedEvents(PROJECT, [...handed, confirmed]));
    expect(await items(one)).toEqual([['HANDOVER_RECEIPT', RECEIVER, undefined], ['ORAL_AGREEMENT_CONFIRMATION', 'EXECUTIVE', second]]);
    const received: ProjectEvent[] = [{ ...confirmed, data: { ...confirmed.data, sha256: second } }, { type: 'HandoverReceived', data: { receivedBy: RECEIVER } }];
    expect(await (await projectAll(myWorkProjection, storedEvents(PROJECT, [...handed, confirmed, ...received]))).count(WORK_ITEMS)).toBe(0);
  });

  it('asks the deciders a termination request names', async () => {
    const requested: ProjectEvent = { type: 'TerminationRequested', data: { reason: 'budget', requestedBy: AM, deciders: ['BU_GENERAL_MANAGER'] } };
    const reads = await projectAll(myWorkProjection, storedEvents(PROJECT, [...history('REVIEW'), requested]));
    expect(await reads.find(WORK_ITEMS)).toEqual([expect.objectContaining({ kind: 'TERMINATION_DECISION', assignee: 'BU_GENERAL_MANAGER' })]);
  });
});

describe('demos and competitors in the reports', () => {
  const demoHeld: ProjectEvent[] = [
    { type: 'DemoPlanned', data: { number: 1, audience: 'plant manager', environment: 'showroom', agenda: 'weld', durationMinutes: 60, plannedBy: 'pe-wang' } },
    { type: 'DemoHeld', data: { number: 1, presenters: ['pe-wang', 'pe-zhang'], heldOn: '2026-10-31' } },
  ];

  it('counts a demo in the month it was held, for each presenter, however often its event is delivered', async () => {
    // recorded on 2 November, held on 31 October
    const events = withDimensions(storedEvents(PROJECT, [...history('PSM030'), ...demoHeld], '2026-10-28T02:00:00Z'));
    const held = events[events.length - 1];
    const reads = await projectAll(monthlyStatisticsProjection, [...events, held]);
    const [october] = await new PeriodReport(reads).rows(['2026-10'], 'owner', null);
    expect(october).toMatchObject({ value: AM, demosHeld: 1, demosHeldByPerson: { 'pe-wang': 1, 'pe-zhang': 1 } });
    // November, the month it was recorded in, counts nothing
    expect(await new PeriodReport(reads).rows(['2026-11'], 'all', null)).toEqual([]);
  });

  it('meets the competitors noted on a negotiated project, and beats them once it is won, even when noted after', async () => {
    const noted = (competitor: string): ProjectEvent => ({ type: 'CompetitorNoted', data: { competitor, reportedBy: AM } });
    const events = withDimensions(storedEvents(PROJECT, [...won().slice(0, -1), noted('KUKA'), noted('KUKA'), won()[won().length - 1], noted('Estun')]));
    const reads = await projectAll(winLossProjection, events);
    const [group] = await new WinLossAnalysis(reads).groups('2026-11', '2026-12', 'all', {}, null);
    expect(group).toMatchObject({ won: 1, competitorsMet: [{ key: 'Estun', count: 1 }, { key: 'KUKA', count: 1 }], competitorsBeaten: [{ key: 'Estun', count: 1 }, { key: 'KUKA', count: 1 }] });
  });
});

describe('the tender\'s opening and result in the win/loss analysis', () => {
  const opening = (...bidders: string[]): ProjectEvent => ({
    type: 'BidOpeningRecorded', data: { attendees: [AM], bidders: bidders.map((bidder) => ({ bidder })), recordedBy: AM },
  });

  it('meets every bidder read out at the opening, beats them once the contract is signed, and counts why the bid was won', async () => {
    const signed = won()[won().length - 1];
    const bidWon: ProjectEvent = { type: 'BidWon', data: { competitors: ['ABB'], reasons: ['TECHNICAL', 'RELATIONSHIP'] } };
    const events = withDimensions(storedEvents(PROJECT, [...won().slice(0, -1), opening('ABB', 'Estun'), bidWon, signed]));
    const reads = await projectAll(winLossProjection, events);
    const [group] = await new WinLossAnalysis(reads).groups('2026-11', '2026-12', 'all', {}, null);
    expect(group).toMatchObject({
      won: 1, competitorsMet: [{ key: 'ABB', count: 1 }, { key: 'Estun', count: 1 }], competitorsBeaten: [{ key: 'ABB', count: 1 }, { key: 'Estun', count: 1 }],
      winReasons: [{ key: 'RELATIONSHIP', count: 1 }, { key: 'TECHNICAL', count: 1 }], lossReasons: [],
    });
  });

  it('meets the opening\'s bidders on a lost tender without beating them, and counts its reasons as a loss\'s only', async () => {
    const lost: ProjectEvent = { type: 'BidLost', data: { winner: 'KUKA', ourPrice: { amount: 9_000_000, currency: 'CNY' }, reasons: ['PRICE'] } };
    const events = withDimensions(storedEvents(PROJECT, [...tendering(), opening('KUKA', 'Efort'), lost]));
    const reads = await projectAll(winLossProjection, events);
    const [group] = await new WinLossAnalysis(reads).groups('2026-11', '2026-12', 'all', {}, null);
    expect(group).toMatchObject({
      lost: 1, competitorsMet: [{ key: 'Efort', count: 1 }, { key: 'KUKA', count: 1 }], competitorsBeaten: [], winReasons: [], lossReasons: [{ key: 'PRICE', count: 1 }],
    });
  });
});
