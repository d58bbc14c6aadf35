import type { StandardSolutionCommand } from '../domain/catalogue/standard-solution.js';
import type { ProjectCommand } from '../domain/project/commands.js';
import type { Actor, ConfirmedSubject, DocumentRef, HandoverItem, HandoverKind, OutcomeReason, Role, SentDocument, SignedDocument } from '../domain/project/vocabulary.js';
import { assessmentSchedule, withKpis, type AssessmentStep, type SurveyAnswerStep } from './demo-kpis.js';
import { withTracking } from './demo-tracking.js';
import { withPlan } from './demo-plan.js';
import { documentOf } from './demo-documents.js';
import { catalogueSchedule, openRequest, solutionRequest, standardFor } from './demo-requests.js';
import { tenderWork } from './demo-tender.js';
import { as, cny, DAY, dayOf, HOUR, uuidOf } from './demo-values.js';
import { Random } from './random.js';

export interface DemoOptions {
  projects: number;
  months: number;
  seed: number;
  /** The history ends here; projects whose next step falls later stay open where they are. */
  end: Date;
}

/** A step of one project. */
export interface ProjectStep {
  at: Date;
  projectId: string;
  commandId: string;
  command: ProjectCommand;
  actor: Actor;
}

/** A step of the catalogue of standard solutions (标准方案库), on one entry's stream. */
export interface CatalogueStep {
  at: Date;
  entryId: string;
  commandId: string;
  command: StandardSolutionCommand;
  actor: Actor;
}

export type ScheduledCommand = ProjectStep | CatalogueStep | SurveyAnswerStep | AssessmentStep;

export const isCatalogueStep = (step: ScheduledCommand): step is CatalogueStep => 'entryId' in step;
export const isSurveyAnswer = (step: ScheduledCommand): step is SurveyAnswerStep => 'token' in step;
export const isAssessmentStep = (step: ScheduledCommand): step is AssessmentStep => 'month' in step;

type Path = 'REJECTED' | 'FORWARDED' | 'TERMINATED' | 'NO_BID' | 'BID_LOST' | 'BID_WON' | 'NEGOTIATED';
const PATHS: Array<[Path, number]> = [
  ['REJECTED', 8], ['FORWARDED', 4], ['TERMINATED', 10], ['NO_BID', 10], ['BID_LOST', 20], ['BID_WON', 20], ['NEGOTIATED', 28],
];
const REGIONS = ['EAST', 'NORTH', 'SOUTH', 'WEST'] as const;
const PRODUCT_LINES = ['SINGLE_EQUIPMENT', 'ROBOT_CELL', 'PRODUCTION_LINE'] as const;
const CHANNELS = ['WEB', 'DISTRIBUTOR', 'PHONE', 'FAX', 'EMAIL', 'REFERRAL', 'EXHIBITION', 'OUTBOUND'] as const;
const REASONS: OutcomeReason[] = ['PRICE', 'TECHNICAL', 'RELATIONSHIP', 'QUALIFICATION', 'TIMING', 'COMPETITOR', 'BUDGET_CUT', 'OTHER'];
const COMPETITORS = ['ABB', 'KUKA', 'FANUC', 'Yaskawa', 'Estun', 'Efort', 'Siasun'];
const CUSTOMERS = ['苏州精工机械', '无锡食品', '常州汽配', '宁波家电', '青岛港机', '成都电子', '武汉钢构', '天津医药', '东莞五金', '合肥新能源'];
const AUDIENCES = ['厂长与设备科', '工艺科与生产部', '采购部与技术部', '总经理与项目组'];
const ENVIRONMENTS = ['公司展厅样机', '客户现场', 'Demo演示系统（目标系统原型）', '远程视频演示'];
const AGENDAS = ['产品介绍、上下料与焊接演示、答疑', '方案讲解、节拍演示、换型演示、答疑', '系统演示、操作体验、技术交流'];
const FEEDBACK = ['节拍满足要求，关注换型时间', '对精度满意，担心价格', '希望看更多工件的演示', '认可方案，要求补充维护说明'];
const SUPPLEMENTS = ['补充协议：增加备件包', '补充协议：延长质保至两年', '补充协议：调整交货地点'];
const ORAL_AGREEMENTS = ['口头协议书面化：免费培训两次', '口头协议书面化：首批易损件免费', '口头协议书面化：验收后30天付尾款'];
const STRENGTHS = ['品牌知名度高', '报价低', '交期短', '本地服务网点多', '有同行业案例'];
const WEAKNESSES = ['交期长', '售后响应慢', '定制能力弱', '报价高', '软件不开放'];
const SIGNING_PLACES = ['客户会议室', '公司总部会议室', '客户总部', '展会现场'];



