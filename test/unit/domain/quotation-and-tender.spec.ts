import type { ProjectEvent } from '../../../src/domain/project/events.js';
import type { BidStep } from '../../../src/domain/project/vocabulary.js';
import { ENTERPRISE_STANDARD } from '../../support/policies.js';
import { as, given } from './given-when-then.js';
import { AM, cny, doc, dueBy, history, summaryDue, tendering } from './fixtures.js';

const am = as(AM, 'ACCOUNT_MANAGER');
const quote = (yuan: number, n = 1) => ({ type: 'SubmitQuotation' as const, data: { amount: cny(yuan), document: doc('quotation', n) } });
const approveQuote = (n = 1) => ({ type: 'ApproveQuotation' as const, data: { documentSha256: doc('quotation', n).sha256 } });
const quoted = (yuan: number, requiredApprovals: Array<'TECH_MANAGER' | 'OPERATIONS_CENTER' | 'BU_GENERAL_MANAGER'>, projectClass: 'GENERAL' | 'MAJOR' = 'GENERAL'): ProjectEvent[] => [
  ...history('QUOTED', projectClass, projectClass === 'MAJOR' ? ['a', 'b', 'c'] : ['rv-1']),
  { type: 'QuotationSubmitted', data: { version: 1, amount: cny(yuan), document: doc('quotation'), requiredApprovals } },
];

describe('PSM040 quotation 确定报价', () => {
  it('only after the solution review passed', () => {
    given(history('PSM040')).when(quote(90_000), am).thenThrows('INVALID_TRANSITION');
  });
  it('up to 100,000 CNY the tech manager approves; above, the operations center', () => {
    given(history('QUOTED')).when(quote(100_000), am)
      .then([{ type: 'QuotationSubmitted', data: { version: 1, amount: cny(100_000), document: doc('quotation'), requiredApprovals: ['TECH_MANAGER'] } }]);
    expect(given(history('QUOTED')).when(quote(100_001), am).events()[0]).toMatchObject({ data: { requiredApprovals: ['OPERATIONS_CENTER'] } });
  });
  it('a MAJOR project also needs the BU general manager', () => {
    expect(given(history('QUOTED', 'MAJOR', ['a', 'b', 'c'])).when(quote(50_000), am).events()[0])
      .toMatchObject({ data: { requiredApprovals: ['TECH_MANAGER', 'BU_GENERAL_MANAGER'] } });
  });
  it('a GENERAL project quoted above the MAJOR threshold becomes MAJOR: the quotation and every later step follow that class', () => {
    const raised: ProjectEvent[] = given(history('QUOTED')).when(quote(5_000_001), am).events();
    expect(raised).toEqual([
      { type: 'ProjectClassRaised', data: { from: 'GENERAL', to: 'MAJOR', reason: 'QUOTATION_ABOVE_THRESHOLD', amount: cny(5_000_001) } },
      { type: 'QuotationSubmitted', data: { version: 1, amount: cny(5_000_001), document: doc('quotation'), requiredApprovals: ['OPERATIONS_CENTER', 'BU_GENERAL_MANAGER'] } },
    ]);
    // the termination of a MAJOR project is the BU general manager's
    const terminating = given([...history('QUOTED'), ...raised]).when({ type: 'RequestTermination', data: { reason: 'customer stopped' } }, am).events();
    expect(terminating[0]).toMatchObject({ data: { deciders: ['BU_GENERAL_MANAGER'] } });
    expect(given(history('QUOTED')).when(quote(5_000_000), am).events().map((event) => event.type)).toEqual(['QuotationSubmitted']);
  });
  it('thresholds are policy, not code', () => {
    const policy = { ...ENTERPRISE_STANDARD, quotationApprovalLevel: 200_000_00 };
    expect(given(history('QUOTED')).when(quote(150_000), am, { policy }).events()[0]).toMatchObject({ data: { requiredApprovals: ['TECH_MANAGER'] } });
  });
  it('an approver below the level the amount needs is refused', () => {
    given(quoted(200_000, ['OPERATIONS_CENTER'])).when(approveQuote(), as('tm-he', 'TECH_MANAGER')).thenThrows('APPROVAL_LEVEL_REQUIRED');
    given(quoted(200_000, ['OPERATIONS_CENTER'])).when(approveQuote(), as('oc-ma', 'OPERATIONS_CENTER'))
      .then([{ type: 'QuotationApproved', data: { version: 1, role: 'OPERATIONS_CENTER', approverId: 'oc-ma', documentSha256: doc('quotation').sha256 } }]);
  });
  it('one person gives one approval per quotation', () => {
    const both = as('boss', 'OPERATIONS_CENTER', 'BU_GENERAL_MANAGER');
    const major = quoted(200_000, ['OPERATIONS_CENTER', 'BU_GENERAL_MANAGER'], 'MAJOR');
    const once = given(major).when(approveQuote(), both).events();
    given([...major, ...once]).when(approveQuote(), both).thenThrows('ALREADY_VOTED');
  });
  it('an approval covers the quotation it saw: a new amount voids it', () => {
    const approved = history('QUOTATION_APPROVED');
    const requoted: ProjectEvent[] = [...approved, { type: 'QuotationSubmitted', data: { version: 2, amount: cny(95_000), document: doc('quotation', 2), requiredApprovals: ['TECH_MANAGER'] } }];
    given(requoted).when(approveQuote(1), as('tm-he', 'TECH_MANAGER')).thenThrows('DOCUMENT_CHANGED');
    given(requoted).when({ type: 'ChooseProcurement', data: { method: 'TENDER' } }, am).thenThrows('QUOTATION_NOT_APPROVED');
  });
  it('the procurement method is chosen once the quotation is approved', () => {
    given(history('APPROVED')).when({ type: 'ChooseProcurement', data: { method: 'TENDER' } }, am).thenThrows('QUOTATION_NOT_APPROVED');
    given(history('QUOTATION_APPROVED')).when({ type: 'ChooseProcurement', data: { method: 'NEGOTIATION' } }, am)
      .then([{ type: 'ProcurementChosen', data: { method: 'NEGOTIATION' } }]);
  });
});

