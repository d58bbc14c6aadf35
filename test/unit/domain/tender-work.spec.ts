import type { ProjectCommand } from '../../../src/domain/project/commands.js';
import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { fold, type Project } from '../../../src/domain/project/state.js';
import type { BidStep } from '../../../src/domain/project/vocabulary.js';
import { EQUIPMENT_MAKER } from '../../support/policies.js';
import { as, given } from './given-when-then.js';
import { AM, cny, doc, ENGINEER, MARKETING, summaryDue, tendering } from './fixtures.js';

// NOW is 2026-11-24 in Shanghai; the opening is on 2026-12-10
const am = as(AM, 'ACCOUNT_MANAGER');
const engineer = as(ENGINEER, 'PRESALES_ENGINEER');
const marketing = as(MARKETING, 'MARKETING');
const director = as('dir-sun', 'SALES_DIRECTOR');
const supervisor = as('sup-zhao', 'SALES_SUPERVISOR');
const assistant = as('sa-jiang', 'SALES_ASSISTANT');
const equipmentMaker = { policy: EQUIPMENT_MAKER };
const onDay = (day: string) => ({ now: new Date(`${day}T02:00:00Z`) });

const step = (s: BidStep, extra = {}): ProjectCommand => ({ type: 'RecordBidStep', data: { step: s, ...extra } });
const decideBid = (decision: 'BID' | 'NO_BID', reason?: string): ProjectCommand => ({ type: 'DecideBid', data: { decision, reason } });

const intent: ProjectEvent = { type: 'BidDecided', data: { decision: 'BID', decidedBy: AM, phase: 'INTENT' } };
const loan: ProjectEvent = { type: 'BidLoanSigned', data: { fee: cny(500), signedBy: 'dir-sun' } };
const purchased: ProjectEvent = { type: 'TenderDocumentsPurchased', data: { openingOn: '2026-12-10', bidDocumentsCheckDueOn: '2026-12-07', fee: cny(500) } };
const evaluated: ProjectEvent = { type: 'TenderDocumentsEvaluated', data: { findings: 'terms acceptable', evaluators: [AM, ENGINEER], evaluatedBy: AM } };
const final: ProjectEvent = { type: 'BidDecided', data: { decision: 'BID', decidedBy: AM, phase: 'FINAL' } };
const checked: ProjectEvent = { type: 'BidDocumentsChecked', data: { checkedBy: MARKETING } };
const sealed: ProjectEvent = { type: 'BidSealed', data: { delivery: 'COURIER', sealedBy: MARKETING } };
const submitted: ProjectEvent = { type: 'BidSubmitted', data: { price: cny(90_000) } };

const bought = () => [...tendering(), intent, purchased];
const bidding = () => [...bought(), evaluated, final];
const sent = () => [...bidding(), checked, sealed, submitted];
const tenderOf = (events: ProjectEvent[]) => (fold(events) as Project).tender;