/**
 * A realistic, deterministic pre-sales history: projects over the months before `end`, each following
 * one path of the procedure with its own timing, reworks and outcome, as commands with their actors.
 */
export function demoSchedule({ projects, months, seed, end }: DemoOptions): ScheduledCommand[] {
  const random = new Random(seed);
  const span = months * 30 * DAY;
  // the catalogue is kept before the first project starts: every fast path finds its entry in force
  const schedule: ScheduledCommand[] = catalogueSchedule(end.getTime() - span);
  for (let n = 0; n < projects; n++) {
    const start = new Date(end.getTime() - span + random.int(0, span - 5 * DAY));
    const hold = IN_HAND[projects - 1 - n];
    const steps = withTracking(projectSchedule(random, n, start, hold !== undefined));
    // the plan's steps (document 004) carry their days in their data: the projects moved in time hold none
    schedule.push(...withKpis(hold ? inHand(steps, hold, end) : withPlan(steps, end)).filter((step) => step.at < end));
    // and one waits for the technical team's answer to a request the supervisor filed yesterday
    if (hold === 'SubmitSolution') schedule.push(openRequest(steps[0].projectId, end));
  }
  // 月度考核 of the engineers, month by month
  schedule.push(...assessmentSchedule(end.getTime() - span, end, seed).filter((step) => step.at < end));
  return schedule.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The newest projects are this week's work, whatever the seed: one waits for its review to be convened, one for its reviewers. */
const IN_HAND: ReadonlyArray<ProjectCommand['type']> = ['ConveneReview', 'SubmitSolution'];

/** Steps whose days are in their data (demos, tracking, meetings): a project moved in time leaves them out. */
const DEMO_STEPS: ReadonlyArray<ProjectCommand['type']> = [
  'PlanDemo', 'RecordDemoHeld', 'RecordDemoFeedback', 'AddTrackingNote', 'ReportWeeklyTracking', 'RaiseChallenge', 'AnswerChallenge', 'RecordMeetingMemo',
];
const REQUEST_STEPS: ReadonlyArray<ProjectCommand['type']> = ['RequestSolution', 'SignDispatchRequest', 'AnswerSolutionRequest', 'DisputeSolutionAnswer', 'DecideSolutionDispute'];

/** A project's steps up to the first `last`, moved so that it was taken the day before `end`. */
function inHand(steps: ProjectStep[], last: ProjectCommand['type'], end: Date): ProjectStep[] {
  // a demo's, a note's or a dispatch's days are in their data, which a move would leave behind: these projects hold none
  const kept = steps.slice(0, steps.findIndex((step) => step.command.type === last) + 1).filter((step) => !DEMO_STEPS.includes(step.command.type) && !REQUEST_STEPS.includes(step.command.type));
  const shift = end.getTime() - DAY - kept[kept.length - 1].at.getTime();
  return kept.map((step) => ({ ...step, at: new Date(step.at.getTime() + shift) }));
}

function projectSchedule(random: Random, n: number, start: Date, negotiated = false): ProjectStep[] {
  const projectId = random.uuid();
  const owner = `am-${random.int(1, 8)}`;
  const engineer = `pe-${random.int(1, 4)}`;
  const major = random.chance(15);
  const yuan = major ? random.int(5_100_000, 20_000_000) : random.int(50_000, 4_000_000);
  const pathRoll = random.int(1, 100);
  let total = 0;
  // the first projects take every path once, so that even a small world shows each way a project ends
  const path = n < PATHS.length ? PATHS[n][0] : negotiated ? 'NEGOTIATED' : PATHS.find(([, weight]) => (total += weight) >= pathRoll)![0];
  let at = start.getTime();
  const steps: ProjectStep[] = [];
  const next = (command: ProjectCommand, actor: Actor, gapDays: [number, number] = [1, 9]) => {
    steps.push({ at: new Date(at), projectId, commandId: random.uuid(), command, actor });
    at += random.int(gapDays[0] * DAY, gapDays[1] * DAY);
  };
  // a filing step draws nothing from the random sequence, so every project after it stays as it was; it comes with the step before
  const file = (command: ProjectCommand, actor: Actor, what: string) => steps.push({ at: new Date(at), projectId, commandId: uuidOf(`${projectId} ${what}`), command, actor });
  const am = as(owner, 'ACCOUNT_MANAGER');
  const pe = as(engineer, 'PRESALES_ENGINEER');
  const title = `${random.pick(CUSTOMERS)} ${random.pick(['焊接', '码垛', '装配', '喷涂', '检测'])}项目 #${n + 1}`;

  const supervisor = as('sup-1', 'SALES_SUPERVISOR');
  const marketing = as('mk-1', 'MARKETING');
  // one lead in five comes in through the supervisor (登记), who hands it to its account manager (分派)
  const byHand = n % 5 === 0;
  next({ type: 'RegisterLead', data: {
    projectId, title, customer: title.split(' ')[0], contact: { name: '联系人' }, need: 'automation', channel: random.pick(CHANNELS),
    estimatedAmount: cny(yuan), region: random.pick(REGIONS), productLine: random.pick(PRODUCT_LINES),
  } }, byHand ? supervisor : am);
  if (byHand) next({ type: 'AssignLead', data: { ownerId: owner } }, supervisor, [0, 1]);
  if (path === 'REJECTED') return next({ type: 'ScreenLead', data: { decision: 'REJECT', reason: 'outside our scope' } }, supervisor), steps;
  if (path === 'FORWARDED') {
    next({ type: 'ScreenLead', data: { decision: 'FORWARD', businessUnit: 'Logistics BU' } }, supervisor);
    return next({ type: 'DecideForward', data: { approve: true } }, as('dir-1', 'SALES_DIRECTOR')), steps;
  }
  next({ type: 'ScreenLead', data: { decision: 'QUALIFY' } }, supervisor);
  next({ type: 'ApproveProject', data: {
    sponsorId: 'dir-1', presalesEngineerId: engineer, hasMatureReference: true,
    milestones: [{ name: 'solution', dueOn: new Date(at + 30 * DAY).toISOString().slice(0, 10) }], presalesBudget: cny(20_000),
  } }, major ? as('gm-1', 'BU_GENERAL_MANAGER') : as('dir-1', 'SALES_DIRECTOR'));
  const survey = random.chance(40);
  const exchangeAt = at;
  const memo = documentOf(`${projectId} exchange memo`);
  next({ type: 'RecordExchange', data: { summary: 'exchange memo', surveyNeeded: survey, memo } }, pe);
  // 演示 and 竞争信息 draw from the project's own sequence, not the demo's, so every project stays as it was without them
  const own = new Random(Number.parseInt(projectId.slice(0, 8), 16));
  const aside = (when: number, command: ProjectCommand, actor: Actor, what: string) =>
    steps.push({ at: new Date(when), projectId, commandId: uuidOf(`${projectId} ${what}`), command, actor });
  // 客户确认 and what goes to the customer: 市场部 (enterprise-standard), drawing from a sequence of the project's own again
  const word = new Random(Number.parseInt(projectId.slice(9, 13) + projectId.slice(14, 18), 16));
  const confirm = (subject: ConfirmedSubject, document: DocumentRef, when?: number) => (when === undefined ? file : (command: ProjectCommand, actor: Actor, what: string) => aside(when, command, actor, what))(
    { type: 'RecordCustomerConfirmation', data: { subject, documentSha256: document.sha256 } }, marketing, `confirms ${subject} ${document.sha256}`);
  const send = (document: SentDocument, sent: DocumentRef, when?: number) => (when === undefined ? file : (command: ProjectCommand, actor: Actor, what: string) => aside(when, command, actor, what))(
    { type: 'SendToCustomer', data: { document, documentSha256: sent.sha256 } }, marketing, `sends ${document} ${sent.sha256}`);
  const book = (document: SignedDocument) => file({ type: 'BookSigning', data: { document, appointedOn: dayOf(at), place: word.pick(SIGNING_PLACES) } }, marketing, `books ${document}`);
  // the customer acknowledges the memo of the exchange, most of the time in writing
  if (word.chance(70)) aside(exchangeAt + HOUR, { type: 'RecordCustomerConfirmation', data: { subject: 'EXCHANGE_MEMO', documentSha256: memo.sha256 } }, marketing, 'confirms memo');
  if (survey) next({ type: 'RecordSurvey', data: { summary: 'survey report' } }, pe);
  const demo = (when: number, number: number) => {
    // the engineer plans and gives it (with a colleague one time in four); the tech manager plans one in five
    const colleague = `pe-${(Number(engineer.slice(3)) % 4) + 1}`;
    aside(when, { type: 'PlanDemo', data: {
      audience: own.pick(AUDIENCES), environment: own.pick(ENVIRONMENTS), agenda: own.pick(AGENDAS), durationMinutes: own.pick([45, 60, 90, 120]), plannedOn: dayOf(when + 2 * DAY),
    } }, own.chance(20) ? as('tm-1', 'TECH_MANAGER') : pe, `demo ${number} plan`);
    const heldAt = when + 2 * DAY + 3 * HOUR;
    aside(heldAt, { type: 'RecordDemoHeld', data: { number, presenters: own.chance(25) ? [engineer, colleague] : [engineer], heldOn: dayOf(heldAt) } }, pe, `demo ${number} held`);
    aside(heldAt + DAY, { type: 'RecordDemoFeedback', data: { number, feedback: own.pick(FEEDBACK) } }, pe, `demo ${number} feedback`);
  };
  // 移交: the sheets the project does not hold, drawn from its own sequence too; an oral agreement waits for 沈毅 (EXECUTIVE)
  let receiver = '';
  let handoverItems: HandoverItem[] = [];
  const handOver = (when: number, tender: boolean) => {
    receiver = `de-${own.int(1, 2)}`;
    const sheet = (kind: HandoverKind, title: string): HandoverItem => ({ kind, version: '1', ...documentOf(`${projectId} ${title}`) });
    handoverItems = [
      sheet('CONTRACT_REVIEW_SHEET', '产品/项目销售合同评审表'),
      sheet('REVIEW_ISSUES_SHEET', '产品/项目销售合同评审问题对策表'),
      sheet('CUSTOMER_NEEDS', '网络工程客户需求调查表'),
      sheet('PRODUCT_CONFIGURATION', '产品配置清单'),
      ...(tender ? [sheet('BID_DOCUMENTS', '投标书')] : []),
      ...(own.chance(30) ? [sheet('SUPPLEMENTARY_AGREEMENT', own.pick(SUPPLEMENTS))] : []),
      ...(own.chance(25) ? [sheet('ORAL_AGREEMENT', own.pick(ORAL_AGREEMENTS))] : []),
    ];
    // the list is handed over a few days after the scan is filed, at the time `next` takes it
    let closeAt = when;
    for (const oral of handoverItems.filter((item) => item.kind === 'ORAL_AGREEMENT')) {
      closeAt += own.int(1, 3) * DAY;
      aside(closeAt, { type: 'ConfirmOralAgreement', data: { sha256: oral.sha256 } }, as('ex-1', 'EXECUTIVE'), 'oral agreement confirmed');
    }
    aside(closeAt + own.int(1, 4) * DAY, { type: 'ReceiveHandover', data: {} }, as(receiver, 'DELIVERY_ENGINEER'), 'handover received');
  };
  const competitorNote = (when: number, actor: Actor, competitor: string, priceYuan: number, what: string) =>
    aside(when, { type: 'NoteCompetitor', data: {
      competitor, strengths: own.pick(STRENGTHS), weaknesses: own.pick(WEAKNESSES), ...(own.chance(60) ? { price: cny(priceYuan * own.int(85, 110) / 100) } : {}),
    } }, actor, `competitor ${what}`);
  const demos = own.chance(55) ? 1 : 0;
  if (demos) demo(exchangeAt + 2 * HOUR, 1);

  // 方案申请表 and the standard route draw from a sequence of their own too: the projects stay as they were besides
  const asks = new Random(Number.parseInt(projectId.slice(9, 13) + projectId.slice(14, 18), 16));
  const productLine = (steps[0].command.data as { productLine: string }).productLine;
  const standard = negotiated || major ? undefined : standardFor(productLine);
  const fastPath = standard !== undefined && asks.chance(35);
  if (!fastPath && asks.chance(60)) solutionRequest(asks, exchangeAt, n % 5 === 0 ? supervisor : am, pe, (command, actor, when, what) => aside(when, command, actor, what));

  const reviewFrom = steps.length;
  const reviewers = major ? ['rv-1', 'rv-2', 'rv-3'] : ['rv-1', 'rv-2'];
  const versions = random.chance(25) ? 2 : 1;
  for (let version = 1; version <= versions; version++) {
    const solution = documentOf(`${projectId} solution v${version}`);
    next({ type: 'SubmitSolution', data: { document: solution } }, pe, [1, 3]);
    if (version === 1) next({ type: 'SetSystemBudget', data: { systemBudget: cny(yuan * 0.7) } }, am, [0, 1]);
    next({ type: 'ConveneReview', data: { subject: 'SOLUTION', reviewers } }, marketing, [0, 1]);
    if (version < versions) {
      // two rejections make the outcome certain under either rule
      for (const reviewer of reviewers.slice(0, 2)) {
        next({ type: 'RejectReview', data: { subject: 'SOLUTION', documentSha256: solution.sha256, comments: 'rework the layout' } }, as(reviewer, 'REVIEWER'), [1, 3]);
      }
    } else {
      for (const reviewer of reviewers.slice(0, major ? 2 : 1)) {
        next({ type: 'ApproveReview', data: { subject: 'SOLUTION', documentSha256: solution.sha256 } }, as(reviewer, 'REVIEWER'), [0, 2]);
      }
    }
  }
  if (fastPath) {
    // 标准方案: the account manager sends the catalogue's reference solution and price; the review's steps are drawn (the
    // sequence stays as it was) but not taken, the budget is set first
    const drawn = steps.splice(reviewFrom);
    const budget = drawn.find((step) => step.command.type === 'SetSystemBudget')!;
    steps.push({ ...budget, at: drawn[0].at });
    aside(drawn[0].at.getTime() + HOUR, { type: 'SendStandardSolution', data: standard }, am, 'standard solution');
  }
  const solution = documentOf(`${projectId} solution v${versions}`);
  if (path === 'TERMINATED') {
    next({ type: 'RequestTermination', data: { reason: 'customer froze the budget' } }, am, [2, 5]);
    next({ type: 'DecideTermination', data: { approve: true } }, major ? as('gm-1', 'BU_GENERAL_MANAGER') : as('dir-1', 'SALES_DIRECTOR'));
    next({ type: 'SummarizeProject', data: { reasons: ['BUDGET_CUT'], text: 'budget frozen' } }, am);
    // one such project in three: the customer declined the solution sent to it (未得到用户认可, 流程结束), the same steps' ids and days
    return n >= PATHS.length && word.chance(35) ? declined(steps, solution) : steps;
  }

  // the passed solution goes to the customer, who accepts it with its budget: the quotation waits for that
  // the standard route's reference solution went out with the catalogue's price: there is no reviewed version to send or confirm
  if (!fastPath) {
    if (word.chance(60)) send('SOLUTION', solution);
    confirm('SOLUTION', solution);
  }
  const quoteYuan = Math.round(yuan * random.int(85, 105) / 100);
  let contractYuan = quoteYuan;
  const quotation = documentOf(`${projectId} quotation ${quoteYuan}`);
  next({ type: 'SubmitQuotation', data: { amount: cny(quoteYuan), document: quotation } }, am, [1, 3]);
  const approvers: Array<[string, Role]> = [quoteYuan <= 100_000 ? ['tm-1', 'TECH_MANAGER'] : ['oc-1', 'OPERATIONS_CENTER']];
  if (major) approvers.push(['gm-1', 'BU_GENERAL_MANAGER']);
  for (const [userId, role] of approvers) next({ type: 'ApproveQuotation', data: { documentSha256: quotation.sha256 } }, as(userId, role), [0, 2]);
  if (word.chance(70)) send('QUOTATION', quotation);

  const tender = path === 'NO_BID' || path === 'BID_LOST' || path === 'BID_WON';
  next({ type: 'ChooseProcurement', data: { method: tender ? 'TENDER' : 'NEGOTIATION' } }, am);
  if (tender) {
    // enterprise-standard (the default profile): the account manager advises and decides whether to bid, 部长 signs the loan for the
    // documents, 市场部 checks the bid and a sales assistant seals it; the steps around the decisions draw from the project's own sequence
    const sealer = as('sa-1', 'SALES_ASSISTANT');
    const last = () => steps[steps.length - 1].at.getTime();
    const between = (from: number, to: number, share: number) => from + Math.round((to - from) * share);
    const bidWork = tenderWork(projectId, aside, { am, pe, director: as('dir-1', 'SALES_DIRECTOR'), quoteYuan });
    if (path === 'NO_BID') {
      // one in two says no only once the documents are bought and evaluated
      const reason = bidWork.noBidAfterEvaluation(last(), at);
      next({ type: 'DecideBid', data: { decision: 'NO_BID', reason } }, am);
      return next({ type: 'SummarizeProject', data: { reasons: ['QUALIFICATION'], text: 'no bid' } }, am), steps;
    }
    bidWork.advised(between(last(), at, 0.5));
    next({ type: 'DecideBid', data: { decision: 'BID' } }, am, [1, 2]);
    const openingAt = at + random.int(12, 25) * DAY;
    const openingOn = new Date(openingAt + 8 * 3600_000).toISOString().slice(0, 10);
    bidWork.loanSigned(between(last(), at, 0.5));
    next({ type: 'RecordBidStep', data: { step: 'DOCUMENTS_PURCHASED', openingOn, ...bidWork.purchaseTerms(openingAt) } }, am, [1, 2]);
    bidWork.preparedAfterPurchase(last(), at, openingAt);
    next({ type: 'RecordBidStep', data: { step: 'BOND_PAID', amount: cny(10_000) } }, am, [1, 2]);
    next({ type: 'RecordBidStep', data: { step: 'DOCUMENTS_CHECKED' } }, as('mk-1', 'MARKETING'), [0, 0]);
    const checkedAt = last();
    at = Math.max(at, openingAt - DAY);
    aside(between(checkedAt, at, 0.5), { type: 'RecordBidStep', data: { step: 'DOCUMENTS_SEALED', delivery: own.pick(['POST', 'COURIER', 'IN_PERSON'] as const) } }, sealer, 'bid sealed');
    next({ type: 'RecordBidStep', data: { step: 'BID_SUBMITTED', amount: cny(quoteYuan) } }, am, [1, 5]);
    const competitors = [random.pick(COMPETITORS), random.pick(COMPETITORS)].filter((c, i, all) => all.indexOf(c) === i);
    // what the engineer learned of a bidder while writing the technical bid
    if (own.chance(40)) competitorNote(at - 6 * HOUR, pe, own.pick(COMPETITORS), quoteYuan, 'before the opening');
    // 开标: on the opening day, before the result; the other bidders read out, the winner's price among them on a loss
    bidWork.opened(between(Math.max(openingAt, last()), at, 0.5), competitors, path === 'BID_LOST' ? quoteYuan * 0.9 : undefined);
    if (path === 'BID_LOST') {
      const reasons = [random.pick(REASONS)];
      next({ type: 'RecordBidResult', data: {
        result: 'LOST', winner: competitors[0], winningPrice: cny(quoteYuan * 0.9), ourPrice: cny(quoteYuan), reasons, competitors: competitors.slice(1),
      } }, am);
      // after the result: what made the winner win
      if (own.chance(50)) competitorNote(at + 2 * HOUR, am, competitors[0], quoteYuan * 0.9, 'who won');
      return next({ type: 'SummarizeProject', data: { reasons, text: 'lost the bid' } }, am), steps;
    }
    next({ type: 'RecordBidResult', data: { result: 'WON', competitors, reasons: bidWork.winReasons() } }, am);
  } else {
    const negotiatedAt = at;
    next({ type: 'RecordNegotiation', data: { notes: 'terms agreed' } }, am);
    // in negotiation the account manager hears of the other suppliers, 市场部 shares what it knows; a second demo one time in three
    if (own.chance(70)) competitorNote(negotiatedAt + 2 * HOUR, am, own.pick(COMPETITORS), quoteYuan, 'in negotiation');
    if (own.chance(30)) competitorNote(negotiatedAt + 4 * HOUR, marketing, own.pick(COMPETITORS), quoteYuan, 'from 市场部');
    if (own.chance(30)) demo(negotiatedAt + HOUR, demos + 1);
    // one negotiation in four revises the solution and then the price: reviewed, accepted and approved again, within the day
    if (word.chance(25)) contractYuan = revise(negotiatedAt, versions + 1, Math.round(quoteYuan * word.int(92, 99) / 100));
  }

  const agreement = documentOf(`${projectId} agreement`);
  next({ type: 'SubmitTechnicalAgreement', data: { document: agreement } }, pe, [1, 3]);
  next({ type: 'ConveneReview', data: { subject: 'TECHNICAL_AGREEMENT', reviewers } }, marketing, [0, 1]);
  for (const reviewer of reviewers.slice(0, major ? 2 : 1)) {
    next({ type: 'ApproveReview', data: { subject: 'TECHNICAL_AGREEMENT', documentSha256: agreement.sha256 } }, as(reviewer, 'REVIEWER'), [0, 1]);
  }
  // enterprise-standard: 市场部 books the signing and hears the customer confirm the terms; 部门领导 signs, 市场部 files the scan
  if (word.chance(70)) book('TECHNICAL_AGREEMENT');
  confirm('TECHNICAL_AGREEMENT', agreement);
  const leader = as('dl-1', 'DEPARTMENT_LEADER');
  next({ type: 'SignTechnicalAgreement', data: { documentSha256: agreement.sha256, capacity: 'DEPARTMENT_LEADER' } }, leader);
  file({ type: 'ArchiveSignedScan', data: { document: 'TECHNICAL_AGREEMENT', scan: documentOf(`${projectId} agreement scan`) } }, marketing, 'agreement scan');
  confirm('CONTRACT_INTENT', agreement);
  const drafts = random.chance(20) ? 2 : 1;
  let contract = documentOf(`${projectId} contract v1`);
  for (let version = 1; version <= drafts; version++) {
    contract = documentOf(`${projectId} contract v${version}`);
    next({ type: 'DraftContract', data: { document: contract, amount: cny(contractYuan), extraSigners: [] } }, am, [0, 2]);
    next({ type: 'Countersign', data: { decision: 'SIGN', documentSha256: contract.sha256 } }, am, [0, 1]);
    if (version < drafts) {
      next({ type: 'Countersign', data: { decision: 'REJECT', documentSha256: contract.sha256, comments: 'payment terms' } }, marketing);
      continue;
    }
    next({ type: 'Countersign', data: { decision: 'SIGN', documentSha256: contract.sha256 } }, marketing, [0, 2]);
    next({ type: 'Countersign', data: { decision: 'SIGN', documentSha256: contract.sha256 } }, as('gm-1', 'BU_GENERAL_MANAGER'), [0, 2]);
  }
  if (word.chance(60)) send('CONTRACT', contract);
  if (word.chance(70)) book('CONTRACT');
  confirm('CONTRACT', contract);
  next({ type: 'SignContract', data: { signedOn: new Date(at + 8 * 3600_000).toISOString().slice(0, 10), document: contract, capacity: 'DEPARTMENT_LEADER' } }, leader, [2, 8]);
  file({ type: 'ArchiveSignedScan', data: { document: 'CONTRACT', scan: documentOf(`${projectId} contract scan`) } }, marketing, 'contract scan');
  handOver(at, tender);
  next({ type: 'HandOver', data: { receivedBy: receiver, items: handoverItems } }, am, [2, 8]);
  next({ type: 'SummarizeProject', data: { reasons: [random.pick(REASONS)], text: 'won' } }, am);
  return steps;

  /** 方案与报价的修改: a solution version filed, reviewed and accepted, then a new price approved and sent; its amount. */
  function revise(from: number, version: number, revisedYuan: number): number {
    const revised = documentOf(`${projectId} solution v${version}`);
    const hour = (h: number) => from + h * HOUR;
    aside(hour(5), { type: 'SubmitSolution', data: { document: revised } }, pe, 'revised solution');
    aside(hour(6), { type: 'ConveneReview', data: { subject: 'SOLUTION', reviewers } }, marketing, 'revised solution review');
    reviewers.slice(0, major ? 2 : 1).forEach((reviewer, index) =>
      aside(hour(7 + index), { type: 'ApproveReview', data: { subject: 'SOLUTION', documentSha256: revised.sha256 } }, as(reviewer, 'REVIEWER'), `revised solution vote ${reviewer}`));
    confirm('SOLUTION', revised, hour(10));
    const requoted = documentOf(`${projectId} quotation ${revisedYuan}`);
    aside(hour(11), { type: 'SubmitQuotation', data: { amount: cny(revisedYuan), document: requoted } }, am, 'revised quotation');
    const bandApprovers: Array<[string, Role]> = [revisedYuan <= 100_000 ? ['tm-1', 'TECH_MANAGER'] : ['oc-1', 'OPERATIONS_CENTER']];
    if (major) bandApprovers.push(['gm-1', 'BU_GENERAL_MANAGER']);
    bandApprovers.forEach(([userId, role], index) => aside(hour(12 + index), { type: 'ApproveQuotation', data: { documentSha256: requoted.sha256 } }, as(userId, role), `revised quotation ${role}`));
    send('QUOTATION', requoted, hour(14));
    return revisedYuan;
  }
}

/** A project that ran as terminated told instead as the customer's decline of the solution: the request's id and day, no decision, its summary. */
function declined(steps: ProjectStep[], solution: DocumentRef): ProjectStep[] {
  return steps.filter((step) => step.command.type !== 'DecideTermination').map((step) => {
    if (step.command.type === 'RequestTermination') return { ...step, command: { type: 'RecordCustomerDeclined', data: { subject: 'SOLUTION', reason: '客户认为方案超出预算，不再推进' } } };
    if (step.command.type === 'SummarizeProject') return { ...step, command: { type: 'SummarizeProject', data: { reasons: ['BUDGET_CUT'], text: `customer declined ${solution.title}` } } };
    return step;
  });
}
