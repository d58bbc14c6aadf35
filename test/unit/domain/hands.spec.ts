import type { ProjectCommand } from '../../../src/domain/project/commands.js';
import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { namedIn } from '../../../src/domain/project/members.js';
import { fold, type Project } from '../../../src/domain/project/state.js';
import type { SignedDocument, SigningCapacity } from '../../../src/domain/project/vocabulary.js';
import { EQUIPMENT_MAKER } from '../../support/policies.js';
import { as, given } from './given-when-then.js';
import { agreementPassed, AM, cny, contracting, countersigned, doc, ENGINEER, history, negotiating, requiredSheets, summaryDue, won } from './fixtures.js';

const am = as(AM, 'ACCOUNT_MANAGER');
const engineer = as(ENGINEER, 'PRESALES_ENGINEER');
const leader = as('dl-feng', 'DEPARTMENT_LEADER');
const marketing = as('mk-zhou', 'MARKETING');
const equipmentMaker = { policy: EQUIPMENT_MAKER };
const agreement = doc('agreement');
const contract = doc('contract');

/** The project as approved: a mature reference or not, on a product line. */
const approvedAs = (events: ProjectEvent[], hasMatureReference: boolean, productLine = 'ROBOT_CELL'): ProjectEvent[] => events.map((event): ProjectEvent => {
  if (event.type === 'ProjectApproved') return { ...event, data: { ...event.data, hasMatureReference } };
  if (event.type === 'LeadRegistered') return { ...event, data: { ...event.data, productLine } };
  return event;
});
const submit = (customerWritten?: boolean): ProjectCommand =>
  ({ type: 'SubmitTechnicalAgreement', data: { document: agreement, ...(customerWritten === undefined ? {} : { customerWritten }) } });
const signAgreement = (capacity: SigningCapacity): ProjectCommand => ({ type: 'SignTechnicalAgreement', data: { documentSha256: agreement.sha256, capacity } });
const signContract = (capacity: SigningCapacity): ProjectCommand => ({ type: 'SignContract', data: { signedOn: '2026-11-24', document: contract, capacity } });
const agreementSigned = (signerId: string, capacity: SigningCapacity): ProjectEvent =>
  ({ type: 'TechnicalAgreementSigned', data: { version: 1, signerId, capacity, documentSha256: agreement.sha256 } });
const contractSigned = (signerId: string, capacity: SigningCapacity): ProjectEvent =>
  ({ type: 'ContractSigned', data: { version: 1, amount: cny(90_000), signedOn: '2026-11-24', document: contract, signerId, capacity, ...summaryDue } });
const representative = (document: SignedDocument, userId: string): ProjectEvent =>
  ({ type: 'SigningRepresentativeNamed', data: { document, userId, namedBy: 'dl-feng' } });
const name = (document: SignedDocument, userId: string): ProjectCommand => ({ type: 'NameSigningRepresentative', data: { document, userId } });
const archive = (document: SignedDocument, scan = doc(`${document} scan`)): ProjectCommand => ({ type: 'ArchiveSignedScan', data: { document, scan } });
const reassigned: ProjectEvent = { type: 'LeadAssigned', data: { ownerId: 'am-zhang', previousOwnerId: AM, assignedBy: 'sup-zhao' } };

describe('PSM060 technical agreement drafter by product kind 技术协议拟订', () => {
  it('equipment-maker: a mature product\'s agreement is drafted by the account manager, not the technical team', () => {
    expect(given(negotiating()).when(submit(), am, equipmentMaker).events()[0]).toMatchObject({ type: 'TechnicalAgreementSubmitted', data: { version: 1, document: agreement } });
    given(negotiating()).when(submit(), engineer, equipmentMaker).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });

  it('equipment-maker: single equipment, a product line the policy lists, is drafted by the account manager without a mature reference', () => {
    const single = approvedAs(negotiating(), false, 'SINGLE_EQUIPMENT');
    expect(given(single).when(submit(), am, equipmentMaker).events()[0]).toMatchObject({ type: 'TechnicalAgreementSubmitted' });
    given(single).when(submit(), engineer, equipmentMaker).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });

  it('equipment-maker: complex equipment or a line is drafted by the technical team, and the refusal names the rule', () => {
    const complex = approvedAs(negotiating(), false, 'PRODUCTION_LINE');
    expect(given(complex).when(submit(), engineer, equipmentMaker).events()[0]).toMatchObject({ type: 'TechnicalAgreementSubmitted' });
    expect(() => given(complex).when(submit(), am, equipmentMaker).events())
      .toThrow('the technical agreement for complex equipment or a line is drafted by PRESALES_ENGINEER under the equipment-maker policy');
  });

  it('enterprise-standard: the account manager or the pre-sales engineer drafts any kind (document 000 §3.3, §5.6 a)', () => {
    for (const events of [negotiating(), approvedAs(negotiating(), false, 'PRODUCTION_LINE')]) {
      for (const drafter of [am, engineer]) expect(given(events).when(submit(), drafter).events()[0]).toMatchObject({ type: 'TechnicalAgreementSubmitted' });
    }
  });

  it('a customer-written agreement (用户自拟) is recorded as such and reviewed the same way', () => {
    const [own] = given(negotiating()).when(submit(), engineer).events();
    const [customers] = given(negotiating()).when(submit(true), engineer).events();
    expect(customers).toEqual({ ...own, data: { ...own.data, customerWritten: true } });
    expect(own.data).not.toHaveProperty('customerWritten');
  });
});

