import type { ProjectCommandType } from '../project/commands.js';
import type { Role } from '../project/vocabulary.js';
import type { Policy } from './policy.js';

/**
 * The responsibilities of DOMAIN.md's step table that a single list of roles carries. Who holds each
 * is the profile's (the policy file's), never code's; those that depend on a class or an amount band
 * (approving a project or a quotation, deciding a termination) and the fixed countersign chain have
 * tables of their own in the policy.
 */
export const RESPONSIBILITIES = {
  registerLead: '信息登记 registers a lead',
  screenLead: '筛选 screens a lead: qualify, reject with a reply, propose a forward, send it for evaluation',
  approveForward: '转交审批 approves forwarding a lead to another business unit (部长)',
  evaluateLead: '评估 evaluates an unclear lead and sets its importance (部长)',
  assignLead: '分派 assigns a lead to an account manager, who owns it, and reassigns it',
  requestSolution: '方案申请 files a solution request to the technical team (the supervisor on the account manager\'s behalf)',
  signDispatchRequest: '申请派人交流单 signs a request to send people on site that goes with a solution request (部长), or refuses the trip',
  answerSolutionRequest: '方案申请答复 answers a solution request: the technical team makes the solution',
  declineSolutionRequest: '书面回复 declines a solution request in writing (部门主管或主管经理 of the technical team)',
  disputeSolutionAnswer: '异议 disputes the technical team\'s refusal of a solution request',
  decideSolutionDispute: '评判 decides a dispute between sales and the technical team over a solution request (销售总经理); the decision binds',
  maintainStandardSolutions: '标准方案库 publishes, revises and withdraws the catalogue of standard solutions (reference solution and reference price)',
  sendStandardSolution: '标准方案 sends a standard mature product\'s reference solution and reference price from the catalogue, in place of a committee-reviewed solution',
  recordExchange: 'PSM010 现场交流 records the on-site exchange',
  recordSurvey: 'PSM020 现场调研 records the site survey',
  submitSolution: 'PSM030 编制解决方案 writes and submits the solution',
  setSystemBudget: 'PSM030 系统预算 sets the system budget of the solution',
  organiseSolutionReview: 'PSM030 组织评审 convenes a solution review and names its reviewers',
  organiseAgreementReview: 'PSM060 组织评审 convenes a technical-agreement review and names its reviewers',
  voteInReview: '评审 votes in a review they are named to',
  submitQuotation: 'PSM040 确定报价 submits the quotation',
  chooseProcurement: 'PSM040 chooses tender or negotiation',
  adviseBid: 'PSM050 投标建议 advises bid or no bid before the decision',
  decideBid: 'PSM050 decides bid / no bid: the intent before the documents are bought, the final decision once they are evaluated',
  signBidLoan: 'PSM050 购买标书借款单 signs the loan for the tender documents\' fee',
  buyTenderDocuments: 'PSM050 buys the tender documents',
  evaluateTenderDocuments: 'PSM050 评估标书 records the evaluation of the tender documents\' contents and terms',
  holdBidKickOff: 'PSM050 碰头会议 holds the kick-off meeting that divides the bid\'s writing and sets its dates',
  writeTechnicalBid: 'PSM050 投标技术方案 submits the technical bid and the project cost',
  payBidBond: 'PSM050 pays the bid bond',
  checkBidDocuments: 'PSM050 checks the bid documents within the 3 days before the opening',
  sealBid: 'PSM050 装订密封、邮寄 binds, seals and sends the checked bid',
  submitBid: 'PSM050 submits the bid',
  recordBidOpening: 'PSM050 开标 records the opening: who went, the presentation, the technical questions, the other bidders',
  recordBidResult: 'PSM050 records the tender result and why',
  recordNegotiation: 'PSM060 商务谈判 records a negotiation round',
  signTechnicalAgreement: 'PSM060 signs the technical agreement with the customer, in a capacity the policy allows (a representative holds one of these roles)',
  draftContract: 'PSM070 drafts the contract',
  countersign: 'PSM070 会签 may be a countersigner (the fixed chain, and extra parties)',
  signContract: 'PSM080 signs the contract with the customer, in a capacity the policy allows (a representative holds one of these roles)',
  nameSigningRepresentative: '部门领导 names the representative who signs the technical agreement or the contract with the customer',
  archiveSignedScan: '归档 files the scanned paper version of the signed technical agreement or contract',
  recordCustomerConfirmation: '客户确认 sends an approved document to the customer and records what the customer confirmed: memo, solution and budget, agreement terms, contract intent, contract terms',
  bookSigning: '签约预约 books the signing of the technical agreement or the contract with the customer',
  recordCustomerDeclined: '客户不接受 records that the customer declined the solution, the agreement or a contract',
  requestTermination: '终止 requests a termination',
  handOver: '移交 hands a won project over: the handover list to a named engineer of the delivery team',
  confirmOralAgreement: '口头协议书面化 confirms an oral agreement put in writing on the handover list (COO 签字确认)',
  receiveHandover: '移交接收 receives a handover as the engineer it names, which closes it',
  summarizeProject: '项目总结 writes the summary',
  addTrackingNote: '项目跟踪 records tracking: a contact, its place, people and customer feedback, the next action and its date',
  reportWeeklyTracking: '每周汇总 reports a project\'s week of tracking to the supervisor, who files it',
  raiseChallenge: '质询 questions a project\'s tracking',
  answerChallenge: '质询答复 answers a challenge on a project',
  recordMeetingMemo: '会议备忘录 records a project meeting: day, place, participants, subject, decisions and the memo',
  recordDemo: '演示 plans a demo, records it held (who presented, when) and the customer\'s feedback',
  noteCompetitor: '竞争信息 records what is known of a competitor: strengths, weaknesses, price',
  attachDocument: '归档 files a document',
  // management reports: documents of their own, not a project's steps
  prepareMonthlyReport: '每月信息统计表 prepares the month\'s report (its figures frozen, the analysis) and submits it (业务主管)',
  receiveMonthlyReport: '每月信息统计表 receives a submitted monthly report: acknowledges it or returns it with comments (销售部长)',
  prepareQuarterlyAnalysis: '季度信息分析报告 prepares the quarterly analysis from the quarter\'s monthly reports and assigns its follow-up actions (销售部长)',
  followUpQuarterlyActions: '市场推广后续工作 follows up an action of a quarterly analysis assigned to them, with its status and a note (销售策划)',
  sendSatisfactionSurvey: '客户满意度调查 sends the customer a one-time survey link rating the project\'s pre-sales people',
  rateCollaboration: '沟通协作评价 rates, from a department that worked on the project, a pre-sales person\'s collaboration on it',
  assessPresales: '月度考核 records and revises the monthly assessment of a pre-sales person',
  // 售前项目管理 (document 004): the sales plan and its controls
  fileSalesPlan: '项目销售策划案 files the sales plan (strengths, weaknesses, goals, work items, risks, withdrawal criteria) and revises it',
  fileTaskBook: '售前项目任务书 files the task book: the expected gross margin, the pre-sales budget and the milestones',
  sponsorProject: '项目发起人 may be a project\'s sponsor: confirms its task book and adjustments, and may propose stopping it at a war-room meeting (as the sponsor named at 立项)',
  bookPresalesCost: '售前费用 books a pre-sales cost against the task book',
  holdWarRoomMeeting: '项目进展分析会 records a war-room meeting: attendees, minutes and the decision to continue (a stop is proposed by the sponsor)',
  reportMonthlyProgress: '项目月度进展情况报告 writes the project\'s monthly progress report (as its manager, the owner)',
  requestPlanAdjustment: '项目任务书调整表 requests an adjustment of the task book: a late milestone\'s new date or extra budget (as the project\'s manager)',
} as const;
export type Responsibility = keyof typeof RESPONSIBILITIES;

