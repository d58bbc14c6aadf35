import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { fold } from '../../../src/domain/project/state.js';
import { as, given } from './given-when-then.js';
import { agreementPassed, AM, cny, contracting, countersigned, doc, drafted, dueBy, handedOver, history, negotiating, summaryDue, won } from './fixtures.js';

const am = as(AM, 'ACCOUNT_MANAGER');
const contract = doc('contract');
const draft = (yuan = 90_000, extraSigners: Array<{ role: 'TECH_MANAGER' | 'OPERATIONS_CENTER'; userId?: string }> = [], n = 1) =>
  ({ type: 'DraftContract' as const, data: { document: doc('contract', n), amount: cny(yuan), extraSigners } });
const sign = (sha = contract.sha256) => ({ type: 'Countersign' as const, data: { decision: 'SIGN' as const, documentSha256: sha } });
const rejectSign = (comments?: string) => ({ type: 'Countersign' as const, data: { decision: 'REJECT' as const, documentSha256: contract.sha256, comments } });
const signed = (step: number, signerId: string, role: 'ACCOUNT_MANAGER' | 'MARKETING' | 'BU_GENERAL_MANAGER' | 'TECH_MANAGER'): ProjectEvent =>
  ({ type: 'ContractCountersigned', data: { version: 1, step, signerId, role, documentSha256: contract.sha256 } });

describe('PSM070 contract text 确定合同文本', () => {
  it('only after the technical agreement is signed', () => {
    given(negotiating()).when(draft(), am).thenThrows('INVALID_TRANSITION');
  });
  it('the chain is preparer → marketing → BU general manager, extra parties inserted before the last', () => {
    given(contracting()).when(draft(90_000, [{ role: 'TECH_MANAGER', userId: 'tm-he' }]), am).then([{
      type: 'ContractDrafted',
      data: {
        version: 1, document: contract, amount: cny(90_000), quotationVersion: 1,
        chain: [{ role: 'ACCOUNT_MANAGER', userId: AM }, { role: 'MARKETING' }, { role: 'TECH_MANAGER', userId: 'tm-he' }, { role: 'BU_GENERAL_MANAGER' }],
        deadlines: [dueBy('CONTRACT_REVIEW', '2026-11-25', [{ userId: AM }, { role: 'MARKETING' }, { userId: 'tm-he' }, { role: 'BU_GENERAL_MANAGER' }])],
      },
    }]);
  });
  it('the contract carries the approved amount: no approving one amount and signing another', () => {
    given(contracting()).when(draft(99_000), am).thenThrows('DOCUMENT_CHANGED');
    const requoted: ProjectEvent[] = [...contracting(), { type: 'QuotationSubmitted', data: { version: 2, amount: cny(99_000), document: doc('quotation', 2), requiredApprovals: ['TECH_MANAGER'] } }];
    given(requoted).when(draft(99_000), am).thenThrows('QUOTATION_NOT_APPROVED');
  });
});

describe('PSM070 countersign 会签', () => {
  it('only the next signer in the chain may sign', () => {
    given(drafted()).when(sign(), as('mk-zhou', 'MARKETING')).thenThrows('NOT_NEXT_SIGNER');
    given(drafted()).when(sign(), as('am-other', 'ACCOUNT_MANAGER')).thenThrows('NOT_NEXT_SIGNER');
    given(drafted()).when(sign(), am).then([signed(0, AM, 'ACCOUNT_MANAGER')]);
    given([...drafted(), signed(0, AM, 'ACCOUNT_MANAGER')]).when(sign(), as('gm-qian', 'BU_GENERAL_MANAGER')).thenThrows('NOT_NEXT_SIGNER');
    given([...drafted(), signed(0, AM, 'ACCOUNT_MANAGER')]).when(sign(), as('mk-zhou', 'MARKETING')).then([signed(1, 'mk-zhou', 'MARKETING')]);
  });
  it('one person signs one step', () => {
    given([...drafted(), signed(0, AM, 'ACCOUNT_MANAGER')]).when(sign(), as(AM, 'ACCOUNT_MANAGER', 'MARKETING')).thenThrows('NOT_NEXT_SIGNER');
  });
  it('a countersign covers the draft it saw', () => {
    given(drafted()).when(sign(doc('contract', 7).sha256), am).thenThrows('DOCUMENT_CHANGED');
  });
  it('a rejection needs comments and sends the contract back for a new draft that restarts the chain', () => {
    const atMarketing = [...drafted(), signed(0, AM, 'ACCOUNT_MANAGER')];
    given(atMarketing).when(rejectSign(), as('mk-zhou', 'MARKETING')).thenThrows('REASON_REQUIRED');
    const rejected: ProjectEvent = { type: 'CountersignRejected', data: { version: 1, step: 1, signerId: 'mk-zhou', role: 'MARKETING', comments: 'payment terms' } };
    given(atMarketing).when(rejectSign('payment terms'), as('mk-zhou', 'MARKETING')).then([rejected]);
    given([...atMarketing, rejected]).when(sign(), as('mk-zhou', 'MARKETING')).thenThrows('INVALID_TRANSITION');
    const redrafted = [...atMarketing, rejected, ...given([...atMarketing, rejected]).when(draft(90_000, [], 2), am).events()];
    given(redrafted).when(sign(doc('contract', 2).sha256), as('mk-zhou', 'MARKETING')).thenThrows('NOT_NEXT_SIGNER');
    expect(given(redrafted).when(sign(doc('contract', 2).sha256), am).events()[0]).toMatchObject({ data: { version: 2, step: 0 } });
  });
});

