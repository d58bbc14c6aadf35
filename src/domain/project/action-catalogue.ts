import { shanghaiDate } from '../policy/working-calendar.js';
import type { ProjectCommand, ProjectCommandType } from './commands.js';
import type { DecisionContext } from './decision-context.js';
import { presalesPeopleOf } from './decide-satisfaction-and-collaboration.js';
import { mondayOf } from './decide-tracking.js';
import type { Demo, Project } from './state.js';
import { CONFIRMED_SUBJECTS, SENT_DOCUMENTS, type ConfirmedSubject, type DocumentRef, type Money, type ReviewSubject, type SentDocument, type SignedDocument } from './vocabulary.js';

/** Every command but a lead's registration acts on a project that exists. */
export type ActionType = Exclude<ProjectCommandType, 'RegisterLead'>;
type DataOf<Type extends ActionType> = Extract<ProjectCommand, { type: Type }>['data'];

/**
 * One thing a person may do to a project, and the data to ask the rules about it with: the document
 * and amount in force (so that a stale sha or an unapproved price never speaks for the state), and a
 * placeholder wherever only the data sent could be wrong. Where the data itself decides who may act
 * (the facts that make a project MAJOR), every form of it is asked.
 */
interface Form<Type extends ActionType> {
  variant?: string;
  label: string;
  probe: (project: Project, context: DecisionContext) => DataOf<Type> | Array<DataOf<Type>>;
}

export interface Action {
  command: ActionType;
  variant?: string;
  label: string;
  probes: (project: Project, context: DecisionContext) => ProjectCommand[];
}

const PLACEHOLDER = 'placeholder';
const NO_DOCUMENT = '0'.repeat(64);
const document = (sha256 = NO_DOCUMENT): DocumentRef => ({ title: PLACEHOLDER, uri: 'https://documents.invalid/placeholder', sha256 });
const money = (context: DecisionContext): Money => ({ amount: 1, currency: context.policy.currency });
const today = (context: DecisionContext) => shanghaiDate(context.now);
const underReview = (project: Project, subject: ReviewSubject) =>
  (subject === 'SOLUTION' ? project.solution : project.agreement)?.document.sha256 ?? NO_DOCUMENT;
const quoted = (project: Project, context: DecisionContext) => project.quotation?.amount ?? money(context);

/** The first demo waiting for this next step (0, no demo, when none is). */
const awaiting = (project: Project, waiting: (demo: Demo) => boolean) => project.demos.find(waiting)?.number ?? 0;

/** The sha256 of each document the customer is shown, in force now. */
const shownToCustomer = (project: Project): Record<ConfirmedSubject | SentDocument, string> => ({
  EXCHANGE_MEMO: project.exchangeMemo?.sha256 ?? NO_DOCUMENT,
  SOLUTION: underReview(project, 'SOLUTION'),
  QUOTATION: project.quotation?.document.sha256 ?? NO_DOCUMENT,
  TECHNICAL_AGREEMENT: underReview(project, 'TECHNICAL_AGREEMENT'),
  CONTRACT_INTENT: underReview(project, 'TECHNICAL_AGREEMENT'),
  CONTRACT: project.contract?.document.sha256 ?? NO_DOCUMENT,
});
const CONFIRMATION_LABELS: Record<ConfirmedSubject, string> = {
  EXCHANGE_MEMO: '客户认可交流备忘录', SOLUTION: '客户认可解决方案与预算', TECHNICAL_AGREEMENT: '客户确认技术协议条款', CONTRACT_INTENT: '客户确认签约意向', CONTRACT: '客户确认合同条款',
};
const SENDING_LABELS: Record<SentDocument, string> = { SOLUTION: '解决方案提交客户', QUOTATION: '报价单发给客户', TECHNICAL_AGREEMENT: '技术协议发给客户', CONTRACT: '合同发给客户' };

/** A vote on the review of this subject open now. */
const onReview = (subject: ReviewSubject) => (project: Project) => ({ subject, documentSha256: underReview(project, subject) });

/** Each capacity the profile lets this document be signed in: the step is open to whoever holds one. */
const inEachCapacity = <Data>(context: DecisionContext, signed: SignedDocument, data: Data) =>
  context.policy.signingCapacities[signed].map((capacity) => ({ ...data, capacity }));