/** The steps whose roles come from a class, band or product-kind table rather than one responsibility. */
type TabledCommand = 'ApproveProject' | 'ApproveQuotation' | 'DecideTermination' | 'SubmitTechnicalAgreement' | 'DecidePlanAdjustment';

/** Which responsibilities each command exercises: a command a bid step exercises one of four, say. */
export const COMMAND_RESPONSIBILITIES: Record<Exclude<ProjectCommandType, TabledCommand>, readonly Responsibility[]> = {
  RegisterLead: ['registerLead'],
  ScreenLead: ['screenLead'],
  AssignLead: ['assignLead'],
  DecideForward: ['approveForward'],
  RequestLeadEvaluation: ['screenLead'],
  EvaluateLead: ['evaluateLead'],
  RequestSolution: ['requestSolution'],
  SignDispatchRequest: ['signDispatchRequest'],
  AnswerSolutionRequest: ['answerSolutionRequest', 'declineSolutionRequest'],
  DisputeSolutionAnswer: ['disputeSolutionAnswer'],
  DecideSolutionDispute: ['decideSolutionDispute'],
  SendStandardSolution: ['sendStandardSolution'],
  RecordExchange: ['recordExchange'],
  RecordSurvey: ['recordSurvey'],
  SubmitSolution: ['submitSolution'],
  SetSystemBudget: ['setSystemBudget'],
  ConveneReview: ['organiseSolutionReview', 'organiseAgreementReview'],
  ApproveReview: ['voteInReview'],
  RejectReview: ['voteInReview'],
  SubmitQuotation: ['submitQuotation'],
  ChooseProcurement: ['chooseProcurement'],
  AdviseBid: ['adviseBid'],
  DecideBid: ['decideBid'],
  RecordBidStep: ['signBidLoan', 'buyTenderDocuments', 'payBidBond', 'checkBidDocuments', 'sealBid', 'submitBid'],
  EvaluateTenderDocuments: ['evaluateTenderDocuments'],
  HoldBidKickOff: ['holdBidKickOff'],
  SubmitTechnicalBid: ['writeTechnicalBid'],
  RecordBidOpening: ['recordBidOpening'],
  RecordBidResult: ['recordBidResult'],
  RecordNegotiation: ['recordNegotiation'],
  SignTechnicalAgreement: ['signTechnicalAgreement'],
  DraftContract: ['draftContract'],
  Countersign: ['countersign'],
  SignContract: ['signContract'],
  NameSigningRepresentative: ['nameSigningRepresentative'],
  ArchiveSignedScan: ['archiveSignedScan'],
  RecordCustomerDeclined: ['recordCustomerDeclined'],
  RequestTermination: ['requestTermination'],
  HandOver: ['handOver'],
  ConfirmOralAgreement: ['confirmOralAgreement'],
  ReceiveHandover: ['receiveHandover'],
  SummarizeProject: ['summarizeProject'],
  AddTrackingNote: ['addTrackingNote'],
  ReportWeeklyTracking: ['reportWeeklyTracking'],
  RaiseChallenge: ['raiseChallenge'],
  AnswerChallenge: ['answerChallenge'],
  RecordMeetingMemo: ['recordMeetingMemo'],
  PlanDemo: ['recordDemo'],
  RecordDemoHeld: ['recordDemo'],
  RecordDemoFeedback: ['recordDemo'],
  NoteCompetitor: ['noteCompetitor'],
  RecordCustomerConfirmation: ['recordCustomerConfirmation'],
  SendToCustomer: ['recordCustomerConfirmation'],
  BookSigning: ['bookSigning'],
  AttachDocument: ['attachDocument'],
  SendSatisfactionSurvey: ['sendSatisfactionSurvey'],
  RateCollaboration: ['rateCollaboration'],
  FileSalesPlan: ['fileSalesPlan'],
  FileTaskBook: ['fileTaskBook'],
  ConfirmTaskBook: ['sponsorProject'],
  BookPresalesCost: ['bookPresalesCost'],
  HoldWarRoomMeeting: ['holdWarRoomMeeting'],
  ReportMonthlyProgress: ['reportMonthlyProgress'],
  RequestPlanAdjustment: ['requestPlanAdjustment'],
  ConfirmPlanAdjustment: ['sponsorProject'],
};

