import { createHash } from 'node:crypto';
import type { Random } from '../src/demo/random.js';

/** One request a soak user sends: a command as a named person (with the refusal code expected, if any), or a query. */
export type SoakRequest =
  | { kind: 'command'; userId: string; role: string; mutation: string; input: Record<string, unknown>; refusedWith?: string }
  | { kind: 'query'; userId: string; role: string; query: string; variables: Record<string, unknown> };

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const doc = (title: string) => ({ title, uri: `https://dms.example.test/${encodeURIComponent(title)}`, sha256: sha(title) });
const cny = (yuan: number) => ({ amount: yuan * 100, currency: 'CNY' });
const isoDay = (daysAhead: number) => new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);

/** The people of one sales team: every soak user walks its projects with its own team, so no token exceeds its rate. */
export const teamOf = (team: number) => ({
  am: `am-${team}`, sup: `sup-${team}`, dir: `dir-${team}`, gm: `gm-${team}`, pe: `pe-${team}`,
  tm: `tm-${team}`, oc: `oc-${team}`, mk: `mk-${team}`, reviewers: [`rv-${team}-1`, `rv-${team}-2`, `rv-${team}-3`],
});

/**
 * One project through the procedure, as its team would walk it: screening, approval, exchange (and survey), solution
 * review (failing now and then), quotation by amount, tender or negotiation, technical agreement, countersigns
 * (rejected now and then), signature, handover and summary; or an early end (rejected lead, no-bid, lost bid,
 * termination). Now and then someone tries what the rules refuse: those requests say the refusal they expect.
 */
