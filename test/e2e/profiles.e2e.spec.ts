import { readPolicyFile } from '../../src/config/policy-file.js';
import { randomUUID } from 'node:crypto';
import { projectStream } from '../../src/application/project-stream.js';
import type { Role, SigningCapacity } from '../../src/domain/project/vocabulary.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { handoverSheets } from '../support/handover-list.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

type Hand = [string, Role];
/** A signer with the customer: who, and in which capacity they sign. */
type Signer = { hand: Hand; capacity: SigningCapacity };

/** Who does the steps where the two shipped profiles differ (documents 000 and 003). */
const HANDS: Record<'enterprise-standard' | 'equipment-maker', {
  approveQuotation: Hand; decideBid: Hand; buyTenderDocuments: Hand; payBidBond: Hand; checkBidDocuments: Hand; organiseAgreementReview: Hand; chain: Hand[];
  draftAgreement: Hand; signAgreement: Signer; signContract: Signer; archiveScan: Hand; planDemo: Hand; noteCompetitor: Hand; confirm: Hand;
}> = {
  'enterprise-standard': {
    approveQuotation: ['tm-he', 'TECH_MANAGER'], decideBid: ['am-li', 'ACCOUNT_MANAGER'], buyTenderDocuments: ['am-li', 'ACCOUNT_MANAGER'],
    payBidBond: ['am-li', 'ACCOUNT_MANAGER'], checkBidDocuments: ['mk-zhou', 'MARKETING'], organiseAgreementReview: ['mk-zhou', 'MARKETING'],
    chain: [['am-li', 'ACCOUNT_MANAGER'], ['mk-zhou', 'MARKETING'], ['gm-qian', 'BU_GENERAL_MANAGER']],
    // document 000 §5.6 d, §5.8 b: 部门领导 or the representative they name signs; 市场部 files both versions
    draftAgreement: ['pe-wang', 'PRESALES_ENGINEER'], signAgreement: { hand: ['dl-feng', 'DEPARTMENT_LEADER'], capacity: 'DEPARTMENT_LEADER' },
    signContract: { hand: ['dir-sun', 'SALES_DIRECTOR'], capacity: 'REPRESENTATIVE' }, archiveScan: ['mk-zhou', 'MARKETING'],
    // document 001 (售前技术支持控制程序 5.1): 技术支持部 plans the demo; document 002: 市场部门 shares what it knows of competitors
    planDemo: ['tm-he', 'TECH_MANAGER'], noteCompetitor: ['mk-zhou', 'MARKETING'],
    // document 000 §5.3–5.8: 市场部 sends to the customer and hears back its confirmations
    confirm: ['mk-zhou', 'MARKETING'],
  },
  'equipment-maker': {
    approveQuotation: ['dir-sun', 'SALES_DIRECTOR'], decideBid: ['dir-sun', 'SALES_DIRECTOR'], buyTenderDocuments: ['sup-zhao', 'SALES_SUPERVISOR'],
    payBidBond: ['sup-zhao', 'SALES_SUPERVISOR'], checkBidDocuments: ['sup-zhao', 'SALES_SUPERVISOR'], organiseAgreementReview: ['sup-zhao', 'SALES_SUPERVISOR'],
    chain: [['am-li', 'ACCOUNT_MANAGER'], ['dir-sun', 'SALES_DIRECTOR'], ['tm-he', 'TECH_MANAGER'], ['gm-qian', 'BU_GENERAL_MANAGER']],
    // document 003 L83, L89: a mature product's agreement is the account manager's; the technical lead signs it, the account manager the contract
    draftAgreement: ['am-li', 'ACCOUNT_MANAGER'], signAgreement: { hand: ['pe-wang', 'PRESALES_ENGINEER'], capacity: 'TECHNICAL_LEAD' },
    signContract: { hand: ['am-li', 'ACCOUNT_MANAGER'], capacity: 'ACCOUNT_MANAGER' }, archiveScan: ['sup-zhao', 'SALES_SUPERVISOR'],
    // document 002 (a hardware maker's): the pre-sales engineer prepares and gives demos; the supervisor keeps the tracking table
    planDemo: ['pe-wang', 'PRESALES_ENGINEER'], noteCompetitor: ['sup-zhao', 'SALES_SUPERVISOR'],
    // document 003 L47: the supervisor sends the solution to the customer and follows it up
    confirm: ['sup-zhao', 'SALES_SUPERVISOR'],
  },
};
const PROFILES = Object.keys(HANDS) as Array<keyof typeof HANDS>;