describe('PSM060 technical agreement signer 技术协议签字', () => {
  it('equipment-maker: the technical lead signs, or the account manager when the lead is absent; the event says who and in which capacity', () => {
    given(agreementPassed()).when(signAgreement('TECHNICAL_LEAD'), engineer, equipmentMaker).then([agreementSigned(ENGINEER, 'TECHNICAL_LEAD')]);
    given(agreementPassed()).when(signAgreement('ACCOUNT_MANAGER'), am, equipmentMaker).then([agreementSigned(AM, 'ACCOUNT_MANAGER')]);
    given(agreementPassed()).when(signAgreement('TECHNICAL_LEAD'), am, equipmentMaker).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(agreementPassed()).when(signAgreement('ACCOUNT_MANAGER'), engineer, equipmentMaker).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(agreementPassed()).when(signAgreement('TECHNICAL_LEAD'), as('pe-zhou', 'PRESALES_ENGINEER'), equipmentMaker).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(agreementPassed()).when(signAgreement('DEPARTMENT_LEADER'), leader, equipmentMaker).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });

  it('equipment-maker: the account manager who signs is the current owner: after a reassignment the new one, not the former', () => {
    const passed = [...agreementPassed(), reassigned];
    given(passed).when(signAgreement('ACCOUNT_MANAGER'), as('am-zhang', 'ACCOUNT_MANAGER'), equipmentMaker).then([agreementSigned('am-zhang', 'ACCOUNT_MANAGER')]);
    given(passed).when(signAgreement('ACCOUNT_MANAGER'), am, equipmentMaker).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });

  it('enterprise-standard: a department leader or the representative named for this project signs (document 000 §5.6 d)', () => {
    given(agreementPassed()).when(signAgreement('DEPARTMENT_LEADER'), leader).then([agreementSigned('dl-feng', 'DEPARTMENT_LEADER')]);
    expect(() => given(agreementPassed()).when(signAgreement('ACCOUNT_MANAGER'), am).events())
      .toThrow('the technical agreement is signed by a department leader or the department leader\'s representative under the enterprise-standard policy, not the account manager');
    given(agreementPassed()).when(signAgreement('REPRESENTATIVE'), am).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(agreementPassed()).when(signAgreement('DEPARTMENT_LEADER'), am).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given([...agreementPassed(), representative('TECHNICAL_AGREEMENT', AM)]).when(signAgreement('REPRESENTATIVE'), am).then([agreementSigned(AM, 'REPRESENTATIVE')]);
    given([...agreementPassed(), representative('CONTRACT', AM)]).when(signAgreement('REPRESENTATIVE'), am).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });

  it('is signed only after its review passed, whoever signs', () => {
    const submitted = agreementPassed().slice(0, -2);
    given(submitted).when(signAgreement('DEPARTMENT_LEADER'), leader).thenThrows('INVALID_TRANSITION');
  });

  it('a signature recorded before capacities were asked replays as it was: the signer, no capacity', () => {
    expect((fold(contracting()) as Project).agreement).toMatchObject({ signed: true, signature: { signerId: ENGINEER } });
    expect((fold(contracting()) as Project).agreement?.signature).not.toHaveProperty('capacity');
  });
});

describe('部门领导 names a representative 指定签约代表人', () => {
  it('for one document of this project; the representative becomes a member and a later naming replaces them', () => {
    const [named] = given(negotiating()).when(name('CONTRACT', 'am-zhang'), leader).events();
    expect(named).toEqual(representative('CONTRACT', 'am-zhang'));
    expect(namedIn(named)).toEqual(['am-zhang']);
    const renamed = [...negotiating(), named, representative('CONTRACT', 'dir-sun')];
    expect((fold(renamed) as Project).representatives).toEqual({ CONTRACT: 'dir-sun' });
  });

  it('only by a department leader, and not under a profile where no representative signs (equipment-maker)', () => {
    given(negotiating()).when(name('CONTRACT', 'am-zhang'), am).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(negotiating()).when(name('TECHNICAL_AGREEMENT', 'am-zhang'), leader, equipmentMaker).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });

  it('not before 立项, nor once the document is signed', () => {
    given(history('QUALIFIED')).when(name('CONTRACT', 'am-zhang'), leader).thenThrows('INVALID_TRANSITION');
    given(contracting()).when(name('TECHNICAL_AGREEMENT', 'am-zhang'), leader).thenThrows('INVALID_TRANSITION');
    given(won()).when(name('CONTRACT', 'am-zhang'), leader).thenThrows('INVALID_TRANSITION');
    expect(given(contracting()).when(name('CONTRACT', 'am-zhang'), leader).events()[0]).toMatchObject({ type: 'SigningRepresentativeNamed' });
  });
});

