import { decideStandardSolution, foldStandardSolution, type StandardSolution, type StandardSolutionEvent } from '../../../src/domain/catalogue/standard-solution.js';
import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { fold, type Project } from '../../../src/domain/project/state.js';
import { EQUIPMENT_MAKER } from '../../support/policies.js';
import { AM, cny, doc, dueBy, ENGINEER, history } from './fixtures.js';
import { as, contextFor, given, refusalCode } from './given-when-then.js';

const am = as(AM, 'ACCOUNT_MANAGER');
const supervisor = as('sup-zhao', 'SALES_SUPERVISOR');
const director = as('dir-sun', 'SALES_DIRECTOR');
const engineer = as(ENGINEER, 'PRESALES_ENGINEER');
const techManager = as('tm-he', 'TECH_MANAGER');
const gm = as('gm-qian', 'BU_GENERAL_MANAGER');
const marketing = as('mk-zhou', 'MARKETING');
const teamClock = [dueBy('SOLUTION_REQUEST', '2026-11-25', [{ role: 'PRESALES_ENGINEER' }, { role: 'TECH_MANAGER' }])];
const dispatch = { site: '苏州精工二厂', purpose: 'see the welding line before the solution', wantedOn: '2026-11-27', people: 2 };
const request = (withDispatch = false) => ({ type: 'RequestSolution' as const, data: { need: 'two welding cells, 60 s cycle', ...(withDispatch ? { dispatch } : {}) } });
const answer = (willMake: boolean, reason?: string) => ({ type: 'AnswerSolutionRequest' as const, data: { willMake, ...(reason ? { reason } : {}) } });
const requested: ProjectEvent = { type: 'SolutionRequested', data: { need: 'two welding cells, 60 s cycle', requestedBy: AM, deadlines: teamClock } };
const declined: ProjectEvent = { type: 'SolutionRequestAnswered', data: { willMake: false, reason: 'no capacity', answeredBy: 'tm-he' } };
const disputed: ProjectEvent = { type: 'SolutionAnswerDisputed', data: { raisedBy: AM, reason: 'a key account', deciders: ['BU_GENERAL_MANAGER'] } };
const stateAfter = (events: ProjectEvent[]) => fold(events) as Project;

