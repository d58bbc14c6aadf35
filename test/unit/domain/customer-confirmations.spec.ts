import type { ProjectCommand } from '../../../src/domain/project/commands.js';
import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { stageEnteredBy } from '../../../src/domain/project/stage-of.js';
import { fold, type Project } from '../../../src/domain/project/state.js';
import type { ConfirmedSubject, CustomerDocument } from '../../../src/domain/project/vocabulary.js';
import { EQUIPMENT_MAKER } from '../../support/policies.js';
import {
  AM, ENGINEER, MARKETING, agreementPassed, cny, confirmed, contracting, countersigned, doc, drafted, history, negotiating, tendering,
} from './fixtures.js';
import { as, given } from './given-when-then.js';

const marketing = as(MARKETING, 'MARKETING');
const am = as(AM, 'ACCOUNT_MANAGER');
const engineer = as(ENGINEER, 'PRESALES_ENGINEER');
const confirm = (subject: ConfirmedSubject, documentSha256: string): ProjectCommand => ({ type: 'RecordCustomerConfirmation', data: { subject, documentSha256 } });
const withMemo: ProjectEvent[] = [
  ...history('PSM030'),
  { type: 'ExchangeRecorded', data: { summary: 'met the plant manager', surveyNeeded: false, solutionDueOn: '2026-11-27', memo: doc('memo') } },
];
const solutionPassed = history('ACCEPTED');
const budgetSet: ProjectEvent = { type: 'SystemBudgetSet', data: { systemBudget: cny(600_000), setBy: AM } };
const quotationOf = (version: number, yuan = 90_000) => ({ type: 'SubmitQuotation' as const, data: { amount: cny(yuan), document: doc('quotation', version) } });

describe('customer confirmations 客户确认: a recorded fact on the version in force', () => {
  it('records each subject with the document, version and sha256 it confirms (a contract intent on the signed agreement; a solution with its budget)', () => {
    const cases: Array<[ProjectEvent[], ConfirmedSubject, CustomerDocument, number, string]> = [
      [withMemo, 'EXCHANGE_MEMO', 'EXCHANGE_MEMO', 1, doc('memo').sha256],
      [agreementPassed(false), 'TECHNICAL_AGREEMENT', 'TECHNICAL_AGREEMENT', 1, doc('agreement').sha256],
      [contracting(false), 'CONTRACT_INTENT', 'TECHNICAL_AGREEMENT', 1, doc('agreement').sha256],
      [countersigned(false), 'CONTRACT', 'CONTRACT', 1, doc('contract').sha256],
    ];
    expect(fold(withMemo)).toMatchObject({ stage: 'PSM030_SOLUTION', exchangeMemo: doc('memo') });
    for (const [events, subject, document, version, documentSha256] of cases) {
      given(events).when(confirm(subject, documentSha256), marketing).then([{ type: 'CustomerConfirmed', data: { subject, document, version, documentSha256, recordedBy: MARKETING } }]);
    }
    const accepted = given([...history('PSM040'), budgetSet, ...history('ACCEPTED').slice(history('PSM040').length)]).when(confirm('SOLUTION', doc('solution').sha256), marketing).events();
    expect(accepted).toEqual([{ type: 'CustomerConfirmed', data: { subject: 'SOLUTION', document: 'SOLUTION', version: 1, documentSha256: doc('solution').sha256, systemBudget: cny(600_000), recordedBy: MARKETING } }]);
    expect(fold([...solutionPassed, ...accepted])).toMatchObject({ confirmed: { SOLUTION: 1 }, withCustomer: { SOLUTION: 1 } });
  });

  it('is recorded by the profile\'s organiser: 市场部 under enterprise-standard, the supervisor under equipment-maker', () => {
    given(solutionPassed).when(confirm('SOLUTION', doc('solution').sha256), am).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(solutionPassed).when(confirm('SOLUTION', doc('solution').sha256), marketing, { policy: EQUIPMENT_MAKER }).thenThrows('NOT_ALLOWED_FOR_ROLE');
    expect(given(solutionPassed).when(confirm('SOLUTION', doc('solution').sha256), as('sup-zhao', 'SALES_SUPERVISOR'), { policy: EQUIPMENT_MAKER }).events()[0].type).toBe('CustomerConfirmed');
  });

  it('is refused on a stale version, twice on one version, before the document is approved, without a memo, and once the project is closed', () => {
    given(solutionPassed).when(confirm('SOLUTION', doc('solution', 2).sha256), marketing).thenThrows('DOCUMENT_CHANGED');
    given([...solutionPassed, confirmed('SOLUTION', 1, doc('solution').sha256)]).when(confirm('SOLUTION', doc('solution').sha256), marketing).thenThrows('INVALID_TRANSITION');
    given(history('PSM040')).when(confirm('SOLUTION', doc('solution').sha256), marketing).thenThrows('INVALID_TRANSITION');
    given(drafted()).when(confirm('CONTRACT', doc('contract').sha256), marketing).thenThrows('INVALID_TRANSITION');
    given(agreementPassed(false)).when(confirm('CONTRACT_INTENT', doc('agreement').sha256), marketing).thenThrows('INVALID_TRANSITION');
    given(history('REVIEW')).when(confirm('EXCHANGE_MEMO', doc('memo').sha256), marketing).thenThrows('INVALID_TRANSITION');
    const declined: ProjectEvent = { type: 'CustomerDeclined', data: { subject: 'TECHNICAL_AGREEMENT', reason: 'no', recordedBy: AM } };
    given([...withMemo, declined]).when(confirm('EXCHANGE_MEMO', doc('memo').sha256), marketing).thenThrows('INVALID_TRANSITION');
  });
});