const SALES_PLAN = { strengths: PLACEHOLDER, weaknesses: PLACEHOLDER, goals: PLACEHOLDER, risks: PLACEHOLDER, withdrawalCriteria: PLACEHOLDER, participants: [PLACEHOLDER] };
const previousMonth = (day: string) => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);
const dayAfter = (day: string) => new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);
/** The adjustment waiting for a confirmation or a decision (0, none, when none is). */
const waitingAdjustment = (project: Project) => project.control.adjustments.find(({ status }) => status === 'REQUESTED' || status === 'CONFIRMED')?.number ?? 0;

/** The actions of the procedure, in its order; the compiler holds it to every command type. */
const CATALOGUE: { [Type in ActionType]: Array<Form<Type>> } = {
  ScreenLead: [
    { variant: 'QUALIFY', label: '筛选：合格', probe: () => ({ decision: 'QUALIFY' }) },
    { variant: 'REJECT', label: '筛选：拒绝', probe: () => ({ decision: 'REJECT', reason: PLACEHOLDER }) },
    { variant: 'FORWARD', label: '筛选：转交', probe: () => ({ decision: 'FORWARD', businessUnit: PLACEHOLDER }) },
  ],
  AssignLead: [{ label: '分派客户经理', probe: () => ({ ownerId: PLACEHOLDER }) }],
  DecideForward: [{ label: '转交审批', probe: () => ({ approve: true }) }],
  RequestLeadEvaluation: [{ label: '提交部长评估', probe: () => ({ question: PLACEHOLDER }) }],
  EvaluateLead: [{ label: '评估重要程度', probe: () => ({ importance: 'MEDIUM' }) }],
  ApproveProject: [{
    label: '立项',
    probe: (_project, context) => [true, false].map((hasMatureReference) => ({
      sponsorId: PLACEHOLDER, presalesEngineerId: PLACEHOLDER, hasMatureReference, needsRndChanges: false,
      milestones: [{ name: PLACEHOLDER, dueOn: today(context) }], presalesBudget: money(context),
    })),
  }],
  RequestSolution: [{ label: '方案申请', probe: () => ({ need: PLACEHOLDER }) }],
  SignDispatchRequest: [
    { variant: 'SIGN', label: '派人交流单：签字', probe: () => ({ approve: true }) },
    { variant: 'REFUSE', label: '派人交流单：不派人', probe: () => ({ approve: false, comments: PLACEHOLDER }) },
  ],
  AnswerSolutionRequest: [
    { variant: 'MAKE', label: '答复：制作方案', probe: () => ({ willMake: true }) },
    { variant: 'DECLINE', label: '答复：不制作（书面理由）', probe: () => ({ willMake: false, reason: PLACEHOLDER }) },
  ],
  DisputeSolutionAnswer: [{ label: '对不制作提出异议', probe: () => ({ reason: PLACEHOLDER }) }],
  DecideSolutionDispute: [
    { variant: 'MAKE', label: '评判：制作方案', probe: () => ({ makeSolution: true, reasoning: PLACEHOLDER }) },
    { variant: 'UPHOLD', label: '评判：维持不制作', probe: () => ({ makeSolution: false, reasoning: PLACEHOLDER }) },
  ],
  // the entry is the caller's choice from the catalogue (standardSolutions): a catalogue refusal is about the data sent
  SendStandardSolution: [{ label: '提供标准方案与参考价格', probe: () => ({ entryId: PLACEHOLDER, version: 1 }) }],
  RecordExchange: [{ label: '现场交流', probe: () => ({ summary: PLACEHOLDER, surveyNeeded: true }) }],
  RecordSurvey: [{ label: '现场调研', probe: () => ({ summary: PLACEHOLDER }) }],
  SubmitSolution: [{ label: '提交解决方案', probe: () => ({ document: document() }) }],
  SetSystemBudget: [{ label: '确定系统预算', probe: (_project, context) => ({ systemBudget: money(context) }) }],
  ConveneReview: [
    { variant: 'SOLUTION', label: '组织解决方案评审', probe: () => ({ subject: 'SOLUTION', reviewers: [] }) },
    { variant: 'TECHNICAL_AGREEMENT', label: '组织技术协议评审', probe: () => ({ subject: 'TECHNICAL_AGREEMENT', reviewers: [] }) },
  ],
  ApproveReview: [
    { variant: 'SOLUTION', label: '解决方案评审通过', probe: onReview('SOLUTION') },
    { variant: 'TECHNICAL_AGREEMENT', label: '技术协议评审通过', probe: onReview('TECHNICAL_AGREEMENT') },
  ],
  RejectReview: [
    { variant: 'SOLUTION', label: '解决方案评审不通过', probe: (project) => ({ ...onReview('SOLUTION')(project), comments: PLACEHOLDER }) },
    { variant: 'TECHNICAL_AGREEMENT', label: '技术协议评审不通过', probe: (project) => ({ ...onReview('TECHNICAL_AGREEMENT')(project), comments: PLACEHOLDER }) },
  ],
  SubmitQuotation: [{ label: '提交报价', probe: (_project, context) => ({ amount: money(context), document: document() }) }],
  ApproveQuotation: [{ label: '报价审批', probe: (project) => ({ documentSha256: project.quotation?.document.sha256 ?? NO_DOCUMENT }) }],
  ChooseProcurement: [{ label: '确定采购方式', probe: () => ({ method: 'TENDER' }) }],
  AdviseBid: [{ label: '投标建议', probe: () => ({ advice: 'BID' }) }],
  DecideBid: [
    { variant: 'BID', label: '决定投标', probe: () => ({ decision: 'BID' }) },
    { variant: 'NO_BID', label: '决定不投标', probe: () => ({ decision: 'NO_BID', reason: PLACEHOLDER }) },
  ],
  RecordBidStep: [
    { variant: 'LOAN_SIGNED', label: '购买标书借款单签字', probe: (_project, context) => ({ step: 'LOAN_SIGNED', amount: money(context) }) },
    { variant: 'DOCUMENTS_PURCHASED', label: '购买标书', probe: (_project, context) => ({ step: 'DOCUMENTS_PURCHASED', openingOn: today(context) }) },
    { variant: 'BOND_PAID', label: '缴纳投标保证金', probe: (_project, context) => ({ step: 'BOND_PAID', amount: money(context) }) },
    { variant: 'DOCUMENTS_CHECKED', label: '检查标书', probe: () => ({ step: 'DOCUMENTS_CHECKED' }) },
    { variant: 'DOCUMENTS_SEALED', label: '装订密封标书', probe: () => ({ step: 'DOCUMENTS_SEALED', delivery: 'COURIER' }) },
    { variant: 'BID_SUBMITTED', label: '递交投标文件', probe: (project, context) => ({ step: 'BID_SUBMITTED', amount: quoted(project, context) }) },
  ],
  EvaluateTenderDocuments: [{ label: '评估招标文件', probe: () => ({ findings: PLACEHOLDER, evaluators: [PLACEHOLDER] }) }],
  HoldBidKickOff: [{ label: '投标碰头会', probe: () => ({ attendees: [PLACEHOLDER], assignments: [{ assignee: PLACEHOLDER, task: PLACEHOLDER }] }) }],
  SubmitTechnicalBid: [{ label: '投标技术方案与成本', probe: (_project, context) => ({ document: document(), cost: money(context) }) }],
  RecordBidOpening: [{ label: '开标记录', probe: () => ({ attendees: [PLACEHOLDER], bidders: [] }) }],
  RecordBidResult: [{ label: '登记开标结果', probe: () => ({ result: 'WON' }) }],
  RecordNegotiation: [{ label: '登记商务谈判', probe: () => ({ notes: PLACEHOLDER }) }],
  SubmitTechnicalAgreement: [{ label: '提交技术协议', probe: () => ({ document: document() }) }],
  SignTechnicalAgreement: [{
    label: '签署技术协议',
    probe: (project, context) => inEachCapacity(context, 'TECHNICAL_AGREEMENT', { documentSha256: underReview(project, 'TECHNICAL_AGREEMENT') }),
  }],
  DraftContract: [{ label: '确定合同文本', probe: (project, context) => ({ document: document(), amount: quoted(project, context), extraSigners: [] }) }],
  Countersign: [
    { variant: 'SIGN', label: '会签', probe: (project) => ({ decision: 'SIGN', documentSha256: project.contract?.document.sha256 ?? NO_DOCUMENT }) },
    { variant: 'REJECT', label: '会签退回', probe: (project) => ({ decision: 'REJECT', documentSha256: project.contract?.document.sha256 ?? NO_DOCUMENT, comments: PLACEHOLDER }) },
  ],
  SignContract: [{
    label: '签订合同',
    probe: (project, context) => inEachCapacity(context, 'CONTRACT', { signedOn: today(context), document: document(project.contract?.document.sha256) }),
  }],
  NameSigningRepresentative: [
    { variant: 'TECHNICAL_AGREEMENT', label: '指定技术协议签约代表人', probe: () => ({ document: 'TECHNICAL_AGREEMENT', userId: PLACEHOLDER }) },
    { variant: 'CONTRACT', label: '指定合同签约代表人', probe: () => ({ document: 'CONTRACT', userId: PLACEHOLDER }) },
  ],
  ArchiveSignedScan: [
    { variant: 'TECHNICAL_AGREEMENT', label: '技术协议纸质签字版归档', probe: () => ({ document: 'TECHNICAL_AGREEMENT', scan: document() }) },
    { variant: 'CONTRACT', label: '合同纸质签字版归档', probe: () => ({ document: 'CONTRACT', scan: document() }) },
  ],
  RecordCustomerDeclined: [
    { variant: 'SOLUTION', label: '客户不接受解决方案', probe: () => ({ subject: 'SOLUTION', reason: PLACEHOLDER }) },
    { variant: 'TECHNICAL_AGREEMENT', label: '客户不接受技术协议', probe: () => ({ subject: 'TECHNICAL_AGREEMENT', reason: PLACEHOLDER }) },
    { variant: 'CONTRACT_INTENT', label: '客户无签约意向', probe: () => ({ subject: 'CONTRACT_INTENT', reason: PLACEHOLDER }) },
  ],
  RequestTermination: [{ label: '申请终止', probe: () => ({ reason: PLACEHOLDER }) }],
  DecideTermination: [{ label: '终止审批', probe: () => ({ approve: true }) }],
  HandOver: [{ label: '移交', probe: () => ({ receivedBy: PLACEHOLDER, items: [] }) }],
  ConfirmOralAgreement: [{ label: '口头协议确认', probe: (project) => ({ sha256: project.handover?.oralAgreements.find((oral) => !oral.confirmed)?.sha256 ?? NO_DOCUMENT }) }],
  ReceiveHandover: [{ label: '移交接收确认', probe: () => ({}) }],
  SummarizeProject: [{ label: '项目总结', probe: () => ({ reasons: ['OTHER'], text: PLACEHOLDER }) }],
  AddTrackingNote: [{ label: '项目跟踪', probe: () => ({ kind: 'CALL', note: PLACEHOLDER }) }],
  ReportWeeklyTracking: [{ label: '每周汇总', probe: (_project, context) => ({ weekStartingOn: mondayOf(today(context)), summary: PLACEHOLDER }) }],
  RaiseChallenge: [{ label: '质询', probe: () => ({ question: PLACEHOLDER }) }],
  AnswerChallenge: [{ label: '质询答复', probe: (project) => ({ number: project.challenges.find((challenge) => !challenge.answered)?.number ?? 0, answer: PLACEHOLDER }) }],
  RecordMeetingMemo: [{ label: '会议备忘录', probe: (_project, context) => ({ heldOn: today(context), participants: [PLACEHOLDER], subject: PLACEHOLDER, decisions: PLACEHOLDER }) }],
  PlanDemo: [{ label: '演示准备', probe: () => ({ audience: PLACEHOLDER, environment: PLACEHOLDER, agenda: PLACEHOLDER, durationMinutes: 60 }) }],
  RecordDemoHeld: [{ label: '演示实施', probe: (project, context) => ({ number: awaiting(project, (demo) => !demo.held), presenters: [PLACEHOLDER], heldOn: today(context) }) }],
  RecordDemoFeedback: [{ label: '演示客户反馈', probe: (project) => ({ number: awaiting(project, (demo) => demo.held && !demo.feedback), feedback: PLACEHOLDER }) }],
  NoteCompetitor: [{ label: '竞争信息', probe: () => ({ competitor: PLACEHOLDER }) }],
  RecordCustomerConfirmation: CONFIRMED_SUBJECTS.map((subject) => ({
    variant: subject, label: CONFIRMATION_LABELS[subject], probe: (project: Project) => ({ subject, documentSha256: shownToCustomer(project)[subject] }),
  })),
  SendToCustomer: SENT_DOCUMENTS.map((document) => ({
    variant: document, label: SENDING_LABELS[document], probe: (project: Project) => ({ document, documentSha256: shownToCustomer(project)[document] }),
  })),
  BookSigning: [
    { variant: 'TECHNICAL_AGREEMENT', label: '技术协议签约预约', probe: (_project, context) => ({ document: 'TECHNICAL_AGREEMENT', appointedOn: today(context), place: PLACEHOLDER }) },
    { variant: 'CONTRACT', label: '合同签约预约', probe: (_project, context) => ({ document: 'CONTRACT', appointedOn: today(context), place: PLACEHOLDER }) },
  ],
  AttachDocument: [{ label: '归档文件', probe: () => ({ kind: PLACEHOLDER, version: PLACEHOLDER, ...document() }) }],
  SendSatisfactionSurvey: [{ label: '客户满意度调查', probe: (project) => ({ contact: { name: PLACEHOLDER }, rates: presalesPeopleOf(project).slice(0, 1), tokenSha256: 'f'.repeat(64) }) }],
  RateCollaboration: [{ label: '协作评价', probe: (project, context) => ({ person: presalesPeopleOf(project).find((person) => person !== context.actor.userId) ?? '', score: context.policy.kpis.collaborationScale.max, comment: PLACEHOLDER }) }],
  // 售前项目管理 (document 004)
  FileSalesPlan: [{ label: '项目销售策划案', probe: (_project, context) => ({ ...SALES_PLAN, workItems: [{ task: PLACEHOLDER, ownerId: PLACEHOLDER, dueOn: today(context) }], revisionReason: PLACEHOLDER }) }],
  FileTaskBook: [{
    label: '售前项目任务书',
    probe: (_project, context) => ({ expectedGrossMargin: { amount: 100, currency: context.policy.currency }, budget: money(context), milestones: [{ name: PLACEHOLDER, dueOn: today(context) }] }),
  }],
  ConfirmTaskBook: [{ label: '确认任务书（发起人）', probe: (project) => ({ version: project.control.taskBook?.version ?? 0 }) }],
  BookPresalesCost: [{ label: '登记售前费用', probe: (_project, context) => ({ category: 'OTHER', amount: money(context), spentOn: today(context), note: PLACEHOLDER }) }],
  HoldWarRoomMeeting: [
    { variant: 'CONTINUE', label: '项目进展分析会：继续', probe: (_project, context) => ({ heldOn: today(context), attendees: [PLACEHOLDER], minutes: PLACEHOLDER, decision: 'CONTINUE' }) },
    {
      variant: 'PROPOSE_STOP', label: '项目进展分析会：建议终止',
      probe: (_project, context) => ({ heldOn: today(context), attendees: [PLACEHOLDER], minutes: PLACEHOLDER, decision: 'PROPOSE_STOP', stopReason: PLACEHOLDER }),
    },
  ],
  // last month's report or this month's, whichever is still to write
  ReportMonthlyProgress: [{
    label: '项目月度进展情况报告',
    probe: (_project, context) => [previousMonth(today(context)), today(context).slice(0, 7)].map((month) => ({ month, progress: PLACEHOLDER, nextSteps: PLACEHOLDER, risks: PLACEHOLDER })),
  }],
  RequestPlanAdjustment: [
    {
      variant: 'MILESTONE', label: '任务书调整：里程碑延期',
      probe: (project) => {
        const late = project.control.milestones.find((milestone) => !milestone.reachedOn);
        return { kind: 'MILESTONE', milestone: late?.name ?? PLACEHOLDER, newDueOn: late ? dayAfter(late.dueOn) : '2000-01-01', reason: PLACEHOLDER };
      },
    },
    { variant: 'BUDGET', label: '任务书调整：追加费用', probe: (_project, context) => ({ kind: 'BUDGET', extraBudget: money(context), reason: PLACEHOLDER }) },
  ],
  ConfirmPlanAdjustment: [{ label: '确认任务书调整（发起人）', probe: (project) => ({ number: waitingAdjustment(project) }) }],
  DecidePlanAdjustment: [
    { variant: 'APPROVE', label: '任务书调整审批：批准', probe: (project) => ({ number: waitingAdjustment(project), approve: true }) },
    { variant: 'DECLINE', label: '任务书调整审批：不批准', probe: (project) => ({ number: waitingAdjustment(project), approve: false, comments: PLACEHOLDER }) },
  ],
};

export const ACTIONS: readonly Action[] = (Object.entries(CATALOGUE) as Array<[ActionType, Array<Form<ActionType>>]>).flatMap(([command, forms]) =>
  forms.map(({ variant, label, probe }): Action => ({
    command,
    ...(variant ? { variant } : {}),
    label,
    probes: (project, context) => [probe(project, context)].flat().map((data) => ({ type: command, data }) as ProjectCommand),
  })),
);