export function projectWalk(team: number, projectId: string, random: Random): SoakRequest[] {
  const t = teamOf(team);
  const steps: SoakRequest[] = [];
  const cmd = (userId: string, role: string, mutation: string, input: Record<string, unknown>, refusedWith?: string) =>
    steps.push({ kind: 'command', userId, role, mutation, input: { projectId, ...input }, refusedWith });
  const yuan = random.pick([60_000, 90_000, 400_000, 2_000_000]);
  cmd(t.am, 'ACCOUNT_MANAGER', 'registerLead', {
    title: `焊接机器人工作站 ${projectId.slice(0, 8)}`, customer: random.pick(['苏州精工', '宁波海天', '重庆长安']), contact: { name: '陈工' },
    need: 'two welding cells', channel: random.pick(['WEB', 'EXHIBITION', 'REFERRAL']), estimatedAmount: cny(yuan),
    region: random.pick(['EAST', 'SOUTH', 'NORTH']), productLine: random.pick(['ROBOT_CELL', 'PRODUCTION_LINE']),
  });
  if (random.chance(5)) {
    cmd(t.sup, 'SALES_SUPERVISOR', 'screenLead', { decision: 'REJECT', reason: 'no budget this year' });
    return steps;
  }
  cmd(t.pe, 'PRESALES_ENGINEER', 'screenLead', { decision: 'QUALIFY' }, 'FORBIDDEN');
  cmd(t.sup, 'SALES_SUPERVISOR', 'screenLead', { decision: 'QUALIFY' });
  cmd(t.dir, 'SALES_DIRECTOR', 'approveProject', {
    sponsorId: t.dir, presalesEngineerId: t.pe, hasMatureReference: true,
    milestones: [{ name: 'solution', dueOn: isoDay(30) }], presalesBudget: cny(20_000),
  });
  const survey = random.chance(50);
  cmd(t.pe, 'PRESALES_ENGINEER', 'recordExchange', { summary: 'exchange memo', surveyNeeded: survey });
  if (survey) cmd(t.pe, 'PRESALES_ENGINEER', 'recordSurvey', { summary: 'site survey report' });
  cmd(t.am, 'ACCOUNT_MANAGER', 'addTrackingNote', { kind: 'VISIT', note: '拜访客户，确认需求', nextAction: 'send the solution', nextActionOn: isoDay(7) });
  let solution = 1;
  if (random.chance(20)) {
    cmd(t.pe, 'PRESALES_ENGINEER', 'submitSolution', { document: doc(`${projectId} solution v1`) });
    cmd(t.mk, 'MARKETING', 'conveneReview', { subject: 'SOLUTION', reviewers: [t.reviewers[0]] });
    cmd(t.reviewers[0], 'REVIEWER', 'rejectReview', { subject: 'SOLUTION', documentSha256: doc(`${projectId} solution v1`).sha256, comments: 'cycle time unproven' });
    solution = 2;
  }
  const solutionDoc = doc(`${projectId} solution v${solution}`);
  cmd(t.pe, 'PRESALES_ENGINEER', 'submitSolution', { document: solutionDoc });
  if (solution === 1) cmd(t.am, 'ACCOUNT_MANAGER', 'setSystemBudget', { systemBudget: cny(yuan / 2) });
  cmd(t.mk, 'MARKETING', 'conveneReview', { subject: 'SOLUTION', reviewers: [t.reviewers[0]] });
  cmd(t.reviewers[1], 'REVIEWER', 'approveReview', { subject: 'SOLUTION', documentSha256: solutionDoc.sha256 }, 'FORBIDDEN');
  cmd(t.reviewers[0], 'REVIEWER', 'approveReview', { subject: 'SOLUTION', documentSha256: solutionDoc.sha256 });
  const quotation = doc(`${projectId} quotation`);
  cmd(t.am, 'ACCOUNT_MANAGER', 'submitQuotation', { amount: cny(yuan), document: quotation });
  if (yuan <= 100_000) cmd(t.tm, 'TECH_MANAGER', 'approveQuotation', { documentSha256: quotation.sha256 });
  else cmd(t.oc, 'OPERATIONS_CENTER', 'approveQuotation', { documentSha256: quotation.sha256 });
  if (random.chance(10)) {
    cmd(t.am, 'ACCOUNT_MANAGER', 'requestTermination', { reason: 'customer postponed the investment' });
    cmd(t.dir, 'SALES_DIRECTOR', 'decideTermination', { approve: true, comments: 'agreed' });
    cmd(t.sup, 'SALES_SUPERVISOR', 'summarizeProject', { reasons: ['BUDGET_CUT'], text: 'terminated: budget' });
    return steps;
  }
  if (random.chance(50)) {
    cmd(t.am, 'ACCOUNT_MANAGER', 'chooseProcurement', { method: 'TENDER' });
    if (random.chance(10)) {
      cmd(t.am, 'ACCOUNT_MANAGER', 'decideBid', { decision: 'NO_BID', reason: 'qualification missing' });
      cmd(t.am, 'ACCOUNT_MANAGER', 'summarizeProject', { reasons: ['QUALIFICATION'], text: 'no bid' });
      return steps;
    }
    cmd(t.am, 'ACCOUNT_MANAGER', 'decideBid', { decision: 'BID' });
    cmd(t.am, 'ACCOUNT_MANAGER', 'recordBidStep', { step: 'DOCUMENTS_PURCHASED', openingOn: isoDay(20) });
    cmd(t.am, 'ACCOUNT_MANAGER', 'recordBidStep', { step: 'BOND_PAID', amount: cny(5_000) });
    cmd(t.am, 'ACCOUNT_MANAGER', 'recordBidStep', { step: 'DOCUMENTS_CHECKED' }, 'FORBIDDEN');
    cmd(t.mk, 'MARKETING', 'recordBidStep', { step: 'DOCUMENTS_CHECKED' });
    cmd(t.am, 'ACCOUNT_MANAGER', 'recordBidStep', { step: 'BID_SUBMITTED', amount: cny(yuan) });
    if (random.chance(30)) {
      cmd(t.am, 'ACCOUNT_MANAGER', 'recordBidResult', {
        result: 'LOST', winner: '竞争对手甲', winningPrice: cny(yuan - 1_000), ourPrice: cny(yuan), reasons: ['PRICE'], competitors: ['竞争对手甲'],
      });
      cmd(t.am, 'ACCOUNT_MANAGER', 'summarizeProject', { reasons: ['PRICE'], text: 'lost on price' });
      return steps;
    }
    cmd(t.am, 'ACCOUNT_MANAGER', 'recordBidResult', { result: 'WON', competitors: ['竞争对手甲'] });
  } else {
    cmd(t.am, 'ACCOUNT_MANAGER', 'chooseProcurement', { method: 'NEGOTIATION' });
    cmd(t.am, 'ACCOUNT_MANAGER', 'recordNegotiation', { notes: 'payment terms agreed' });
  }
  const agreement = doc(`${projectId} agreement`);
  cmd(t.pe, 'PRESALES_ENGINEER', 'submitTechnicalAgreement', { document: agreement });
  cmd(t.mk, 'MARKETING', 'conveneReview', { subject: 'TECHNICAL_AGREEMENT', reviewers: [t.reviewers[2]] });
  cmd(t.reviewers[2], 'REVIEWER', 'approveReview', { subject: 'TECHNICAL_AGREEMENT', documentSha256: agreement.sha256 });
  cmd(t.pe, 'PRESALES_ENGINEER', 'signTechnicalAgreement', { documentSha256: agreement.sha256 });
  let draft = 1;
  cmd(t.am, 'ACCOUNT_MANAGER', 'draftContract', { document: doc(`${projectId} contract v1`), amount: cny(yuan) });
  if (random.chance(15)) {
    cmd(t.am, 'ACCOUNT_MANAGER', 'countersign', { decision: 'SIGN', documentSha256: doc(`${projectId} contract v1`).sha256 });
    cmd(t.mk, 'MARKETING', 'countersign', { decision: 'REJECT', documentSha256: doc(`${projectId} contract v1`).sha256, comments: 'penalty clause' });
    draft = 2;
    cmd(t.am, 'ACCOUNT_MANAGER', 'draftContract', { document: doc(`${projectId} contract v2`), amount: cny(yuan) });
  }
  const contract = doc(`${projectId} contract v${draft}`);
  cmd(t.gm, 'BU_GENERAL_MANAGER', 'countersign', { decision: 'SIGN', documentSha256: contract.sha256 }, 'FORBIDDEN');
  cmd(t.am, 'ACCOUNT_MANAGER', 'countersign', { decision: 'SIGN', documentSha256: contract.sha256 });
  cmd(t.mk, 'MARKETING', 'countersign', { decision: 'SIGN', documentSha256: contract.sha256 });
  cmd(t.gm, 'BU_GENERAL_MANAGER', 'countersign', { decision: 'SIGN', documentSha256: contract.sha256 });
  cmd(t.am, 'ACCOUNT_MANAGER', 'signContract', { signedOn: isoDay(0), document: contract });
  const sheets = ['CONTRACT_REVIEW_SHEET', 'REVIEW_ISSUES_SHEET', 'CUSTOMER_NEEDS', 'PRODUCT_CONFIGURATION'].map((kind) => ({ kind, version: '1', ...doc(`${projectId} ${kind}`) }));
  cmd(t.am, 'ACCOUNT_MANAGER', 'handOver', { receivedBy: 'delivery-team', items: sheets });
  cmd(t.am, 'ACCOUNT_MANAGER', 'summarizeProject', { reasons: ['TECHNICAL', 'RELATIONSHIP'], text: 'won on cycle time' });
  return steps;
}