describe('the gates the customer\'s word sets (document 000 §5.3–5.8)', () => {
  it('a quotation waits for the customer\'s acceptance of the solution and budget', () => {
    given(solutionPassed).when(quotationOf(1), am).thenThrows('INVALID_TRANSITION');
    expect(given(history('QUOTED')).when(quotationOf(1), am).events()[0].type).toBe('QuotationSubmitted');
  });

  it('signing the agreement waits for its terms confirmed, drafting the contract for the intent, signing it for its terms', () => {
    const signAgreement: ProjectCommand = { type: 'SignTechnicalAgreement', data: { documentSha256: doc('agreement').sha256, capacity: 'DEPARTMENT_LEADER' } };
    given(agreementPassed(false)).when(signAgreement, as('dl-feng', 'DEPARTMENT_LEADER')).thenThrows('INVALID_TRANSITION');
    given(agreementPassed()).when(signAgreement, as('dl-feng', 'DEPARTMENT_LEADER')).then([{ type: 'TechnicalAgreementSigned', data: { version: 1, signerId: 'dl-feng', capacity: 'DEPARTMENT_LEADER', documentSha256: doc('agreement').sha256 } }]);
    const draft: ProjectCommand = { type: 'DraftContract', data: { document: doc('contract'), amount: cny(90_000), extraSigners: [] } };
    given(contracting(false)).when(draft, am).thenThrows('INVALID_TRANSITION');
    expect(given(contracting()).when(draft, am).events()[0].type).toBe('ContractDrafted');
    const sign: ProjectCommand = { type: 'SignContract', data: { signedOn: '2026-11-24', document: doc('contract'), capacity: 'DEPARTMENT_LEADER' } };
    given(countersigned(false)).when(sign, as('dl-feng', 'DEPARTMENT_LEADER')).thenThrows('INVALID_TRANSITION');
    expect(given(countersigned()).when(sign, as('dl-feng', 'DEPARTMENT_LEADER')).events()[0].type).toBe('ContractSigned');
  });

  it('a confirmation covers its version only: a redrafted contract is confirmed again before it is signed', () => {
    const redrafted = [...countersigned(), { type: 'ContractDrafted', data: { version: 2, document: doc('contract', 2), amount: cny(90_000), quotationVersion: 1, chain: [{ role: 'BU_GENERAL_MANAGER' }] } },
      { type: 'ContractCountersigned', data: { version: 2, step: 0, signerId: 'gm-qian', role: 'BU_GENERAL_MANAGER', documentSha256: doc('contract', 2).sha256 } }] as ProjectEvent[];
    given(redrafted).when({ type: 'SignContract', data: { signedOn: '2026-11-24', document: doc('contract', 2), capacity: 'DEPARTMENT_LEADER' } }, as('dl-feng', 'DEPARTMENT_LEADER')).thenThrows('INVALID_TRANSITION');
    given(redrafted).when(confirm('CONTRACT', doc('contract').sha256), marketing).thenThrows('DOCUMENT_CHANGED');
    expect(given(redrafted).when(confirm('CONTRACT', doc('contract', 2).sha256), marketing).events()[0].data).toMatchObject({ version: 2 });
  });

  it('a decline ends the project: the solution once passed until its quotation; no contract intent once it was stated', () => {
    const declined = (subject: 'SOLUTION' | 'CONTRACT_INTENT'): ProjectCommand => ({ type: 'RecordCustomerDeclined', data: { subject, reason: 'chose another supplier' } });
    expect(given(solutionPassed).when(declined('SOLUTION'), am).events()[0].type).toBe('CustomerDeclined');
    given(history('APPROVED')).when(declined('SOLUTION'), am).thenThrows('INVALID_TRANSITION');
    given(contracting()).when(declined('CONTRACT_INTENT'), am).thenThrows('INVALID_TRANSITION');
  });
});