describe('方案申请表 and 申请派人交流单 (document 003 L25-L29)', () => {
  it('the supervisor files a request on the account manager\'s behalf (代填), and the event says whose it is', () => {
    given(history('PSM030')).when(request(), supervisor).then([{
      type: 'SolutionRequested', data: { need: 'two welding cells, 60 s cycle', requestedBy: 'sup-zhao', onBehalfOf: AM, deadlines: teamClock },
    }]);
  });

  it('a request to send people on site waits for the director\'s signature; the team\'s 1-working-day clock starts when it is signed', () => {
    const [filed] = given(history('PSM030')).when(request(true), am).events();
    expect(filed).toEqual({ type: 'SolutionRequested', data: { need: 'two welding cells, 60 s cycle', requestedBy: AM, dispatch, dispatchSigners: ['SALES_DIRECTOR'], deadlines: [] } });
    // the team has not received it yet
    given([...history('PSM030'), filed]).when(answer(true), engineer).thenThrows('INVALID_TRANSITION');
    // only the director signs it
    given([...history('PSM030'), filed]).when({ type: 'SignDispatchRequest', data: { approve: true } }, am).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given([...history('PSM030'), filed]).when({ type: 'SignDispatchRequest', data: { approve: true } }, director)
      .then([{ type: 'DispatchRequestSigned', data: { signedBy: 'dir-sun', deadlines: teamClock } }]);
    // a refused trip says why; the request still goes to the team, on the same clock
    given([...history('PSM030'), filed]).when({ type: 'SignDispatchRequest', data: { approve: false } }, director).thenThrows('REASON_REQUIRED');
    const refused: ProjectEvent = { type: 'DispatchRequestRefused', data: { decidedBy: 'dir-sun', comments: 'a video call will do', deadlines: teamClock } };
    given([...history('PSM030'), filed]).when({ type: 'SignDispatchRequest', data: { approve: false, comments: 'a video call will do' } }, director).then([refused]);
    expect(stateAfter([...history('PSM030'), filed, refused]).solutionRequest).toMatchObject({ status: 'AWAITING_ANSWER', dispatch: { status: 'REFUSED', decidedBy: 'dir-sun' } });
    given([...history('PSM030'), filed, refused]).when(answer(true), engineer).then([{ type: 'SolutionRequestAnswered', data: { willMake: true, answeredBy: ENGINEER } }]);
    // nothing to sign without a dispatch waiting
    given([...history('PSM030'), requested]).when({ type: 'SignDispatchRequest', data: { approve: true } }, director).thenThrows('INVALID_TRANSITION');
  });

  it('a refusal is written by the technical team\'s manager (部门主管或主管经理), its letter filed with sales', () => {
    given([...history('PSM030'), requested]).when(answer(false, 'no capacity'), engineer).thenThrows('APPROVAL_LEVEL_REQUIRED');
    const reply = doc('refusal letter');
    given([...history('PSM030'), requested]).when({ type: 'AnswerSolutionRequest', data: { willMake: false, reason: 'no capacity', reply } }, techManager)
      .then([{ type: 'SolutionRequestAnswered', data: { willMake: false, reason: 'no capacity', reply, answeredBy: 'tm-he' } }]);
    expect(stateAfter([...history('PSM030'), requested, declined]).solutionRequest).toMatchObject({ status: 'DECLINED', answer: { willMake: false, reason: 'no capacity' } });
  });

  it('sales disputes a refusal once; the sales GM decides, and a decision to make the solution makes the request accepted', () => {
    const dispute = { type: 'DisputeSolutionAnswer' as const, data: { reason: 'a key account' } };
    given([...history('PSM030'), requested]).when(dispute, am).thenThrows('INVALID_TRANSITION');
    given([...history('PSM030'), requested, declined]).when(dispute, engineer).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given([...history('PSM030'), requested, declined]).when(dispute, am).then([disputed]);
    // while the GM decides, no new request replaces the disputed one
    given([...history('PSM030'), requested, declined, disputed]).when(request(), am).thenThrows('INVALID_TRANSITION');
    const decide = (makeSolution: boolean) => ({ type: 'DecideSolutionDispute' as const, data: { makeSolution, reasoning: 'the account matters this year' } });
    given([...history('PSM030'), requested, declined, disputed]).when(decide(true), director).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given([...history('PSM030'), requested, declined]).when(decide(true), gm).thenThrows('INVALID_TRANSITION');
    const decided: ProjectEvent = { type: 'SolutionDisputeDecided', data: { makeSolution: true, reasoning: 'the account matters this year', decidedBy: 'gm-qian' } };
    given([...history('PSM030'), requested, declined, disputed]).when(decide(true), gm).then([decided]);
    expect(stateAfter([...history('PSM030'), requested, declined, disputed, decided]).solutionRequest).toMatchObject({
      status: 'ACCEPTED', dispute: { decision: { makeSolution: true, decidedBy: 'gm-qian' } },
    });
    // the decision is final: the same refusal is not disputed again
    const upheld: ProjectEvent = { type: 'SolutionDisputeDecided', data: { makeSolution: false, reasoning: 'no capacity indeed', decidedBy: 'gm-qian' } };
    expect(stateAfter([...history('PSM030'), requested, declined, disputed, upheld]).solutionRequest?.status).toBe('DECLINED');
    given([...history('PSM030'), requested, declined, disputed, upheld]).when(dispute, am).thenThrows('INVALID_TRANSITION');
  });
});

const ENTRY = '0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d';
const published: StandardSolutionEvent = {
  type: 'StandardSolutionPublished',
  data: { entryId: ENTRY, name: 'ROBOT_CELL 标准双工位工作站', productLine: 'ROBOT_CELL', version: 1, document: doc('standard cell'), referencePrice: cny(680_000), publishedBy: 'mk-zhou' },
};
const revised: StandardSolutionEvent = {
  type: 'StandardSolutionRevised',
  data: { version: 2, document: doc('standard cell', 2), referencePrice: cny(650_000), publishedBy: 'mk-zhou', changes: 'a cheaper positioner' },
};
const withdrawn: StandardSolutionEvent = { type: 'StandardSolutionWithdrawn', data: { reason: 'no longer standard', withdrawnBy: 'mk-zhou' } };

