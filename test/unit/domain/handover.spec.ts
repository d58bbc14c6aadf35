import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { DomainError } from '../../../src/domain/project/errors.js';
import { namedIn } from '../../../src/domain/project/members.js';
import { fold, type Project } from '../../../src/domain/project/state.js';
import { projectUpcasters } from '../../../src/event-store/project-upcasters.js';
import { ENTERPRISE_STANDARD, EQUIPMENT_MAKER } from '../../support/policies.js';
import { as, given } from './given-when-then.js';
import { AM, RECEIVER, countersigned, doc, handedOver, requiredSheets, sheet, won } from './fixtures.js';

const am = as(AM, 'ACCOUNT_MANAGER');
const executive = as('ex-shen', 'EXECUTIVE');
const receiver = as(RECEIVER, 'DELIVERY_ENGINEER');
const ORAL = sheet('ORAL_AGREEMENT', '口头协议书面化：免费培训两次');
const handOver = (items = requiredSheets(), receivedBy = RECEIVER) => ({ type: 'HandOver' as const, data: { receivedBy, items } });
const confirm = (sha256 = ORAL.sha256) => ({ type: 'ConfirmOralAgreement' as const, data: { sha256 } });
const receive = { type: 'ReceiveHandover' as const, data: {} };
const then = (history: ProjectEvent[], ...more: ProjectEvent[]) => [...history, ...more];

/** The refusal a command meets, with its details. */
function refusalOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('文档移交清单: the handover list', () => {
  it('a WON project is handed over once, listing what it holds as filed and the documents given, by kind, to the engineer named', () => {
    given(countersigned()).when(handOver(), am).thenThrows('INVALID_TRANSITION');
    given(won()).when(handOver(), am).then([{
      type: 'ProjectHandedOver',
      data: {
        receivedBy: RECEIVER,
        handedOverBy: AM,
        items: [
          { kind: 'CONTRACT', version: 'v1', ...doc('contract') },
          { kind: 'SOLUTION', version: 'v1', ...doc('solution') },
          { kind: 'TECHNICAL_AGREEMENT', version: 'v1', ...doc('agreement') },
          { kind: 'QUOTATION', version: 'v1', ...doc('quotation') },
          ...requiredSheets(),
        ],
        oralAgreementConfirmers: ['EXECUTIVE'],
      },
    }]);
    given(handedOver()).when(handOver(), am).thenThrows('INVALID_TRANSITION');
  });

  it('what the list lacks is named kind by kind in the refusal, and nothing is appended', () => {
    const refusal = refusalOf(() => given(won()).when(handOver([]), am).events());
    expect(refusal.code).toBe('HANDOVER_INCOMPLETE');
    expect(refusal.details.missingKinds).toEqual(['CONTRACT_REVIEW_SHEET', 'REVIEW_ISSUES_SHEET', 'CUSTOMER_NEEDS', 'PRODUCT_CONFIGURATION']);
    const withoutIssues = requiredSheets().filter(({ kind }) => kind !== 'REVIEW_ISSUES_SHEET');
    expect(refusalOf(() => given(won()).when(handOver(withoutIssues), am).events()).details.missingKinds).toEqual(['REVIEW_ISSUES_SHEET']);
  });

  it('supplementary and oral agreements and bid documents are listed when there are any; the survey report stands for the customer\'s needs', () => {
    const extra = [sheet('SUPPLEMENTARY_AGREEMENT', '补充协议：备件包'), ORAL, sheet('BID_DOCUMENTS', '投标书')];
    const [event] = given(won()).when(handOver([...requiredSheets(), ...extra]), am).events();
    expect(event.data).toMatchObject({ items: expect.arrayContaining(extra) });
    const surveyed = won().flatMap((event): ProjectEvent[] => event.type !== 'ExchangeRecorded' ? [event] : [
      { type: 'ExchangeRecorded', data: { summary: 'met the plant manager', surveyNeeded: true } },
      { type: 'SurveyCompleted', data: { summary: 'two lines to weld', report: doc('survey report'), solutionDueOn: '2026-11-27' } },
    ]);
    const withoutNeeds = requiredSheets().filter(({ kind }) => kind !== 'CUSTOMER_NEEDS');
    expect(given(surveyed).when(handOver(withoutNeeds), am).events()[0].data).toMatchObject({
      items: expect.arrayContaining([{ kind: 'CUSTOMER_NEEDS', version: 'survey report', ...doc('survey report') }]),
    });
  });

  it('refuses a receiver left blank, an item of no kind, and a document listed twice', () => {
    given(won()).when(handOver(requiredSheets(), ' '), am).thenThrows('REASON_REQUIRED');
    given(won()).when(handOver([...requiredSheets(), { ...ORAL, kind: 'UNCLASSIFIED' }]), am).thenThrows('INVALID_INPUT');
    given(won()).when(handOver([...requiredSheets(), { ...doc('contract'), kind: 'SUPPLEMENTARY_AGREEMENT', version: '1' }]), am).thenThrows('INVALID_INPUT');
    given(won()).when(handOver([...requiredSheets(), ORAL, ORAL]), am).thenThrows('INVALID_INPUT');
  });

  it('names its receiver on the project (a member from then on)', () => {
    expect(namedIn(handedOver()[handedOver().length - 1])).toEqual([RECEIVER]);
  });
});