describe('PSM080 contract signer 合同签字', () => {
  it('enterprise-standard: a department leader or the representative signs (document 000 §5.8 b); the event says who and in which capacity', () => {
    given(countersigned()).when(signContract('DEPARTMENT_LEADER'), leader).then([contractSigned('dl-feng', 'DEPARTMENT_LEADER')]);
    given(countersigned()).when(signContract('ACCOUNT_MANAGER'), am).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given([...countersigned(), representative('CONTRACT', 'dir-sun')]).when(signContract('REPRESENTATIVE'), as('dir-sun', 'SALES_DIRECTOR'))
      .then([contractSigned('dir-sun', 'REPRESENTATIVE')]);
    given([...countersigned(), representative('TECHNICAL_AGREEMENT', 'dir-sun')]).when(signContract('REPRESENTATIVE'), as('dir-sun', 'SALES_DIRECTOR'))
      .thenThrows('NOT_ALLOWED_FOR_ROLE');
  });

  it('equipment-maker: the account manager, the current owner, signs (document 003: 合同由業務經理簽字)', () => {
    given(countersigned()).when(signContract('ACCOUNT_MANAGER'), am, equipmentMaker).then([contractSigned(AM, 'ACCOUNT_MANAGER')]);
    given(countersigned()).when(signContract('DEPARTMENT_LEADER'), leader, equipmentMaker).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(countersigned()).when(signContract('ACCOUNT_MANAGER'), as('am-zhang', 'ACCOUNT_MANAGER'), equipmentMaker).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });

  it('the signed electronic version is the countersigned draft itself', () => {
    const other = { type: 'SignContract' as const, data: { signedOn: '2026-11-24', document: doc('contract', 2), capacity: 'DEPARTMENT_LEADER' as const } };
    given(countersigned()).when(other, leader).thenThrows('DOCUMENT_CHANGED');
  });
});

describe('signed paper scans 纸质签字版归档', () => {
  it('the contract\'s scan is its own document, linked to the countersigned draft\'s hash; shown in the state and handed over', () => {
    const [archived] = given(won()).when(archive('CONTRACT'), marketing).events();
    expect(archived).toEqual({ type: 'SignedScanArchived', data: { document: 'CONTRACT', scan: doc('CONTRACT scan'), signedVersionSha256: contract.sha256, archivedBy: 'mk-zhou' } });
    expect((fold([...won(), archived]) as Project).contract).toMatchObject({ document: contract, scan: doc('CONTRACT scan') });
    const [handedOver] = given([...won(), archived]).when({ type: 'HandOver', data: { receivedBy: 'de-wu', items: requiredSheets() } }, am).events();
    expect(handedOver.data).toMatchObject({
      items: expect.arrayContaining([{ kind: 'CONTRACT', version: 'v1', ...contract }, { kind: 'CONTRACT', version: 'v1 signed scan', ...doc('CONTRACT scan') }]),
    });
  });

  it('the technical agreement\'s scan likewise, once it is signed', () => {
    expect(given(contracting()).when(archive('TECHNICAL_AGREEMENT'), marketing).events()[0])
      .toMatchObject({ data: { document: 'TECHNICAL_AGREEMENT', signedVersionSha256: agreement.sha256 } });
    given(agreementPassed()).when(archive('TECHNICAL_AGREEMENT'), marketing).thenThrows('INVALID_TRANSITION');
  });

  it('not before the signature, not twice, and never the electronic file itself', () => {
    given(countersigned()).when(archive('CONTRACT'), marketing).thenThrows('INVALID_TRANSITION');
    const archived = given(won()).when(archive('CONTRACT'), marketing).events();
    given([...won(), ...archived]).when(archive('CONTRACT', doc('another scan')), marketing).thenThrows('INVALID_TRANSITION');
    given(won()).when(archive('CONTRACT', contract), marketing).thenThrows('INVALID_INPUT');
  });

  it('enterprise-standard: 市场部 files it (document 000 §5.6 e, §5.8 c); equipment-maker: the supervisor or the account manager', () => {
    given(won()).when(archive('CONTRACT'), am).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(won()).when(archive('CONTRACT'), marketing, equipmentMaker).thenThrows('NOT_ALLOWED_FOR_ROLE');
    expect(given(won()).when(archive('CONTRACT'), as('sup-zhao', 'SALES_SUPERVISOR'), equipmentMaker).events()[0]).toMatchObject({ type: 'SignedScanArchived' });
  });
});
