import { randomUUID } from 'node:crypto';
import type { SigningCapacity } from '../../src/domain/project/vocabulary.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

import { stepsOn, type Hand } from '../support/project-steps.js';

/** Who does the steps where the two profiles differ; `liaison` sends to the customer, records its confirmations and books signings. */
const HANDS: Record<'enterprise-standard' | 'equipment-maker', {
  liaison: Hand; approveQuotation: Hand; draftAgreement: Hand; organiseAgreementReview: Hand; chain: Hand[];
  signAgreement: [Hand, SigningCapacity]; signContract: [Hand, SigningCapacity];
}> = {
  // document 000 §5.3–5.8: 市场部 organises the confirmations and books the signings
  'enterprise-standard': {
    liaison: ['mk-zhou', 'MARKETING'], approveQuotation: ['tm-he', 'TECH_MANAGER'], draftAgreement: ['pe-wang', 'PRESALES_ENGINEER'],
    organiseAgreementReview: ['mk-zhou', 'MARKETING'], chain: [['am-li', 'ACCOUNT_MANAGER'], ['mk-zhou', 'MARKETING'], ['gm-qian', 'BU_GENERAL_MANAGER']],
    signAgreement: [['dl-feng', 'DEPARTMENT_LEADER'], 'DEPARTMENT_LEADER'], signContract: [['dl-feng', 'DEPARTMENT_LEADER'], 'DEPARTMENT_LEADER'],
  },
  // document 003 L47: 業務主管 sends the solution to the customer and follows it up; it organises the agreement and contract reviews
  'equipment-maker': {
    liaison: ['sup-zhao', 'SALES_SUPERVISOR'], approveQuotation: ['dir-sun', 'SALES_DIRECTOR'], draftAgreement: ['am-li', 'ACCOUNT_MANAGER'],
    organiseAgreementReview: ['sup-zhao', 'SALES_SUPERVISOR'],
    chain: [['am-li', 'ACCOUNT_MANAGER'], ['dir-sun', 'SALES_DIRECTOR'], ['tm-he', 'TECH_MANAGER'], ['gm-qian', 'BU_GENERAL_MANAGER']],
    signAgreement: [['pe-wang', 'PRESALES_ENGINEER'], 'TECHNICAL_LEAD'], signContract: [['am-li', 'ACCOUNT_MANAGER'], 'ACCOUNT_MANAGER'],
  },
};
const PROFILES = Object.keys(HANDS) as Array<keyof typeof HANDS>;
const AM: Hand = ['am-li', 'ACCOUNT_MANAGER'];
const ENGINEER: Hand = ['pe-wang', 'PRESALES_ENGINEER'];
const MARKETING: Hand = ['mk-zhou', 'MARKETING'];
const REVIEWER: Hand = ['rv-1', 'REVIEWER'];

const PROJECT = `query($id: ID!) { project(id: $id) {
  stage outcome
  solutionVersions { version outcome } quotationVersions { version amount { amount } }
  customerConfirmations { subject document version documentSha256 systemBudget { amount } recordedBy }
  sentToCustomer { document version sentBy }
  customerReceived { exchangeMemoVersion solutionVersion quotationVersion agreementVersion contractVersion }
  signingAppointments { document version appointedOn place bookedBy }
} }`;