const BOARD = 'query($f: BoardFilterInput) { pipelineBoard(filter: $f) { stage count amount weightedAmount cards { projectId title customer amount { amount } daysInStage overdue nextStep } } }';
const MY_WORK = '{ myWork { projectId kind assignee since step } }';
const PROJECT = 'query($id: ID!) { project(id: $id) { id stage revision title estimatedAmount { amount } signedAmount { amount } } }';
const MONTHLY = 'query($m: String!) { monthlyStatistics(month: $m, groupBy: REGION) { month rows { value leads quotations contractsSigned contractAmount firstPassRate } } }';
const WIN_LOSS = 'query($from: String!, $to: String!) { winLossAnalysis(from: $from, to: $to, groupBy: OWNER) { key won lost winRate bidHitRate amountWon } }';
const PROJECTS = '{ projects(page: { limit: 20, offset: 0 }) { total items { projectId stage amount { amount } } } }';

/** A query someone of the team would look at between steps: the board, their work list, a project, the reports. */
export function teamQuery(team: number, projectId: string, random: Random): SoakRequest {
  const t = teamOf(team);
  const month = new Date().toISOString().slice(0, 7);
  return random.pick<SoakRequest>([
    { kind: 'query', userId: t.sup, role: 'SALES_SUPERVISOR', query: BOARD, variables: { f: { ownerId: t.am } } },
    { kind: 'query', userId: t.dir, role: 'SALES_DIRECTOR', query: BOARD, variables: {} },
    { kind: 'query', userId: t.mk, role: 'MARKETING', query: MY_WORK, variables: {} },
    { kind: 'query', userId: t.reviewers[0], role: 'REVIEWER', query: MY_WORK, variables: {} },
    { kind: 'query', userId: t.am, role: 'ACCOUNT_MANAGER', query: PROJECT, variables: { id: projectId } },
    { kind: 'query', userId: t.dir, role: 'SALES_DIRECTOR', query: MONTHLY, variables: { m: month } },
    { kind: 'query', userId: t.gm, role: 'BU_GENERAL_MANAGER', query: WIN_LOSS, variables: { from: month, to: month } },
    { kind: 'query', userId: t.am, role: 'ACCOUNT_MANAGER', query: PROJECTS, variables: {} },
  ]);
}