describe('PSM080 contract signed 签订合同', () => {
  const signContract = { type: 'SignContract' as const, data: { signedOn: '2026-11-24', document: contract, capacity: 'DEPARTMENT_LEADER' as const } };
  const leader = as('dl-feng', 'DEPARTMENT_LEADER');
  it('only when every countersign is done; the project is WON with the signed amount', () => {
    given([...drafted(), signed(0, AM, 'ACCOUNT_MANAGER')]).when(signContract, leader).thenThrows('INVALID_TRANSITION');
    given(countersigned()).when(signContract, leader).then([{
      type: 'ContractSigned',
      data: { version: 1, amount: cny(90_000), signedOn: '2026-11-24', document: contract, signerId: 'dl-feng', capacity: 'DEPARTMENT_LEADER', ...summaryDue },
    }]);
    expect(fold(won())).toMatchObject({ stage: 'WON', signedAmount: cny(90_000) });
  });
  it('a quotation changed after the countersigns stops the signature', () => {
    const requoted: ProjectEvent[] = [...countersigned(), { type: 'QuotationSubmitted', data: { version: 2, amount: cny(70_000), document: doc('quotation', 2), requiredApprovals: ['TECH_MANAGER'] } }];
    given(requoted).when(signContract, leader).thenThrows('QUOTATION_NOT_APPROVED');
  });
});

describe('termination 终止', () => {
  const request = { type: 'RequestTermination' as const, data: { reason: 'customer budget frozen' } };
  const requested: ProjectEvent = { type: 'TerminationRequested', data: { reason: 'customer budget frozen', requestedBy: AM, deciders: ['SALES_DIRECTOR'] } };
  const requestedMajor: ProjectEvent = { type: 'TerminationRequested', data: { reason: 'customer budget frozen', requestedBy: AM, deciders: ['BU_GENERAL_MANAGER'] } };
  it('any open stage may request it, once at a time', () => {
    given(history('REVIEW')).when(request, am).then([requested]);
    given([...history('REVIEW'), requested]).when(request, am).thenThrows('INVALID_TRANSITION');
    given(won()).when(request, am).thenThrows('INVALID_TRANSITION');
  });
  it('decided by the sales director for GENERAL and the BU general manager for MAJOR projects', () => {
    const decide = { type: 'DecideTermination' as const, data: { approve: true } };
    given([...history('REVIEW'), requested]).when(decide, as('dir-sun', 'SALES_DIRECTOR'))
      .then([{ type: 'ProjectTerminated', data: { decidedBy: 'dir-sun', comments: undefined, ...summaryDue } }]);
    expect(given(history('REVIEW', 'MAJOR', ['a', 'b', 'c'])).when(request, am).events()).toEqual([requestedMajor]);
    const major = [...history('REVIEW', 'MAJOR', ['a', 'b', 'c']), requestedMajor];
    given(major).when(decide, as('dir-sun', 'SALES_DIRECTOR')).thenThrows('APPROVAL_LEVEL_REQUIRED');
    given(major).when(decide, as('gm-qian', 'BU_GENERAL_MANAGER')).then([{ type: 'ProjectTerminated', data: { decidedBy: 'gm-qian', comments: undefined, ...summaryDue } }]);
  });
  it('only an open project is terminated: one that closed while the request waited keeps its outcome', () => {
    const decide = { type: 'DecideTermination' as const, data: { approve: true } };
    const signedMeanwhile = [...countersigned(), requested, won().at(-1)!];
    given(signedMeanwhile).when(decide, as('dir-sun', 'SALES_DIRECTOR')).thenThrows('INVALID_TRANSITION');
    given(signedMeanwhile).when({ type: 'DecideTermination', data: { approve: false, comments: 'moot' } }, as('dir-sun', 'SALES_DIRECTOR')).thenThrows('INVALID_TRANSITION');
  });
  it('a declined termination gives its reasons and the project goes on', () => {
    given([...history('REVIEW'), requested]).when({ type: 'DecideTermination', data: { approve: false } }, as('dir-sun', 'SALES_DIRECTOR')).thenThrows('REASON_REQUIRED');
    const declined: ProjectEvent = { type: 'TerminationDeclined', data: { decidedBy: 'dir-sun', comments: 'keep trying' } };
    expect(fold([...history('REVIEW'), requested, declined])).toMatchObject({ stage: 'PSM030_SOLUTION', termination: undefined });
  });
});