describe('PSM050 投标建议 and the two bid decisions: intent, then final once the documents are evaluated', () => {
  it('the account manager advises, with a reason against bidding, until the final decision', () => {
    given(tendering()).when({ type: 'AdviseBid', data: { advice: 'NO_BID' } }, am).thenThrows('REASON_REQUIRED');
    given(tendering()).when({ type: 'AdviseBid', data: { advice: 'BID' } }, director).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(tendering()).when({ type: 'AdviseBid', data: { advice: 'BID', reason: 'we know the plant' } }, am)
      .then([{ type: 'BidAdvised', data: { advice: 'BID', reason: 'we know the plant', advisedBy: AM } }]);
    given(bought()).when({ type: 'AdviseBid', data: { advice: 'NO_BID', reason: 'penalty clauses' } }, am)
      .then([{ type: 'BidAdvised', data: { advice: 'NO_BID', reason: 'penalty clauses', advisedBy: AM } }]);
    given(bidding()).when({ type: 'AdviseBid', data: { advice: 'BID' } }, am).thenThrows('INVALID_TRANSITION');
  });
  it('the first decision is the intent; the final one waits for the documents bought and evaluated', () => {
    given(tendering()).when(decideBid('BID'), am).then([{ type: 'BidDecided', data: { decision: 'BID', reason: undefined, decidedBy: AM, phase: 'INTENT' } }]);
    given([...tendering(), intent]).when(decideBid('BID'), am).thenThrows('INVALID_TRANSITION');
    given(bought()).when(decideBid('BID'), am).thenThrows('INVALID_TRANSITION');
    given([...bought(), evaluated]).when(decideBid('BID'), am).then([final]);
    given(bidding()).when(decideBid('NO_BID', 'late'), am).thenThrows('INVALID_TRANSITION');
  });
  it('a final no-bid, after the evaluation, closes the project as not bid, with its reason and the summary clock', () => {
    given([...bought(), evaluated]).when(decideBid('NO_BID'), am).thenThrows('REASON_REQUIRED');
    const noBid: ProjectEvent = { type: 'BidDecided', data: { decision: 'NO_BID', reason: 'penalty clauses', decidedBy: AM, phase: 'FINAL', ...summaryDue } };
    given([...bought(), evaluated]).when(decideBid('NO_BID', 'penalty clauses'), am).then([noBid]);
    expect(fold([...bought(), evaluated, noBid])).toMatchObject({ stage: 'CLOSED', outcome: 'NO_BID', tender: { intent: 'BID', decision: 'NO_BID' } });
  });
  it('a decision recorded before the two were told apart was both: the bid goes on without an evaluation', () => {
    const legacy: ProjectEvent = { type: 'BidDecided', data: { decision: 'BID', decidedBy: AM } };
    expect(tenderOf([...tendering(), legacy])).toMatchObject({ intent: 'BID', decision: 'BID' });
    given([...tendering(), legacy, purchased]).when(step('DOCUMENTS_CHECKED'), marketing).then([checked]);
    given([...tendering(), legacy, purchased]).when(decideBid('BID'), am).thenThrows('INVALID_TRANSITION');
  });
});

describe('PSM050 the documents: the loan signed by the director, the fee and purchase deadline, the evaluation', () => {
  it('购买标书借款单由部长签字: the director signs the loan for the fee, after the intent and before the purchase, once', () => {
    given(tendering()).when(step('LOAN_SIGNED', { amount: cny(500) }), director).thenThrows('INVALID_TRANSITION');
    given([...tendering(), intent]).when(step('LOAN_SIGNED', { amount: cny(500) }), supervisor, equipmentMaker).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given([...tendering(), intent]).when(step('LOAN_SIGNED'), director, equipmentMaker).thenThrows('INVALID_INPUT');
    given([...tendering(), intent]).when(step('LOAN_SIGNED', { amount: cny(500) }), director, equipmentMaker).then([loan]);
    given([...tendering(), intent, loan]).when(step('LOAN_SIGNED', { amount: cny(500) }), director, equipmentMaker).thenThrows('INVALID_TRANSITION');
    given(bought()).when(step('LOAN_SIGNED', { amount: cny(500) }), director).thenThrows('INVALID_TRANSITION');
  });
  it('the purchase records the fee and the purchase deadline; a deadline after the opening or a fee in another currency is refused', () => {
    const buy = (extra = {}) => step('DOCUMENTS_PURCHASED', { openingOn: '2026-12-10', amount: cny(500), purchaseClosesOn: '2026-11-30', ...extra });
    const [event] = given([...tendering(), intent]).when(buy(), am).events();
    expect(event).toMatchObject({ type: 'TenderDocumentsPurchased', data: { openingOn: '2026-12-10', fee: cny(500), purchaseClosesOn: '2026-11-30' } });
    given([...tendering(), intent]).when(buy({ purchaseClosesOn: '2026-12-11' }), am).thenThrows('INVALID_INPUT');
    given([...tendering(), intent]).when(buy({ amount: { amount: 50_000, currency: 'USD' } }), am).thenThrows('INVALID_INPUT');
    given(tendering()).when(buy(), am).thenThrows('INVALID_TRANSITION');
  });
  it('接到标书后评估: once bought and before the final decision, once, with findings and who evaluated', () => {
    const evaluate = (findings: string, evaluators: string[]): ProjectCommand => ({ type: 'EvaluateTenderDocuments', data: { findings, evaluators } });
    given([...tendering(), intent]).when(evaluate('terms acceptable', [AM, ENGINEER]), am).thenThrows('INVALID_TRANSITION');
    given(bought()).when(evaluate(' ', [AM]), am).thenThrows('REASON_REQUIRED');
    given(bought()).when(evaluate('terms acceptable', [' ']), am).thenThrows('INVALID_INPUT');
    given(bought()).when(evaluate('terms acceptable', [AM, ENGINEER]), marketing).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(bought()).when(evaluate('terms acceptable', [AM, ENGINEER, AM]), am).then([evaluated]);
    given(bought()).when(evaluate('terms acceptable', [AM]), director, equipmentMaker).events();
    given([...bought(), evaluated]).when(evaluate('again', [AM]), am).thenThrows('INVALID_TRANSITION');
    given(bidding()).when(evaluate('late', [AM]), engineer).thenThrows('INVALID_TRANSITION');
  });
});