describe('标准方案库: the catalogue of standard solutions, its own streams', () => {
  const run = (command: Parameters<typeof decideStandardSolution>[1], events: StandardSolutionEvent[], actor = marketing, policy = contextFor(marketing).policy) =>
    decideStandardSolution(ENTRY, command, foldStandardSolution(events), contextFor(actor, { policy }));
  const code = refusalCode;

  it('who keeps it is the profile\'s: 市场部 under enterprise-standard, the technical manager under equipment-maker', () => {
    const publish = { type: 'PublishStandardSolution' as const, data: { name: published.data.name, productLine: 'ROBOT_CELL', document: doc('standard cell'), referencePrice: cny(680_000) } };
    expect(run(publish, [])).toEqual([published]);
    expect(code(() => run(publish, [], techManager))).toBe('NOT_ALLOWED_FOR_ROLE');
    expect(run(publish, [], techManager, EQUIPMENT_MAKER)).toEqual([{ ...published, data: { ...published.data, publishedBy: 'tm-he' } }]);
    expect(code(() => run(publish, [published]))).toBe('INVALID_TRANSITION');
    expect(code(() => run({ ...publish, data: { ...publish.data, referencePrice: { amount: 1, currency: 'USD' } } }, []))).toBe('INVALID_INPUT');
  });

  it('a new version is published, never edited; a withdrawn entry takes no more versions', () => {
    const revise = { type: 'ReviseStandardSolution' as const, data: { document: doc('standard cell', 2), referencePrice: cny(650_000), changes: 'a cheaper positioner' } };
    expect(run(revise, [published])).toEqual([revised]);
    expect(code(() => run({ ...revise, data: { ...revise.data, document: doc('standard cell') } }, [published]))).toBe('INVALID_INPUT');
    expect(code(() => run(revise, []))).toBe('STANDARD_SOLUTION_UNAVAILABLE');
    expect(run({ type: 'WithdrawStandardSolution', data: { reason: 'no longer standard' } }, [published, revised])).toEqual([withdrawn]);
    expect(code(() => run(revise, [published, withdrawn]))).toBe('STANDARD_SOLUTION_UNAVAILABLE');
    expect(foldStandardSolution([published, revised, withdrawn])).toMatchObject({ status: 'WITHDRAWN', versions: [{ version: 1 }, { version: 2 }] });
  });
});

describe('标准方案 fast path (document 003 L33, 001 L447): a standard product goes on to its quotation without a committee review', () => {
  const catalogue = (...events: StandardSolutionEvent[]) => ({ standardSolutions: { [ENTRY]: foldStandardSolution(events) as StandardSolution } });
  const send = (version = 2) => ({ type: 'SendStandardSolution' as const, data: { entryId: ENTRY, version } });
  const sent: ProjectEvent = {
    type: 'StandardSolutionSent',
    data: { entryId: ENTRY, name: published.data.name, version: 2, referenceSolution: doc('standard cell', 2), referencePrice: cny(650_000), sentBy: AM },
  };

  it('the account manager sends the version in force and its reference price; the entry and version are recorded and the project is at its quotation', () => {
    given(history('REVIEW')).when(send(), am, catalogue(published, revised)).then([sent]);
    const after = stateAfter([...history('REVIEW'), sent]);
    expect(after).toMatchObject({ stage: 'PSM040_QUOTATION', standardSolution: { entryId: ENTRY, version: 2 } });
    expect(after.solution).toBeUndefined();
    // the quotation follows without a review
    const quotation = { type: 'SubmitQuotation' as const, data: { amount: cny(650_000), document: doc('quotation') } };
    expect(given([...history('REVIEW'), sent]).when(quotation, am).events().map((event) => event.type)).toEqual(['QuotationSubmitted']);
    given(history('REVIEW')).when(quotation, am).thenThrows('INVALID_TRANSITION');
  });

  it('only for a product the catalogue covers, at the version in force of an entry not withdrawn', () => {
    given(history('REVIEW')).when(send(), am, {}).thenThrows('STANDARD_SOLUTION_UNAVAILABLE');
    given(history('REVIEW')).when(send(3), am, catalogue(published, revised)).thenThrows('STANDARD_SOLUTION_UNAVAILABLE');
    given(history('REVIEW')).when(send(1), am, catalogue(published, revised)).thenThrows('STANDARD_SOLUTION_UNAVAILABLE');
    given(history('REVIEW')).when(send(), am, catalogue(published, revised, withdrawn)).thenThrows('STANDARD_SOLUTION_UNAVAILABLE');
    const otherLine = { ...published, data: { ...published.data, productLine: 'PRODUCTION_LINE' } } as StandardSolutionEvent;
    given(history('REVIEW')).when(send(1), am, catalogue(otherLine)).thenThrows('STANDARD_SOLUTION_UNAVAILABLE');
  });

  it('not before the solution stage, not while a version is under review, not by the engineer', () => {
    given(history('PSM030')).when(send(), am, catalogue(published, revised)).thenThrows('INVALID_TRANSITION');
    given(history('PSM040')).when(send(), am, catalogue(published, revised)).thenThrows('INVALID_TRANSITION');
    given(history('REVIEW')).when(send(), engineer, catalogue(published, revised)).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });
});