describe('PSM050 tender 商务招投标', () => {
  const director = as('dir-sun', 'SALES_DIRECTOR');
  const supervisor = as('sup-zhao', 'SALES_SUPERVISOR');
  const marketing = as('mk-lin', 'MARKETING');
  const bid: ProjectEvent = { type: 'BidDecided', data: { decision: 'BID', decidedBy: AM } };
  const purchased: ProjectEvent = {
    type: 'TenderDocumentsPurchased',
    data: {
      openingOn: '2026-12-10', bidDocumentsCheckDueOn: '2026-12-07',
      // the bond: no deadline given, so the day before the opening (enterprise-standard)
      deadlines: [dueBy('BID_CHECK', '2026-12-07', [{ role: 'MARKETING' }]), dueBy('BID_BOND', '2026-12-09', [{ role: 'ACCOUNT_MANAGER' }, { role: 'SALES_SUPERVISOR' }])],
    },
  };
  const checked: ProjectEvent = { type: 'BidDocumentsChecked', data: { checkedBy: 'mk-lin' } };
  const sealed: ProjectEvent = { type: 'BidSealed', data: { delivery: 'COURIER', sealedBy: 'mk-lin' } };
  const submitted: ProjectEvent = { type: 'BidSubmitted', data: { price: cny(90_000) } };
  const step = (s: BidStep, extra = {}) => ({ type: 'RecordBidStep' as const, data: { step: s, ...extra } });

  it('the account manager decides bid or no-bid (enterprise-standard); no-bid needs a reason and ends the project as LOST', () => {
    given(tendering()).when({ type: 'DecideBid', data: { decision: 'NO_BID' } }, am).thenThrows('REASON_REQUIRED');
    given(tendering()).when({ type: 'DecideBid', data: { decision: 'BID' } }, director).thenThrows('NOT_ALLOWED_FOR_ROLE');
    const noBid: ProjectEvent = { type: 'BidDecided', data: { decision: 'NO_BID', reason: 'qualification', decidedBy: AM, phase: 'INTENT', ...summaryDue } };
    given(tendering()).when({ type: 'DecideBid', data: { decision: 'NO_BID', reason: 'qualification' } }, am).then([noBid]);
    given([...tendering(), noBid]).when(step('DOCUMENTS_PURCHASED', { openingOn: '2026-12-10' }), am).thenThrows('INVALID_TRANSITION');
  });
  it('tender steps follow a bid decision, in order', () => {
    given(tendering()).when(step('DOCUMENTS_PURCHASED', { openingOn: '2026-12-10' }), am).thenThrows('INVALID_TRANSITION');
    given([...tendering(), bid]).when(step('DOCUMENTS_PURCHASED', { openingOn: '2026-12-10' }), am).then([purchased]);
    given([...tendering(), bid]).when(step('DOCUMENTS_CHECKED'), marketing).thenThrows('INVALID_TRANSITION');
    given([...tendering(), bid, purchased]).when(step('BID_SUBMITTED', { amount: cny(90_000) }), am).thenThrows('INVALID_TRANSITION');
    given([...tendering(), bid, purchased]).when(step('BOND_PAID', { amount: cny(5_000) }), am).then([{ type: 'BidBondPaid', data: { amount: cny(5_000) } }]);
  });
  it('bid documents are checked by 市场部 within the 3 days before the opening: earlier is fine, later than planned only overdue, never after the opening', () => {
    const ready = [...tendering(), bid, purchased];
    given(ready).when(step('DOCUMENTS_CHECKED'), supervisor).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(ready).when(step('DOCUMENTS_CHECKED'), marketing, { now: new Date('2026-12-01T02:00:00Z') }).then([checked]);
    given(ready).when(step('DOCUMENTS_CHECKED'), marketing, { now: new Date('2026-12-07T02:00:00Z') }).then([checked]);
    // planned for 12-07: on 12-09 it is late (the board shows it overdue) and still accepted
    given(ready).when(step('DOCUMENTS_CHECKED'), marketing, { now: new Date('2026-12-09T02:00:00Z') }).then([checked]);
    given(ready).when(step('DOCUMENTS_CHECKED'), marketing, { now: new Date('2026-12-10T02:00:00Z') }).then([checked]);
    given(ready).when(step('DOCUMENTS_CHECKED'), marketing, { now: new Date('2026-12-11T02:00:00Z') }).thenThrows('DEADLINE_PASSED');
  });
  it('nothing can be submitted after the opening has passed', () => {
    const checkedBid = [...tendering(), bid, purchased, checked, sealed];
    given(checkedBid).when(step('BID_SUBMITTED', { amount: cny(90_000) }), am, { now: new Date('2026-12-10T02:00:00Z') }).then([submitted]);
    given(checkedBid).when(step('BID_SUBMITTED', { amount: cny(90_000) }), am, { now: new Date('2026-12-11T02:00:00Z') }).thenThrows('DEADLINE_PASSED');
  });
  it('a bid price is an approved price: a bid at an amount no approved quotation covers is refused', () => {
    const checkedBid = [...tendering(), bid, purchased, checked, sealed];
    given(checkedBid).when(step('BID_SUBMITTED', { amount: cny(85_000) }), am).thenThrows('QUOTATION_NOT_APPROVED');
    const requoted: ProjectEvent[] = [...checkedBid, { type: 'QuotationSubmitted', data: { version: 2, amount: cny(85_000), document: doc('quotation', 2), requiredApprovals: ['TECH_MANAGER'] } }];
    given(requoted).when(step('BID_SUBMITTED', { amount: cny(85_000) }), am).thenThrows('QUOTATION_NOT_APPROVED');
    const approved: ProjectEvent[] = [...requoted, { type: 'QuotationApproved', data: { version: 2, role: 'TECH_MANAGER', approverId: 'tm-he', documentSha256: doc('quotation', 2).sha256 } }];
    given(approved).when(step('BID_SUBMITTED', { amount: cny(85_000) }), am).then([{ type: 'BidSubmitted', data: { price: cny(85_000) } }]);
  });
  it('a loss records winner, our price and reasons, and the winning price when disclosed; a loss ends as LOST', () => {
    const done = [...tendering(), bid, purchased, checked, sealed, submitted];
    given(done).when({ type: 'RecordBidResult', data: { result: 'LOST', winner: 'ABB' } }, am).thenThrows('REASON_REQUIRED');
    given(done).when({ type: 'RecordBidResult', data: { result: 'LOST', winner: 'ABB', reasons: ['PRICE'] } }, am).thenThrows('INVALID_INPUT');
    given(done).when({ type: 'RecordBidResult', data: { result: 'LOST', winner: 'ABB', reasons: ['PRICE'], ourPrice: cny(90_000) } }, am)
      .then([{ type: 'BidLost', data: { winner: 'ABB', ourPrice: cny(90_000), reasons: ['PRICE'], notes: undefined, ...summaryDue } }]);
    given(done).when({ type: 'RecordBidResult', data: { result: 'LOST', winner: 'ABB', winningPrice: cny(80_000), ourPrice: cny(90_000), reasons: ['PRICE'] } }, am)
      .then([{ type: 'BidLost', data: { winner: 'ABB', winningPrice: cny(80_000), ourPrice: cny(90_000), reasons: ['PRICE'], notes: undefined, ...summaryDue } }]);
  });
  it('a won bid goes on to the technical agreement', () => {
    const done = [...tendering(), bid, purchased, checked, sealed, submitted];
    given([...tendering(), bid, purchased, checked, sealed]).when({ type: 'RecordBidResult', data: { result: 'WON' } }, am).thenThrows('INVALID_TRANSITION');
    given(done).when({ type: 'RecordBidResult', data: { result: 'WON' } }, am).then([{ type: 'BidWon', data: {} }]);
    given([...done, { type: 'BidWon', data: {} }])
      .when({ type: 'SubmitTechnicalAgreement', data: { document: doc('agreement') } }, as('pe-wang', 'PRESALES_ENGINEER'))
      .then([{
        type: 'TechnicalAgreementSubmitted',
        data: { version: 1, authorId: 'pe-wang', organisers: ['MARKETING'], document: doc('agreement'), deadlines: [dueBy('AGREEMENT_REVIEW', '2026-11-25', [{ role: 'MARKETING' }])] },
      }]);
  });
});