describe('summary 项目总结', () => {
  const summary = { type: 'SummarizeProject' as const, data: { reasons: ['TECHNICAL' as const], text: 'reference case won it' } };
  it('a summary comes after the handover of a WON project (received or not), or after a loss, a termination or a tender not bid, once', () => {
    given(won()).when(summary, am).thenThrows('INVALID_TRANSITION');
    const handed = handedOver();
    given(handed).when(summary, am).then([{ type: 'ProjectSummarized', data: { outcome: 'WON', reasons: ['TECHNICAL'], text: 'reference case won it', participants: [] } }]);
    given(history('REVIEW')).when(summary, am).thenThrows('INVALID_TRANSITION');
    const notBid: ProjectEvent[] = [...history('QUOTATION_APPROVED'), { type: 'ProcurementChosen', data: { method: 'TENDER' } }, { type: 'BidDecided', data: { decision: 'NO_BID', reason: 'x', decidedBy: 'd' } }];
    expect(given(notBid).when(summary, am).events()[0]).toMatchObject({ data: { outcome: 'NOT_BID' } });
    given([...notBid, ...given(notBid).when(summary, am).events()]).when(summary, am).thenThrows('INVALID_TRANSITION');
  });
  it('reasons come from the policy list and at least one is given', () => {
    given(handedOver()).when({ ...summary, data: { ...summary.data, reasons: [] } }, am).thenThrows('REASON_REQUIRED');
  });
});

describe('tracking 项目跟踪 and documents 归档', () => {
  it('tracking notes and documents are kept at any stage', () => {
    const note = { kind: 'VISIT' as const, note: 'visited the plant', nextAction: 'send the quotation', nextActionOn: '2026-12-01' };
    given(won()).when({ type: 'AddTrackingNote', data: note }, as('sup-zhao', 'SALES_SUPERVISOR')).then([{ type: 'TrackingNoteAdded', data: { ...note, contactedOn: '2026-11-24', participants: [] } }]);
    const attached = { kind: 'MEMO', version: '1', ...doc('memo') };
    given(history('QUALIFIED')).when({ type: 'AttachDocument', data: attached }, am).then([{ type: 'DocumentAttached', data: attached }]);
    given(history('QUALIFIED')).when({ type: 'AttachDocument', data: attached }, as('admin', 'ADMIN')).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });
});

describe('the customer declines 客户不接受: the process ends, with no termination to approve and no loss', () => {
  const declined = (subject: 'SOLUTION' | 'TECHNICAL_AGREEMENT' | 'CONTRACT_INTENT') =>
    ({ type: 'RecordCustomerDeclined' as const, data: { subject, reason: 'chose another supplier' } });
  it('the solution at PSM030, the technical agreement at PSM060, the contract intent at PSM070, each closing the project', () => {
    const cases: Array<[ProjectEvent[], 'SOLUTION' | 'TECHNICAL_AGREEMENT' | 'CONTRACT_INTENT']> = [
      [history('REVIEW'), 'SOLUTION'], [agreementPassed(), 'TECHNICAL_AGREEMENT'], [contracting(false), 'CONTRACT_INTENT'],
    ];
    for (const [before, subject] of cases) {
      const events = given(before).when(declined(subject), am).events();
      expect(events).toEqual([{ type: 'CustomerDeclined', data: { subject, reason: 'chose another supplier', recordedBy: AM, ...summaryDue } }]);
      expect(fold([...before, ...events])).toMatchObject({ stage: 'CLOSED', outcome: 'CUSTOMER_DECLINED' });
    }
  });
  it('only where that refusal belongs, by the profile\'s account manager, with what the customer said', () => {
    given(history('REVIEW')).when(declined('CONTRACT_INTENT'), am).thenThrows('INVALID_TRANSITION');
    given(history('REVIEW')).when(declined('SOLUTION'), as('dir-sun', 'SALES_DIRECTOR')).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(history('REVIEW')).when({ type: 'RecordCustomerDeclined', data: { subject: 'SOLUTION', reason: ' ' } }, am).thenThrows('REASON_REQUIRED');
  });
  it('a project the customer declined can be summarized, as CUSTOMER_DECLINED', () => {
    const ended = [...history('REVIEW'), ...given(history('REVIEW')).when(declined('SOLUTION'), am).events()];
    const summary = { type: 'SummarizeProject' as const, data: { reasons: ['TECHNICAL' as const], text: 'the customer preferred a cheaper cell' } };
    expect(given(ended).when(summary, am).events()[0]).toMatchObject({ data: { outcome: 'CUSTOMER_DECLINED' } });
  });
});