describe('sent to the customer 提交给客户, and signing appointments 签约预约', () => {
  it('an approved version goes to the customer, once; what the customer last received is in the state', () => {
    const send = { type: 'SendToCustomer' as const, data: { document: 'QUOTATION' as const, documentSha256: doc('quotation').sha256 } };
    given(history('APPROVED')).when(send, marketing).thenThrows('INVALID_TRANSITION');
    const sent = given(history('QUOTATION_APPROVED')).when(send, marketing).events();
    expect(sent).toEqual([{ type: 'SentToCustomer', data: { document: 'QUOTATION', version: 1, documentSha256: doc('quotation').sha256, sentBy: MARKETING } }]);
    expect((fold([...history('QUOTATION_APPROVED'), ...sent]) as Project).withCustomer).toEqual({ SOLUTION: 1, QUOTATION: 1 });
    given([...history('QUOTATION_APPROVED'), ...sent]).when(send, marketing).thenThrows('INVALID_TRANSITION');
    given(history('QUOTATION_APPROVED')).when({ ...send, data: { ...send.data, documentSha256: doc('quotation', 2).sha256 } }, marketing).thenThrows('DOCUMENT_CHANGED');
  });

  it('the organiser books the signing of the version approved, on a day to come, at a place', () => {
    const book = (document: 'TECHNICAL_AGREEMENT' | 'CONTRACT', appointedOn = '2026-11-26', place = '客户会议室') => ({ type: 'BookSigning' as const, data: { document, appointedOn, place } });
    given(agreementPassed()).when(book('TECHNICAL_AGREEMENT'), marketing).then([{ type: 'SigningBooked', data: { document: 'TECHNICAL_AGREEMENT', version: 1, appointedOn: '2026-11-26', place: '客户会议室', bookedBy: MARKETING } }]);
    given(drafted()).when(book('CONTRACT'), marketing).thenThrows('INVALID_TRANSITION');
    given(countersigned()).when(book('CONTRACT', '2026-11-23'), marketing).thenThrows('INVALID_INPUT');
    given(countersigned()).when(book('CONTRACT', '2026-11-24', ' '), marketing).thenThrows('REASON_REQUIRED');
    given(countersigned()).when(book('CONTRACT'), am).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(countersigned()).when(book('CONTRACT'), as('sup-zhao', 'SALES_SUPERVISOR'), { policy: EQUIPMENT_MAKER }).then([
      { type: 'SigningBooked', data: { document: 'CONTRACT', version: 1, appointedOn: '2026-11-26', place: '客户会议室', bookedBy: 'sup-zhao' } },
    ]);
  });
});

describe('revisions after approval 方案与报价的修改: filed, reviewed and approved again by the same rules', () => {
  const revised = (before: ProjectEvent[]): ProjectEvent[] => [
    ...before,
    { type: 'SolutionSubmitted', data: { version: 2, document: doc('solution', 2), authorId: ENGINEER, organisers: ['MARKETING'] } },
    { type: 'ReviewConvened', data: { subject: 'SOLUTION', version: 2, reviewers: ['rv-1'], approvalsNeeded: 1, convenedBy: MARKETING } },
  ];
  const approve = { type: 'ApproveReview' as const, data: { subject: 'SOLUTION' as const, documentSha256: doc('solution', 2).sha256 } };

  it('a new solution version in negotiation passes where the project stands, flagged a revision; the stage is kept', () => {
    expect(given(negotiating()).when({ type: 'SubmitSolution', data: { document: doc('solution', 2) } }, engineer).events()[0]).toMatchObject({ type: 'SolutionSubmitted', data: { version: 2 } });
    const events = given(revised(negotiating())).when(approve, as('rv-1', 'REVIEWER')).events();
    expect(events[1]).toEqual({ type: 'ReviewPassed', data: { subject: 'SOLUTION', version: 2, approvals: 1, revision: true } });
    expect(stageEnteredBy(events[1])).toBeUndefined();
    expect(fold([...revised(negotiating()), ...events])).toMatchObject({ stage: 'PSM060_NEGOTIATION', solution: { version: 2, status: 'PASSED' } });
  });

  it('a quotation follows the solution in force: refused while it is under revision, and until the customer accepted the revised version', () => {
    given(revised(negotiating())).when(quotationOf(2, 95_000), am).thenThrows('INVALID_TRANSITION');
    const passed = [...revised(negotiating()), ...given(revised(negotiating())).when(approve, as('rv-1', 'REVIEWER')).events()];
    given(passed).when(quotationOf(2, 95_000), am).thenThrows('INVALID_TRANSITION');
    const requoted = given([...passed, confirmed('SOLUTION', 2, doc('solution', 2).sha256)]).when(quotationOf(2, 95_000), am).events();
    expect(requoted).toEqual([{ type: 'QuotationSubmitted', data: { version: 2, amount: cny(95_000), document: doc('quotation', 2), requiredApprovals: ['TECH_MANAGER'] } }]);
    // the approvals of v1 stay with v1: v2 is not approved until approved again
    expect((fold([...passed, ...requoted]) as Project).quotation).toMatchObject({ version: 2, approvals: [] });
  });

  it('a solution is revised in a tender until the bid is submitted', () => {
    const bidding: ProjectEvent[] = [...tendering(), { type: 'BidDecided', data: { decision: 'BID', decidedBy: AM } }];
    expect(given(bidding).when({ type: 'SubmitSolution', data: { document: doc('solution', 2) } }, engineer).events()[0].type).toBe('SolutionSubmitted');
    const submitted: ProjectEvent[] = [...bidding, { type: 'BidSubmitted', data: { price: cny(90_000) } }];
    given(submitted).when({ type: 'SubmitSolution', data: { document: doc('solution', 2) } }, engineer).thenThrows('INVALID_TRANSITION');
  });
});