describe.each(PROFILES)('customer confirmations, revisions and signing appointments under the %s profile', (profile) => {
  let psm: PsmApp;
  const hands = HANDS[profile];
  const other = HANDS[PROFILES.find((name) => name !== profile)!];
  beforeAll(async () => {
    psm = await PsmApp.start({ POLICY_FILE: profile });
  });
  afterAll(() => psm.stop());

  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const walker = (projectId: string) => {
    const { step, refusal: refused } = stepsOn(psm, projectId);
    /** The other profile's liaison is refused, then this profile's records the customer's word. */
    const confirm = async (subject: string, document: string) => {
      const input = { subject, documentSha256: docOf(document).sha256 };
      expect(await refused(other.liaison, 'recordCustomerConfirmation', input)).toMatchObject({ domainCode: 'NOT_ALLOWED_FOR_ROLE' });
      return step(hands.liaison, 'recordCustomerConfirmation', input);
    };
    const review = async (subject: string, organiser: Hand, document: string) => {
      await step(organiser, 'conveneReview', { subject, reviewers: ['rv-1'] });
      return step(REVIEWER, 'approveReview', { subject, documentSha256: docOf(document).sha256 });
    };
    return { step, refused, confirm, review };
  };

  /** Lead to a solution passed, its exchange memo acknowledged. */
  async function toSolutionPassed(projectId: string) {
    const { step, confirm, review } = walker(projectId);
    await step(AM, 'registerLead', {
      title: '焊接机器人工作站', customer: '苏州精工', contact: { name: '陈工' }, need: 'welding cells',
      channel: 'EXHIBITION', estimatedAmount: cny(800_000), region: 'EAST', productLine: 'ROBOT_CELL',
    });
    await step(['sup-zhao', 'SALES_SUPERVISOR'], 'screenLead', { decision: 'QUALIFY' });
    await step(['dir-sun', 'SALES_DIRECTOR'], 'approveProject', {
      sponsorId: 'dir-sun', presalesEngineerId: 'pe-wang', hasMatureReference: true, milestones: [{ name: 'solution', dueOn: '2027-03-01' }], presalesBudget: cny(20_000),
    });
    await step(ENGINEER, 'recordExchange', { summary: '交流纪要', surveyNeeded: false, memo: docOf('memo') });
    await confirm('EXCHANGE_MEMO', 'memo');
    await step(ENGINEER, 'submitSolution', { document: docOf('solution v1') });
    await step(AM, 'setSystemBudget', { systemBudget: cny(600_000) });
    expect((await review('SOLUTION', MARKETING, 'solution v1')).stage).toBe('PSM040_QUOTATION');
  }

  it('walks to a signed contract through every confirmation, a revised solution and quotation, and both signing appointments', async () => {
    const projectId = randomUUID();
    const { step, refused, confirm, review } = walker(projectId);
    await toSolutionPassed(projectId);
    const quotation = (yuan: number) => ({ amount: cny(yuan), document: docOf(`quotation ${yuan}`) });
    // a quotation follows the customer's acceptance of the solution and its budget
    expect(await refused(AM, 'submitQuotation', quotation(90_000))).toMatchObject({ domainCode: 'INVALID_TRANSITION' });
    await step(hands.liaison, 'sendToCustomer', { document: 'SOLUTION', documentSha256: docOf('solution v1').sha256 });
    const accepted = await confirm('SOLUTION', 'solution v1');
    expect(accepted.events[0].data).toMatchObject({ version: 1, systemBudget: cny(600_000) });
    await step(AM, 'submitQuotation', quotation(90_000));
    await step(hands.approveQuotation, 'approveQuotation', { documentSha256: docOf('quotation 90000').sha256 });
    await step(hands.liaison, 'sendToCustomer', { document: 'QUOTATION', documentSha256: docOf('quotation 90000').sha256 });
    await step(AM, 'chooseProcurement', { method: 'NEGOTIATION' });
    // negotiation: the solution revised, reviewed again, accepted again; then the price revised and approved again
    await step(ENGINEER, 'submitSolution', { document: docOf('solution v2') });
    expect(await refused(AM, 'submitQuotation', quotation(95_000))).toMatchObject({ domainCode: 'INVALID_TRANSITION' });
    expect((await review('SOLUTION', MARKETING, 'solution v2')).stage).toBe('PSM060_NEGOTIATION');
    await confirm('SOLUTION', 'solution v2');
    await step(AM, 'submitQuotation', quotation(95_000));
    await step(hands.approveQuotation, 'approveQuotation', { documentSha256: docOf('quotation 95000').sha256 });
    await step(hands.liaison, 'sendToCustomer', { document: 'QUOTATION', documentSha256: docOf('quotation 95000').sha256 });
    // the technical agreement: reviewed, its signing booked, its terms confirmed, signed; then the contract intent
    await step(hands.draftAgreement, 'submitTechnicalAgreement', { document: docOf('agreement') });
    await review('TECHNICAL_AGREEMENT', hands.organiseAgreementReview, 'agreement');
    await step(hands.liaison, 'bookSigning', { document: 'TECHNICAL_AGREEMENT', appointedOn: today(), place: '客户会议室' });
    const [signer, capacity] = hands.signAgreement;
    const signAgreement = { documentSha256: docOf('agreement').sha256, capacity };
    expect(await refused(signer, 'signTechnicalAgreement', signAgreement)).toMatchObject({ domainCode: 'INVALID_TRANSITION' });
    await confirm('TECHNICAL_AGREEMENT', 'agreement');
    await step(signer, 'signTechnicalAgreement', signAgreement);
    const draft = { document: docOf('contract'), amount: cny(95_000) };
    expect(await refused(AM, 'draftContract', draft)).toMatchObject({ domainCode: 'INVALID_TRANSITION' });
    await confirm('CONTRACT_INTENT', 'agreement');
    await step(AM, 'draftContract', draft);
    for (const countersigner of hands.chain) await step(countersigner, 'countersign', { decision: 'SIGN', documentSha256: docOf('contract').sha256 });
    await step(hands.liaison, 'sendToCustomer', { document: 'CONTRACT', documentSha256: docOf('contract').sha256 });
    await step(hands.liaison, 'bookSigning', { document: 'CONTRACT', appointedOn: today(), place: '公司总部' });
    const [contractSigner, contractCapacity] = hands.signContract;
    const signContract = { signedOn: today(), document: docOf('contract'), capacity: contractCapacity };
    expect(await refused(contractSigner, 'signContract', signContract)).toMatchObject({ domainCode: 'INVALID_TRANSITION' });
    await confirm('CONTRACT', 'contract');
    expect((await step(contractSigner, 'signContract', signContract)).stage).toBe('WON');

    const { data } = await psm.graphql(PROJECT, { id: projectId }, psm.tokenFor('dir-sun', 'SALES_DIRECTOR'));
    const { project } = data;
    expect(project.solutionVersions).toEqual([{ version: 1, outcome: 'PASSED' }, { version: 2, outcome: 'PASSED' }]);
    expect(project.quotationVersions.map((entry: { amount: { amount: number } }) => entry.amount.amount)).toEqual([cny(90_000).amount, cny(95_000).amount]);
    expect(project.customerConfirmations.map(({ subject, document, version }: Record<string, unknown>) => [subject, document, version])).toEqual([
      ['EXCHANGE_MEMO', 'EXCHANGE_MEMO', 1], ['SOLUTION', 'SOLUTION', 1], ['SOLUTION', 'SOLUTION', 2],
      ['TECHNICAL_AGREEMENT', 'TECHNICAL_AGREEMENT', 1], ['CONTRACT_INTENT', 'TECHNICAL_AGREEMENT', 1], ['CONTRACT', 'CONTRACT', 1],
    ]);
    expect(new Set(project.customerConfirmations.map((entry: { recordedBy: string }) => entry.recordedBy))).toEqual(new Set([hands.liaison[0]]));
    expect(project.sentToCustomer).toEqual([
      { document: 'SOLUTION', version: 1, sentBy: hands.liaison[0] }, { document: 'QUOTATION', version: 1, sentBy: hands.liaison[0] },
      { document: 'QUOTATION', version: 2, sentBy: hands.liaison[0] }, { document: 'CONTRACT', version: 1, sentBy: hands.liaison[0] },
    ]);
    expect(project.customerReceived).toEqual({ exchangeMemoVersion: 1, solutionVersion: 2, quotationVersion: 2, agreementVersion: 1, contractVersion: 1 });
    expect(project.signingAppointments).toEqual([
      { document: 'TECHNICAL_AGREEMENT', version: 1, appointedOn: today(), place: '客户会议室', bookedBy: hands.liaison[0] },
      { document: 'CONTRACT', version: 1, appointedOn: today(), place: '公司总部', bookedBy: hands.liaison[0] },
    ]);
  });

  it('a customer who declines the passed solution ends the project: closed as declined, no loss to a competitor', async () => {
    const projectId = randomUUID();
    const { step } = walker(projectId);
    await toSolutionPassed(projectId);
    expect((await step(AM, 'recordCustomerDeclined', { subject: 'SOLUTION', reason: '预算不足' })).stage).toBe('CLOSED');
    await psm.caughtUp();
    const month = today().slice(0, 7);
    const { data } = await psm.graphql(`{ winLossAnalysis(from: "${month}", to: "${month}") { closed lost customerDeclined } }`, {}, psm.tokenFor('dir-sun', 'SALES_DIRECTOR'));
    expect(data.winLossAnalysis[0]).toMatchObject({ lost: 0, customerDeclined: 1 });
  });
});