describe('口头协议书面化: oral agreements are confirmed before the receipt', () => {
  it('the policy\'s confirmers confirm each oral agreement once; the account manager may not', () => {
    given(won()).when(confirm(), executive).thenThrows('INVALID_TRANSITION');
    given(handedOver()).when(confirm(), am).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(handedOver()).when(confirm(sheet('ORAL_AGREEMENT', 'another', 2).sha256), executive).thenThrows('INVALID_INPUT');
    const [confirmed] = given(handedOver()).when(confirm(), executive).events();
    expect(confirmed).toEqual({ type: 'OralAgreementConfirmed', data: { sha256: ORAL.sha256, title: ORAL.title, confirmedBy: 'ex-shen' } });
    given(then(handedOver(), confirmed)).when(confirm(), executive).thenThrows('INVALID_TRANSITION');
    given(handedOver([])).when(confirm(), executive).thenThrows('INVALID_TRANSITION');
  });

  it('both profiles give it to the EXECUTIVE; a profile that gives it to another role is obeyed, and the handover records whom', () => {
    for (const policy of [ENTERPRISE_STANDARD, EQUIPMENT_MAKER]) expect(policy.responsibilities.confirmOralAgreement).toEqual(['EXECUTIVE']);
    const policy = { ...ENTERPRISE_STANDARD, responsibilities: { ...ENTERPRISE_STANDARD.responsibilities, confirmOralAgreement: ['BU_GENERAL_MANAGER' as const] } };
    given(handedOver()).when(confirm(), executive, { policy }).thenThrows('NOT_ALLOWED_FOR_ROLE');
    expect(given(handedOver()).when(confirm(), as('gm-qian', 'BU_GENERAL_MANAGER'), { policy }).events()).toMatchObject([{ type: 'OralAgreementConfirmed' }]);
    expect(given(won()).when(handOver(), am, { policy }).events()[0].data).toMatchObject({ oralAgreementConfirmers: ['BU_GENERAL_MANAGER'] });
  });
});

describe('移交接收: only the receiver named closes the handover', () => {
  it('another delivery engineer may not; nor the receiver while an oral agreement awaits confirmation, which is named', () => {
    given(handedOver()).when(receive, as('de-other', 'DELIVERY_ENGINEER')).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(handedOver()).when(receive, am).thenThrows('NOT_ALLOWED_FOR_ROLE');
    expect(refusalOf(() => given(handedOver()).when(receive, receiver).events()).message).toContain(ORAL.title);
    given(won()).when(receive, receiver).thenThrows('INVALID_TRANSITION');
  });

  it('the receipt closes it: the state says so, and nothing more is confirmed or received', () => {
    const confirmed = given(handedOver()).when(confirm(), executive).events();
    const received = given(then(handedOver(), ...confirmed)).when(receive, receiver).events();
    expect(received).toEqual([{ type: 'HandoverReceived', data: { receivedBy: RECEIVER } }]);
    const closed = then(handedOver(), ...confirmed, ...received);
    expect((fold(closed) as Project).handover).toEqual({
      receivedBy: RECEIVER, oralAgreements: [{ sha256: ORAL.sha256, title: ORAL.title, confirmed: true }], oralAgreementConfirmers: ['EXECUTIVE'], received: true,
    });
    given(closed).when(receive, receiver).thenThrows('INVALID_TRANSITION');
    given(closed).when(confirm(), executive).thenThrows('INVALID_TRANSITION');
    // without oral agreements the receiver closes it at once
    given(handedOver([])).when(receive, receiver).then([{ type: 'HandoverReceived', data: { receivedBy: RECEIVER } }]);
  });
});

describe('lists handed over before items had kinds (ProjectHandedOver version 1)', () => {
  it('read as UNCLASSIFIED items with no oral agreement, waiting for their receiver', () => {
    const where = { stream: 'project-x', revision: 20, position: '20' };
    const { schemaVersion, data } = projectUpcasters.upcast('ProjectHandedOver', 1, { receivedBy: 'delivery-1', documents: [doc('contract')] }, where);
    expect(schemaVersion).toBe(2);
    expect(data).toEqual({ receivedBy: 'delivery-1', items: [{ kind: 'UNCLASSIFIED', version: '', ...doc('contract') }], oralAgreementConfirmers: [] });
    const old = then(won(), { type: 'ProjectHandedOver', data } as ProjectEvent);
    expect((fold(old) as Project).handover).toMatchObject({ receivedBy: 'delivery-1', oralAgreements: [], received: false });
    given(old).when(receive, as('delivery-1', 'DELIVERY_ENGINEER')).then([{ type: 'HandoverReceived', data: { receivedBy: 'delivery-1' } }]);
  });
});