describe('PSM050 the bid\'s work: kick-off, technical bid, bond, check, sealing, each once the final decision is to bid', () => {
  const kickOff = (dueOn?: string): ProjectCommand => ({
    type: 'HoldBidKickOff', data: { attendees: [AM, ENGINEER], assignments: [{ assignee: ENGINEER, task: 'technical bid', ...(dueOn ? { dueOn } : {}) }], notes: 'the customer cares about cycle time' },
  });
  const technicalBid = (n = 1): ProjectCommand => ({ type: 'SubmitTechnicalBid', data: { document: doc('technical bid', n), cost: cny(60_000) } });

  it('nothing of the bid\'s work before the final decision to bid', () => {
    for (const command of [kickOff(), technicalBid(), step('BOND_PAID', { amount: cny(5_000) }), step('DOCUMENTS_CHECKED')]) {
      const actor = command.type === 'SubmitTechnicalBid' ? engineer : command.type === 'RecordBidStep' && command.data.step === 'DOCUMENTS_CHECKED' ? marketing : am;
      given([...bought(), evaluated]).when(command, actor).thenThrows('INVALID_TRANSITION');
    }
  });
  it('碰头会分工: who attended and who writes what, each share due by the opening at the latest; once, before submitting', () => {
    given(bidding()).when(kickOff('2026-12-11'), am).thenThrows('INVALID_INPUT');
    given(bidding()).when({ type: 'HoldBidKickOff', data: { attendees: [AM], assignments: [] } }, am).thenThrows('INVALID_INPUT');
    given(bidding()).when(kickOff('2026-12-05'), am).then([{
      type: 'BidKickOffHeld',
      data: { attendees: [AM, ENGINEER], assignments: [{ assignee: ENGINEER, task: 'technical bid', dueOn: '2026-12-05' }], notes: 'the customer cares about cycle time', heldBy: AM },
    }]);
    // equipment-maker: 业务主管定出时间节点
    given(bidding()).when(kickOff(), am, equipmentMaker).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(bidding()).when(kickOff(), supervisor, equipmentMaker).events();
    const held: ProjectEvent = { type: 'BidKickOffHeld', data: { attendees: [AM], assignments: [{ assignee: ENGINEER, task: 'technical bid' }], heldBy: AM } };
    given([...bidding(), held]).when(kickOff(), am).thenThrows('INVALID_TRANSITION');
    given(sent()).when(kickOff(), am).thenThrows('INVALID_TRANSITION');
    given(bidding()).when(kickOff(), am, onDay('2026-12-11')).thenThrows('DEADLINE_PASSED');
  });
  it('投标技术方案和项目成本: the engineer\'s, by version, with a cost, until the bid is submitted', () => {
    given(bidding()).when(technicalBid(), am).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(bidding()).when({ type: 'SubmitTechnicalBid', data: { document: doc('technical bid'), cost: cny(0) } }, engineer).thenThrows('INVALID_INPUT');
    const first: ProjectEvent = { type: 'TechnicalBidSubmitted', data: { version: 1, document: doc('technical bid'), cost: cny(60_000), submittedBy: ENGINEER } };
    given(bidding()).when(technicalBid(), engineer).then([first]);
    given([...bidding(), first]).when(technicalBid(2), engineer)
      .then([{ type: 'TechnicalBidSubmitted', data: { version: 2, document: doc('technical bid', 2), cost: cny(60_000), submittedBy: ENGINEER } }]);
    given(sent()).when(technicalBid(2), engineer).thenThrows('INVALID_TRANSITION');
    given(bidding()).when(technicalBid(), engineer, onDay('2026-12-11')).thenThrows('DEADLINE_PASSED');
  });
  it('装订密封: the checked bid is bound and sealed by 市场部 or a sales assistant (equipment-maker: the sales assistant), before the opening', () => {
    const seal = step('DOCUMENTS_SEALED', { delivery: 'COURIER' });
    given(bidding()).when(seal, marketing).thenThrows('INVALID_TRANSITION');
    given([...bidding(), checked]).when(step('DOCUMENTS_SEALED'), marketing).thenThrows('INVALID_INPUT');
    given([...bidding(), checked]).when(seal, am).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given([...bidding(), checked]).when(seal, marketing).then([sealed]);
    given([...bidding(), checked]).when(seal, marketing, equipmentMaker).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given([...bidding(), checked]).when(seal, assistant, equipmentMaker).then([{ type: 'BidSealed', data: { delivery: 'COURIER', sealedBy: 'sa-jiang' } }]);
    given([...bidding(), checked]).when(seal, marketing, onDay('2026-12-11')).thenThrows('DEADLINE_PASSED');
    given([...bidding(), checked, sealed]).when(seal, marketing).thenThrows('INVALID_TRANSITION');
  });
  it('the bid submitted is the sealed one', () => {
    given([...bidding(), checked]).when(step('BID_SUBMITTED', { amount: cny(90_000) }), am).thenThrows('INVALID_TRANSITION');
    given([...bidding(), checked, sealed]).when(step('BID_SUBMITTED', { amount: cny(90_000) }), am).then([submitted]);
  });
});

