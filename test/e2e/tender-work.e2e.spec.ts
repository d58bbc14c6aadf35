import { ProcedureDriver } from '../support/procedure-driver.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

import { stepsOn, type Hand } from '../support/project-steps.js';

/** Who does the tender's work under each shipped profile (documents 000 and 003), where the two differ. */
const HANDS: Record<'enterprise-standard' | 'equipment-maker', {
  approveQuotation: Hand; decideBid: Hand; buyTenderDocuments: Hand; evaluate: Hand; kickOff: Hand; payBidBond: Hand; checkBidDocuments: Hand; seal: Hand;
  result: 'WON' | 'LOST';
}> = {
  // document 000: 客户经理 judges whether to bid, buys the documents and calls the kick-off; 市场部 checks, binds and seals
  'enterprise-standard': {
    approveQuotation: ['tm-he', 'TECH_MANAGER'], decideBid: ['am-li', 'ACCOUNT_MANAGER'], buyTenderDocuments: ['am-li', 'ACCOUNT_MANAGER'], evaluate: ['pe-wang', 'PRESALES_ENGINEER'],
    kickOff: ['am-li', 'ACCOUNT_MANAGER'], payBidBond: ['am-li', 'ACCOUNT_MANAGER'], checkBidDocuments: ['mk-zhou', 'MARKETING'], seal: ['mk-zhou', 'MARKETING'], result: 'WON',
  },
  // document 003: 部长 decides on 业务经理's advice, 业务主管 buys, sets the dates and pays the bond, 销售内勤 binds, seals and sends
  'equipment-maker': {
    approveQuotation: ['dir-sun', 'SALES_DIRECTOR'], decideBid: ['dir-sun', 'SALES_DIRECTOR'], buyTenderDocuments: ['sup-zhao', 'SALES_SUPERVISOR'], evaluate: ['dir-sun', 'SALES_DIRECTOR'],
    kickOff: ['sup-zhao', 'SALES_SUPERVISOR'], payBidBond: ['sup-zhao', 'SALES_SUPERVISOR'], checkBidDocuments: ['sup-zhao', 'SALES_SUPERVISOR'], seal: ['sa-jiang', 'SALES_ASSISTANT'], result: 'LOST',
  },
};
const PROFILES = Object.keys(HANDS) as Array<keyof typeof HANDS>;
const AM: Hand = ['am-li', 'ACCOUNT_MANAGER'];
const ENGINEER: Hand = ['pe-wang', 'PRESALES_ENGINEER'];
const DIRECTOR: Hand = ['dir-sun', 'SALES_DIRECTOR'];

