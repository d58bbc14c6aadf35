import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { EQUIPMENT_MAKER, ENTERPRISE_STANDARD } from '../../support/policies.js';
import { as, given, NOW } from './given-when-then.js';
import { AM, cny, contracting, doc, dueBy, ENGINEER, handedOver, history, negotiating, tendering, won } from './fixtures.js';

const am = as(AM, 'ACCOUNT_MANAGER');
const engineer = as(ENGINEER, 'PRESALES_ENGINEER');
const bid: ProjectEvent = { type: 'BidDecided', data: { decision: 'BID', decidedBy: AM } };
const purchase = (data: { openingOn: string; bondDueOn?: string }) => ({ type: 'RecordBidStep' as const, data: { step: 'DOCUMENTS_PURCHASED' as const, ...data } });
const deadlinesOf = (events: ProjectEvent[]) => events.map((event) => (event.data as { deadlines?: unknown }).deadlines);
const twoHoursOn = new Date(NOW.getTime() + 2 * 3600_000).toISOString();

describe('time limits (SLA): each clock is recorded by the event that starts it, under the policy in force', () => {
  it('a solution request is answered by the technical team within 1 working day 方案申请表', () => {
    const request = { type: 'RequestSolution' as const, data: { need: 'two welding cells, 60 s cycle' } };
    const [requested] = given(history('PSM030')).when(request, am).events();
    expect(requested).toEqual({ type: 'SolutionRequested', data: { need: 'two welding cells, 60 s cycle', requestedBy: AM, deadlines: [dueBy('SOLUTION_REQUEST', '2026-11-25', [{ role: 'PRESALES_ENGINEER' }, { role: 'TECH_MANAGER' }])] } });
    // the supervisor files it on the account manager's behalf (代填); one request waits at a time
    expect(given(history('PSM030')).when(request, as('sup-zhao', 'SALES_SUPERVISOR')).events()).toHaveLength(1);
    given([...history('PSM030'), requested]).when(request, am).thenThrows('INVALID_TRANSITION');
    given(history('PSM010')).when(request, am).thenThrows('INVALID_TRANSITION');
    // the team makes it, or declines in writing; nobody else answers
    const answer = (willMake: boolean, reason?: string) => ({ type: 'AnswerSolutionRequest' as const, data: { willMake, ...(reason ? { reason } : {}) } });
    given([...history('PSM030'), requested]).when(answer(true), engineer).then([{ type: 'SolutionRequestAnswered', data: { willMake: true, answeredBy: ENGINEER } }]);
    given([...history('PSM030'), requested]).when(answer(false), as('tm-he', 'TECH_MANAGER')).thenThrows('REASON_REQUIRED');
    given([...history('PSM030'), requested]).when(answer(false, 'no capacity'), as('tm-he', 'TECH_MANAGER'))
      .then([{ type: 'SolutionRequestAnswered', data: { willMake: false, reason: 'no capacity', answeredBy: 'tm-he' } }]);
    given([...history('PSM030'), requested]).when(answer(true), am).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(history('PSM030')).when(answer(true), engineer).thenThrows('INVALID_TRANSITION');
  });

  it('a solution is due per product line and counts overdue only after the policy\'s tolerance', () => {
    const exchange = { type: 'RecordExchange' as const, data: { summary: 'memo', surveyNeeded: false } };
    const strict = { ...ENTERPRISE_STANDARD, sla: { ...ENTERPRISE_STANDARD.sla, solutionToleranceWorkingDays: 0 } };
    expect(deadlinesOf(given(history('PSM030')).when(exchange, engineer).events())).toEqual([[dueBy('SOLUTION', '2026-11-27', [{ userId: ENGINEER }], '2026-12-01')]]);
    expect(deadlinesOf(given(history('PSM030')).when(exchange, engineer, { policy: strict }).events())).toEqual([[dueBy('SOLUTION', '2026-11-27', [{ userId: ENGINEER }])]]);
  });

  it('a technical-agreement review is due within 1 working day, or 2 hours when signing on site, waiting for its organisers, then its reviewers', () => {
    const submit = (signingOnSite?: boolean) => ({ type: 'SubmitTechnicalAgreement' as const, data: { document: doc('agreement'), signingOnSite } });
    const submitted = given(negotiating()).when(submit(), engineer).events();
    expect(deadlinesOf(submitted)).toEqual([[dueBy('AGREEMENT_REVIEW', '2026-11-25', [{ role: 'MARKETING' }])]]);
    // convened the next day, the same limit now waits for the reviewers named
    const convene = { type: 'ConveneReview' as const, data: { subject: 'TECHNICAL_AGREEMENT' as const, reviewers: ['rv-1', 'rv-2'] } };
    const convened = given([...negotiating(), ...submitted]).when(convene, as('mk-zhou', 'MARKETING'), { now: new Date('2026-11-25T02:00:00Z') }).events();
    expect(deadlinesOf(convened)).toEqual([[dueBy('AGREEMENT_REVIEW', '2026-11-25', [{ userId: 'rv-1' }, { userId: 'rv-2' }])]]);
    const [onSite] = given(negotiating()).when(submit(true), engineer).events();
    expect(onSite.data).toMatchObject({ signingOnSite: true, deadlines: [{ kind: 'AGREEMENT_REVIEW', dueAt: twoHoursOn, overdueAt: twoHoursOn }] });
  });

  it('a contract review is due within 1 working day, or 2 hours on site, waiting for the countersign chain', () => {
    const draft = (signingOnSite?: boolean) => ({ type: 'DraftContract' as const, data: { document: doc('contract'), amount: cny(90_000), extraSigners: [], signingOnSite } });
    const chain = [{ userId: AM }, { role: 'MARKETING' as const }, { role: 'BU_GENERAL_MANAGER' as const }];
    expect(deadlinesOf(given(contracting()).when(draft(), am).events())).toEqual([[dueBy('CONTRACT_REVIEW', '2026-11-25', chain)]]);
    // Friday evening on site: hours, not working days
    const friday = new Date('2026-11-27T10:00:00Z');
    const [onSite] = given(contracting()).when(draft(true), am, { now: friday }).events();
    expect(onSite.data).toMatchObject({ signingOnSite: true, deadlines: [{ dueAt: '2026-11-27T12:00:00.000Z', waitingFor: chain }] });
  });

  it('the bond is due by the deadline the tender documents state, else the policy\'s days before the opening; it falls before the opening', () => {
    const ready = [...tendering(), bid];
    const [stated] = given(ready).when(purchase({ openingOn: '2026-12-10', bondDueOn: '2026-12-04' }), am).events();
    expect((stated.data as { deadlines: unknown[] }).deadlines[1]).toEqual(dueBy('BID_BOND', '2026-12-04', [{ role: 'ACCOUNT_MANAGER' }, { role: 'SALES_SUPERVISOR' }]));
    given(ready).when(purchase({ openingOn: '2026-12-10', bondDueOn: '2026-12-11' }), am).thenThrows('INVALID_INPUT');
    given(ready).when(purchase({ openingOn: '2026-12-10', bondDueOn: '4 Dec' }), am).thenThrows('INVALID_INPUT');
  });

  it('who the bid check and the bond wait for is the profile\'s: the supervisor under equipment-maker', () => {
    const [purchased] = given([...tendering(), bid]).when(purchase({ openingOn: '2026-12-10' }), as('sup-zhao', 'SALES_SUPERVISOR'), { policy: EQUIPMENT_MAKER }).events();
    expect((purchased.data as { deadlines: unknown }).deadlines).toEqual([
      dueBy('BID_CHECK', '2026-12-07', [{ role: 'SALES_SUPERVISOR' }]), dueBy('BID_BOND', '2026-12-09', [{ role: 'SALES_SUPERVISOR' }]),
    ]);
  });

  it('every close starts the owner\'s summary clock; a decision to bid, which closes nothing, starts none', () => {
    const summary = { ...ENTERPRISE_STANDARD, sla: { ...ENTERPRISE_STANDARD.sla, summaryWorkingDays: 10 } };
    const [noBid] = given(tendering()).when({ type: 'DecideBid', data: { decision: 'NO_BID', reason: 'qualification' } }, am, { policy: summary }).events();
    expect(noBid.data).toMatchObject({ deadlines: [dueBy('SUMMARY', '2026-12-08', [{ userId: AM }])] });
    expect(given(tendering()).when({ type: 'DecideBid', data: { decision: 'BID' } }, am).events()).toEqual([{ type: 'BidDecided', data: { ...bid.data, phase: 'INTENT' } }]);
  });
});