describe('PSM050 开标 and the result: who went, the presentation and Q&A, the other bidders; why it was won', () => {
  const opening = (bidders: Array<{ bidder: string; price?: { amount: number; currency: string } }>): ProjectCommand => ({
    type: 'RecordBidOpening', data: { attendees: [AM, ENGINEER], presentation: 'fifteen minutes on the cell', technicalQuestions: 'cycle time, weld quality', bidders },
  });
  const recorded: ProjectEvent = {
    type: 'BidOpeningRecorded',
    data: { attendees: [AM, ENGINEER], presentation: 'fifteen minutes on the cell', technicalQuestions: 'cycle time, weld quality', bidders: [{ bidder: 'ABB', price: cny(85_000) }, { bidder: 'KUKA' }], recordedBy: ENGINEER },
  };

  it('once the bid is submitted and the opening day has come, once; prices in the policy\'s currency', () => {
    const bidders = [{ bidder: 'ABB', price: cny(85_000) }, { bidder: 'KUKA' }];
    given([...bidding(), checked, sealed]).when(opening(bidders), am, onDay('2026-12-10')).thenThrows('INVALID_TRANSITION');
    given(sent()).when(opening(bidders), am, onDay('2026-12-09')).thenThrows('INVALID_TRANSITION');
    given(sent()).when(opening([{ bidder: 'ABB', price: { amount: 100, currency: 'USD' } }]), am, onDay('2026-12-10')).thenThrows('INVALID_INPUT');
    given(sent()).when(opening(bidders), marketing, onDay('2026-12-10')).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(sent()).when(opening(bidders), engineer, onDay('2026-12-10')).then([recorded]);
    given([...sent(), recorded]).when(opening([]), am, onDay('2026-12-11')).thenThrows('INVALID_TRANSITION');
  });
  it('a win records why it was won, when known', () => {
    given([...sent(), recorded]).when({ type: 'RecordBidResult', data: { result: 'WON', reasons: ['TECHNICAL', 'RELATIONSHIP'], notes: 'the Q&A convinced them' } }, am)
      .then([{ type: 'BidWon', data: { reasons: ['TECHNICAL', 'RELATIONSHIP'], notes: 'the Q&A convinced them' } }]);
  });
});