describe.each(PROFILES)('PSM050 as it happens under the %s profile: advice, intent, loan, documents, evaluation, final decision, the bid\'s work, the opening, the result', (profile) => {
  let psm: PsmApp;
  const hands = HANDS[profile];
  const other = HANDS[PROFILES.find((name) => name !== profile)!];
  beforeAll(async () => {
    psm = await PsmApp.start({ POLICY_FILE: profile });
  });
  afterAll(() => psm.stop());

  it('walks the tender by the hands the profile assigns, refusing the other profile\'s where they differ, and reads it back', async () => {
    const drive = new ProcedureDriver(psm, profile);
    const projectId = await drive.toQuotation();
    const { step, refusal } = stepsOn(psm, projectId);
    /** The other profile's hand is refused (unless this profile allows it too), then this profile's hand does the step. */
    const only = async (mine: Hand, theirs: Hand, mutation: string, input: Record<string, unknown>, refused = mine[1] !== theirs[1]) => {
      if (refused) expect(await refusal(theirs, mutation, input)).toMatchObject({ code: 'FORBIDDEN', domainCode: 'NOT_ALLOWED_FOR_ROLE' });
      return step(mine, mutation, input);
    };
    await step(hands.approveQuotation, 'approveQuotation', { documentSha256: docOf('quotation 90000').sha256 });
    await step(AM, 'chooseProcurement', { method: 'TENDER' });
    // the opening is today: the bid is checked, sealed and submitted on the day, and the opening recorded once it is held
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

    await step(AM, 'adviseBid', { advice: 'BID', reason: '同类项目业绩' });
    const intent = await only(hands.decideBid, other.decideBid, 'decideBid', { decision: 'BID' });
    expect(intent.events[0].data).toMatchObject({ decision: 'BID', phase: 'INTENT' });
    await step(DIRECTOR, 'recordBidStep', { step: 'LOAN_SIGNED', amount: cny(500) });
    await only(hands.buyTenderDocuments, other.buyTenderDocuments, 'recordBidStep', { step: 'DOCUMENTS_PURCHASED', openingOn: today, bondDueOn: today, amount: cny(500), purchaseClosesOn: today });
    // the final decision waits for the evaluation
    const early = await psm.as(...hands.decideBid).do('decideBid', { projectId, decision: 'BID' });
    expect(early.errors?.[0].extensions).toMatchObject({ domainCode: 'INVALID_TRANSITION' });
    // document 003 has 部长, 业务主管, 业务经理 and the technical team evaluate; document 000 only the account manager's meeting
    await only(hands.evaluate, other.evaluate, 'evaluateTenderDocuments', { findings: '技术条款与方案吻合，付款条件可接受', evaluators: ['am-li', 'pe-wang', 'dir-sun'] }, profile === 'enterprise-standard');
    const final = await step(hands.decideBid, 'decideBid', { decision: 'BID' });
    expect(final.events[0].data).toMatchObject({ decision: 'BID', phase: 'FINAL' });

    const shares = [{ assignee: 'pe-wang', task: '技术标书', dueOn: today }, { assignee: 'am-li', task: '商务标书与报价' }];
    await only(hands.kickOff, other.kickOff, 'holdBidKickOff', { attendees: ['am-li', 'pe-wang'], assignments: shares, notes: '客户关注节拍' });
    await only(ENGINEER, AM, 'submitTechnicalBid', { document: docOf('technical bid'), cost: cny(60_000) });
    await step(hands.payBidBond, 'recordBidStep', { step: 'BOND_PAID', amount: cny(5_000) });
    await step(hands.checkBidDocuments, 'recordBidStep', { step: 'DOCUMENTS_CHECKED' });
    // 市场部 binds under document 000, and a sales assistant may too; under document 003 only 销售内勤
    await only(hands.seal, other.seal, 'recordBidStep', { step: 'DOCUMENTS_SEALED', delivery: 'IN_PERSON' }, profile === 'equipment-maker');
    await step(AM, 'recordBidStep', { step: 'BID_SUBMITTED', amount: cny(90_000) });
    await only(ENGINEER, hands.checkBidDocuments, 'recordBidOpening', {
      attendees: ['am-li', 'pe-wang'], presentation: '讲解方案与节拍', technicalQuestions: '换型时间', bidders: [{ bidder: 'KUKA', price: cny(85_000) }, { bidder: 'Estun' }],
    });
    const result = hands.result === 'WON'
      ? { result: 'WON', reasons: ['TECHNICAL'], notes: '答疑打动了客户' }
      : { result: 'LOST', winner: 'KUKA', winningPrice: cny(85_000), ourPrice: cny(90_000), reasons: ['PRICE'] };
    expect((await step(AM, 'recordBidResult', result)).stage).toBe(hands.result === 'WON' ? 'PSM060_NEGOTIATION' : 'LOST');

    const director = psm.tokenFor(...DIRECTOR);
    const { data } = await psm.graphql(`query($id: ID!) { project(id: $id) {
      tender { intent decision loanSigned documentsPurchased documentsEvaluated kickOffHeld technicalBids bondPaid documentsChecked sealed submitted openingRecorded }
      tenderWork {
        advice { advice reason advisedBy } decisions { decision phase decidedBy } loan { fee { amount } signedBy } purchase { openingOn fee { amount } purchaseClosesOn }
        evaluation { evaluators evaluatedBy } kickOff { attendees assignments { assignee task dueOn } heldBy } technicalBids { version cost { amount } submittedBy }
        bond { amount } sealing { delivery sealedBy } opening { attendees presentation technicalQuestions bidders { bidder price { amount } } recordedBy }
        result { result reasons notes winner }
      } } }`, { id: projectId }, director);
    expect(data.project.tender).toEqual({
      intent: 'BID', decision: 'BID', loanSigned: true, documentsPurchased: true, documentsEvaluated: true, kickOffHeld: true, technicalBids: 1,
      bondPaid: true, documentsChecked: true, sealed: true, submitted: true, openingRecorded: true,
    });
    expect(data.project.tenderWork).toEqual({
      advice: [{ advice: 'BID', reason: '同类项目业绩', advisedBy: 'am-li' }],
      decisions: [{ decision: 'BID', phase: 'INTENT', decidedBy: hands.decideBid[0] }, { decision: 'BID', phase: 'FINAL', decidedBy: hands.decideBid[0] }],
      loan: { fee: { amount: cny(500).amount }, signedBy: 'dir-sun' },
      purchase: { openingOn: today, fee: { amount: cny(500).amount }, purchaseClosesOn: today },
      evaluation: { evaluators: ['am-li', 'pe-wang', 'dir-sun'], evaluatedBy: hands.evaluate[0] },
      kickOff: { attendees: ['am-li', 'pe-wang'], assignments: [{ ...shares[0] }, { ...shares[1], dueOn: null }], heldBy: hands.kickOff[0] },
      technicalBids: [{ version: 1, cost: { amount: cny(60_000).amount }, submittedBy: 'pe-wang' }],
      bond: { amount: cny(5_000).amount },
      sealing: { delivery: 'IN_PERSON', sealedBy: hands.seal[0] },
      opening: { attendees: ['am-li', 'pe-wang'], presentation: '讲解方案与节拍', technicalQuestions: '换型时间', bidders: [{ bidder: 'KUKA', price: { amount: cny(85_000).amount } }, { bidder: 'Estun', price: null }], recordedBy: 'pe-wang' },
      result: hands.result === 'WON'
        ? { result: 'WON', reasons: ['TECHNICAL'], notes: '答疑打动了客户', winner: null }
        : { result: 'LOST', reasons: ['PRICE'], notes: null, winner: 'KUKA' },
    });

    if (hands.result === 'LOST') {
      // the bidders read out at the opening are competitors met, as a competitor note would be
      await psm.caughtUp();
      const month = today.slice(0, 7);
      const { data: analysis } = await psm.graphql('query($m: String!) { winLossAnalysis(from: $m, to: $m) { lost lossReasons { key count } competitorsMet { key count } } }', { m: month }, director);
      expect(analysis.winLossAnalysis).toEqual([{ lost: 1, lossReasons: [{ key: 'PRICE', count: 1 }], competitorsMet: [{ key: 'Estun', count: 1 }, { key: 'KUKA', count: 1 }] }]);
    }
  });
});