describe('overdue never blocks a step', () => {
  const aMonthLater = { now: new Date('2026-12-24T02:00:00Z') };
  it('a solution, a review vote and a summary long past their limits are accepted as on time would be', () => {
    const solution = { type: 'SubmitSolution' as const, data: { document: doc('solution') } };
    expect(given(history('REVIEW')).when(solution, engineer, aMonthLater).events()).toMatchObject([{ type: 'SolutionSubmitted' }]);
    const onSite = given(negotiating()).when({ type: 'SubmitTechnicalAgreement', data: { document: doc('agreement'), signingOnSite: true } }, engineer).events();
    const convene = { type: 'ConveneReview' as const, data: { subject: 'TECHNICAL_AGREEMENT' as const, reviewers: ['rv-1'] } };
    const submitted = [...onSite, ...given([...negotiating(), ...onSite]).when(convene, as('mk-zhou', 'MARKETING'), aMonthLater).events()];
    const vote = { type: 'ApproveReview' as const, data: { subject: 'TECHNICAL_AGREEMENT' as const, documentSha256: doc('agreement').sha256 } };
    expect(given([...negotiating(), ...submitted]).when(vote, as('rv-1', 'REVIEWER'), aMonthLater).events()).toMatchObject([{ type: 'ReviewVoteCast' }, { type: 'ReviewPassed' }]);
    const handed = handedOver();
    const summarize = { type: 'SummarizeProject' as const, data: { reasons: ['TECHNICAL' as const], text: 'reference case won it' } };
    expect(given(handed).when(summarize, am, aMonthLater).events()).toMatchObject([{ type: 'ProjectSummarized' }]);
  });
});