describe.each(PROFILES)('a tender won and signed under the %s profile, each step by the hands it assigns', (profile) => {
  let psm: PsmApp;
  const other = HANDS[PROFILES.find((name) => name !== profile)!];
  const hands = HANDS[profile];
  beforeAll(async () => {
    psm = await PsmApp.start({ POLICY_FILE: profile });
  });
  afterAll(() => psm.stop());

  it('walks from lead to summary, refusing the other profile\'s hands where the two differ', async () => {
    const projectId = randomUUID();
    const as = ([userId, role]: Hand) => psm.as(userId, role);
    const step = async (hand: Hand, mutation: string, input: Record<string, unknown>) => {
      const { data, errors } = await as(hand).do(mutation, { projectId, ...input });
      if (errors) throw new Error(`${mutation} by ${hand[1]}: ${JSON.stringify(errors)}`);
      return data[mutation] as { stage: string; events: Array<{ type: string; data: Record<string, unknown> }> };
    };
    /** The other profile's hand is refused (when it differs), then this profile's hand does the step. */
    const only = async (mine: Hand, theirs: Hand, mutation: string, input: Record<string, unknown>) => {
      if (mine[1] !== theirs[1]) {
        const { errors } = await as(theirs).do(mutation, { projectId, ...input });
        expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', domainCode: 'NOT_ALLOWED_FOR_ROLE' });
      }
      return step(mine, mutation, input);
    };
    /** The other profile's signer, in their own capacity, is refused; then this profile's signer signs, recorded with their capacity. */
    const signs = async (mine: Signer, theirs: Signer, mutation: string, input: Record<string, unknown>) => {
      const { errors } = await as(theirs.hand).do(mutation, { projectId, ...input, capacity: theirs.capacity });
      expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', domainCode: 'NOT_ALLOWED_FOR_ROLE' });
      const signed = await step(mine.hand, mutation, { ...input, capacity: mine.capacity });
      expect(signed.events[0].data).toMatchObject({ signerId: mine.hand[0], capacity: mine.capacity });
      return signed;
    };
    const am: Hand = ['am-li', 'ACCOUNT_MANAGER'];
    const engineer: Hand = ['pe-wang', 'PRESALES_ENGINEER'];
    await step(am, 'registerLead', {
      title: '焊接机器人工作站', customer: '苏州精工', contact: { name: '陈工' }, need: 'welding cells',
      channel: 'EXHIBITION', estimatedAmount: cny(800_000), region: 'EAST', productLine: 'ROBOT_CELL',
    });
    await step(['sup-zhao', 'SALES_SUPERVISOR'], 'screenLead', { decision: 'QUALIFY' });
    await step(['dir-sun', 'SALES_DIRECTOR'], 'approveProject', {
      sponsorId: 'dir-sun', presalesEngineerId: 'pe-wang', hasMatureReference: true,
      milestones: [{ name: 'solution', dueOn: '2027-03-01' }], presalesBudget: cny(20_000),
    });
    await step(engineer, 'recordExchange', { summary: 'memo', surveyNeeded: false });
    // 演示: planned (by the tech manager too under enterprise-standard, by the engineer only under equipment-maker), held, heard back on
    const plan = { audience: '厂长与设备科', environment: '展厅样机', agenda: '上下料与焊接演示、答疑', durationMinutes: 60 };
    const tm: Hand = ['tm-he', 'TECH_MANAGER'];
    await (profile === 'equipment-maker' ? only(hands.planDemo, tm, 'planDemo', plan) : step(hands.planDemo, 'planDemo', plan));
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await step(engineer, 'recordDemoHeld', { number: 1, presenters: ['pe-wang'], heldOn: today });
    await step(engineer, 'recordDemoFeedback', { number: 1, feedback: '节拍满足要求' });
    await step(engineer, 'submitSolution', { document: docOf('solution') });
    await step(am, 'setSystemBudget', { systemBudget: cny(600_000) });
    // the author does not convene their own review: 市场部 does, in both profiles
    await only(['mk-zhou', 'MARKETING'], engineer, 'conveneReview', { subject: 'SOLUTION', reviewers: ['rv-1'] });
    await step(['rv-1', 'REVIEWER'], 'approveReview', { subject: 'SOLUTION', documentSha256: docOf('solution').sha256 });
    const confirm = (subject: string, document: string) => step(hands.confirm, 'recordCustomerConfirmation', { subject, documentSha256: docOf(document).sha256 });
    await confirm('SOLUTION', 'solution');
    const quoted = await step(am, 'submitQuotation', { amount: cny(90_000), document: docOf('quotation') });
    expect(quoted.events[0].data.requiredApprovals).toEqual([hands.approveQuotation[1]]);
    await only(hands.approveQuotation, other.approveQuotation, 'approveQuotation', { documentSha256: docOf('quotation').sha256 });
    await step(am, 'chooseProcurement', { method: 'TENDER' });
    await only(hands.decideBid, other.decideBid, 'decideBid', { decision: 'BID' });
    const opening = new Date(Date.now() + 8 * 3_600_000 + 20 * 86_400_000).toISOString().slice(0, 10);
    await only(hands.buyTenderDocuments, other.buyTenderDocuments, 'recordBidStep', { step: 'DOCUMENTS_PURCHASED', openingOn: opening });
    // the final decision, once the documents are evaluated (test/e2e/tender-work.e2e.spec.ts walks the rest of the tender's work)
    await step(am, 'evaluateTenderDocuments', { findings: '条款可接受', evaluators: ['am-li', 'pe-wang'] });
    await only(hands.decideBid, other.decideBid, 'decideBid', { decision: 'BID' });
    // document 000 names no bond payer: enterprise-standard lets the account manager or the supervisor pay it
    const bond = { step: 'BOND_PAID', amount: cny(5_000) };
    await (profile === 'equipment-maker' ? only(hands.payBidBond, other.payBidBond, 'recordBidStep', bond) : step(hands.payBidBond, 'recordBidStep', bond));
    await only(hands.checkBidDocuments, other.checkBidDocuments, 'recordBidStep', { step: 'DOCUMENTS_CHECKED' });
    await step(profile === 'equipment-maker' ? ['sa-jiang', 'SALES_ASSISTANT'] : ['mk-zhou', 'MARKETING'], 'recordBidStep', { step: 'DOCUMENTS_SEALED', delivery: 'COURIER' });
    await step(am, 'recordBidStep', { step: 'BID_SUBMITTED', amount: cny(90_000) });
    await step(am, 'recordBidResult', { result: 'WON', competitors: ['ABB'] });
    // 竞争信息 after the result, by the account manager and by whom each profile adds
    await step(am, 'noteCompetitor', { competitor: 'KUKA', weaknesses: '交期长', price: cny(95_000) });
    await only(hands.noteCompetitor, other.noteCompetitor, 'noteCompetitor', { competitor: 'ABB', strengths: '品牌' });
    // document 000 lets the account manager or the engineer draft any agreement; document 003 gives a mature product's to the account manager
    const agreement = { document: docOf('agreement') };
    await (profile === 'equipment-maker' ? only(hands.draftAgreement, other.draftAgreement, 'submitTechnicalAgreement', agreement) : step(hands.draftAgreement, 'submitTechnicalAgreement', agreement));
    await only(hands.organiseAgreementReview, other.organiseAgreementReview, 'conveneReview', { subject: 'TECHNICAL_AGREEMENT', reviewers: ['rv-1'] });
    await step(['rv-1', 'REVIEWER'], 'approveReview', { subject: 'TECHNICAL_AGREEMENT', documentSha256: docOf('agreement').sha256 });
    await confirm('TECHNICAL_AGREEMENT', 'agreement');
    await signs(hands.signAgreement, other.signAgreement, 'signTechnicalAgreement', { documentSha256: docOf('agreement').sha256 });
    await confirm('CONTRACT_INTENT', 'agreement');
    const representative = { document: 'CONTRACT', userId: 'dir-sun' };
    if (profile === 'enterprise-standard') await step(['dl-feng', 'DEPARTMENT_LEADER'], 'nameSigningRepresentative', representative);
    else expect((await as(['dl-feng', 'DEPARTMENT_LEADER']).do('nameSigningRepresentative', { projectId, ...representative })).errors?.[0].extensions).toMatchObject({ domainCode: 'NOT_ALLOWED_FOR_ROLE' });
    const drafted = await step(am, 'draftContract', { document: docOf('contract'), amount: cny(90_000) });
    expect((drafted.events[0].data.chain as Array<{ role: string }>).map((signer) => signer.role)).toEqual(hands.chain.map(([, role]) => role));
    for (const signer of hands.chain) await step(signer, 'countersign', { decision: 'SIGN', documentSha256: docOf('contract').sha256 });
    await confirm('CONTRACT', 'contract');
    const signed = await signs(hands.signContract, other.signContract, 'signContract', { signedOn: opening, document: docOf('contract') });
    expect(signed.stage).toBe('WON');
    const scan = await only(hands.archiveScan, other.archiveScan, 'archiveSignedScan', { document: 'CONTRACT', scan: docOf('signed contract scan') });
    expect(scan.events[0].data).toMatchObject({ scan: docOf('signed contract scan'), signedVersionSha256: docOf('contract').sha256 });
    const handedOver = await step(am, 'handOver', { receivedBy: 'de-wu', items: [...handoverSheets(), { kind: 'BID_DOCUMENTS', version: '1', ...docOf('bid') }] });
    expect(handedOver.events[0].data.items).toEqual(expect.arrayContaining([
      { kind: 'CONTRACT', version: 'v1', ...docOf('contract') }, { kind: 'CONTRACT', version: 'v1 signed scan', ...docOf('signed contract scan') },
      { kind: 'BID_DOCUMENTS', version: '1', ...docOf('bid') },
    ]));
    const summary = await step(am, 'summarizeProject', { reasons: ['TECHNICAL'], text: 'won on the welding cell design' });
    expect(summary.events.map((event) => event.type)).toEqual(['ProjectSummarized']);
    const { data } = await psm.graphql(`query($id: ID!) { project(id: $id) {
      demos { number audience durationMinutes plannedBy held { presenters heldOn } feedback } competitorNotes { competitor weaknesses price { amount } reportedBy } } }`,
    { id: projectId }, psm.tokenFor('dir-sun', 'SALES_DIRECTOR'));
    expect(data.project.demos).toEqual([{ number: 1, audience: plan.audience, durationMinutes: 60, plannedBy: hands.planDemo[0], held: { presenters: ['pe-wang'], heldOn: today }, feedback: '节拍满足要求' }]);
    expect(data.project.competitorNotes).toEqual([
      { competitor: 'KUKA', weaknesses: '交期长', price: { amount: cny(95_000).amount }, reportedBy: 'am-li' },
      { competitor: 'ABB', weaknesses: null, price: null, reportedBy: hands.noteCompetitor[0] },
    ]);
    await psm.caughtUp();
    const report = await psm.graphql(`{ monthlyStatistics(month: "${today.slice(0, 7)}") { rows { demosHeld demosHeldByPerson { key count } } } }`, {}, psm.tokenFor('dir-sun', 'SALES_DIRECTOR'));
    expect(report.data.monthlyStatistics.rows).toEqual([{ demosHeld: 1, demosHeldByPerson: [{ key: 'pe-wang', count: 1 }] }]);
    const winLoss = await psm.graphql(`{ winLossAnalysis(from: "${today.slice(0, 7)}", to: "${today.slice(0, 7)}") { competitorsBeaten { key count } } }`, {}, psm.tokenFor('dir-sun', 'SALES_DIRECTOR'));
    expect(winLoss.data.winLossAnalysis[0].competitorsBeaten).toEqual([{ key: 'ABB', count: 1 }, { key: 'KUKA', count: 1 }]);
    // every decision records the profile it was taken under
    const stored = await psm.app.get<EventStore>(EVENT_STORE).readStream(projectStream(projectId));
    expect(new Set(stored.map((event) => JSON.stringify(event.metadata.policy)))).toEqual(new Set([JSON.stringify({ profile, version: readPolicyFile(profile).version })]));
  });
});