const union = (...lists: ReadonlyArray<readonly Role[]>): Role[] => [...new Set(lists.flat())];

/** Who may issue a command at all under this policy; finer rules (which approver, which signer) are in decide. */
export function commandRoles(policy: Policy, type: ProjectCommandType): Role[] {
  switch (type) {
    case 'ApproveProject':
      return union(...Object.values(policy.projectApprovers));
    case 'ApproveQuotation':
      return union(...Object.values(policy.quotationApprovers));
    case 'DecideTermination':
      return union(...Object.values(policy.terminationDeciders));
    case 'SubmitTechnicalAgreement':
      return union(policy.agreementDrafters.matureOrSingleEquipment, policy.agreementDrafters.complex);
    case 'DecidePlanAdjustment':
      return union(policy.salesControl.adjustmentApprovers, policy.salesControl.executiveApprovers);
    default:
      return union(...COMMAND_RESPONSIBILITIES[type].map((responsibility) => policy.responsibilities[responsibility]));
  }
}

/** Every command with the roles that may issue it under this policy. */
export function commandRoleTable(policy: Policy): Record<ProjectCommandType, Role[]> {
  const types = [...Object.keys(COMMAND_RESPONSIBILITIES), 'ApproveProject', 'ApproveQuotation', 'DecideTermination', 'SubmitTechnicalAgreement', 'DecidePlanAdjustment'] as ProjectCommandType[];
  return Object.fromEntries(types.map((type) => [type, commandRoles(policy, type)])) as Record<ProjectCommandType, Role[]>;
}
