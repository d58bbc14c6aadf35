import type { ChainBreakReason, ContractStatus, ReviewStatus } from '../../graphql/generated/graphql';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

/** What users call each event, as the server's EVENT_LABELS (src/application/audit/event-labels.ts) in Chinese. */
export const EVENT_TYPES: Labels<string> = {
  LeadRegistered: { zh: '信息登记', en: 'Lead registered' },
  LeadQualified: { zh: '筛选通过', en: 'Lead qualified' },
  LeadRejected: { zh: '筛选拒绝', en: 'Lead rejected' },
  LeadForwarded: { zh: '转其他事业部', en: 'Forwarded to another unit' },
  LeadForwardProposed: { zh: '申请转其他事业部', en: 'Forward proposed' },
  LeadForwardDeclined: { zh: '转交申请驳回', en: 'Forward declined' },
  LeadAssigned: { zh: '分派客户经理', en: 'Account manager assigned' },
  LeadEvaluationRequested: { zh: '提交部长评估', en: 'Evaluation requested' },
  LeadEvaluated: { zh: '评估重要程度', en: 'Importance evaluated' },
  ProjectApproved: { zh: '立项', en: 'Project approved' },
  ProjectClassRaised: { zh: '项目升级为重大项目', en: 'Raised to a major project' },
  SolutionRequested: { zh: '方案申请', en: 'Solution requested' },
  SolutionRequestAnswered: { zh: '方案申请答复', en: 'Solution request answered' },
  ExchangeRecorded: { zh: '现场交流', en: 'Exchange recorded' },
  SurveyCompleted: { zh: '现场调研', en: 'Survey completed' },
  SolutionSubmitted: { zh: '提交解决方案', en: 'Solution submitted' },
  SystemBudgetSet: { zh: '确定系统预算', en: 'System budget set' },
  ReviewConvened: { zh: '组织评审', en: 'Review convened' },
  ReviewVoteCast: { zh: '评审投票', en: 'Review vote cast' },
  ReviewPassed: { zh: '评审通过', en: 'Review passed' },
  ReviewFailed: { zh: '评审不通过', en: 'Review failed' },
  QuotationSubmitted: { zh: '提交报价', en: 'Quotation submitted' },
  QuotationApproved: { zh: '报价审批', en: 'Quotation approved' },
  ProcurementChosen: { zh: '确定采购方式', en: 'Procurement chosen' },
  BidDecided: { zh: '投标决策', en: 'Bid decided' },
  TenderDocumentsPurchased: { zh: '购买招标文件', en: 'Tender documents purchased' },
  BidBondPaid: { zh: '缴纳投标保证金', en: 'Bid bond paid' },
  BidDocumentsChecked: { zh: '投标文件检查', en: 'Bid documents checked' },
  BidSubmitted: { zh: '递交投标文件', en: 'Bid submitted' },
  BidWon: { zh: '中标', en: 'Bid won' },
  BidLost: { zh: '未中标', en: 'Bid lost' },
  NegotiationRecorded: { zh: '商务谈判', en: 'Negotiation recorded' },
  TechnicalAgreementSubmitted: { zh: '提交技术协议', en: 'Technical agreement submitted' },
  TechnicalAgreementSigned: { zh: '签署技术协议', en: 'Technical agreement signed' },
  ContractDrafted: { zh: '确定合同文本', en: 'Contract drafted' },
  ContractCountersigned: { zh: '会签', en: 'Contract countersigned' },
  CountersignRejected: { zh: '会签退回', en: 'Countersign sent back' },
  ContractSigned: { zh: '签订合同', en: 'Contract signed' },
  SigningRepresentativeNamed: { zh: '指定签约代表人', en: 'Signing representative named' },
  SignedScanArchived: { zh: '纸质签字版归档', en: 'Signed scan archived' },
  TerminationRequested: { zh: '项目终止申请', en: 'Termination requested' },
  CustomerDeclined: { zh: '客户不接受，流程结束', en: 'Customer declined' },
  ProjectTerminated: { zh: '项目终止', en: 'Project terminated' },
  TerminationDeclined: { zh: '终止申请驳回', en: 'Termination declined' },
  ProjectHandedOver: { zh: '项目移交', en: 'Project handed over' },
  ProjectSummarized: { zh: '项目总结', en: 'Project summarized' },
  TrackingNoteAdded: { zh: '项目跟踪', en: 'Tracking note' },
  DocumentAttached: { zh: '文档归档', en: 'Document attached' },
};

/** DocumentVersionView.kind: the kinds the procedure files (an attached document names its own). */
export const DOCUMENT_KINDS: Labels<string> = {
  PROJECT_PLAN: { zh: '立项计划', en: 'Project plan' },
  EXCHANGE_MEMO: { zh: '交流纪要', en: 'Exchange memo' },
  SURVEY_REPORT: { zh: '调研报告', en: 'Survey report' },
  SOLUTION: { zh: '解决方案', en: 'Solution' },
  QUOTATION: { zh: '报价单', en: 'Quotation' },
  NEGOTIATION_NOTES: { zh: '谈判纪要', en: 'Negotiation notes' },
  TECHNICAL_AGREEMENT: { zh: '技术协议', en: 'Technical agreement' },
  CONTRACT: { zh: '合同文本', en: 'Contract' },
  SIGNED_CONTRACT: { zh: '签订的合同', en: 'Signed contract' },
  HANDOVER: { zh: '移交文档', en: 'Handed over' },
};

/** The fields projectDiff compares (src/application/audit/project-diff.ts). */
export const DIFF_FIELDS: Labels<string> = {
  stage: { zh: '阶段', en: 'Stage' },
  'amounts.estimated': { zh: '预估金额', en: 'Estimated amount' },
  'amounts.quotation': { zh: '报价金额', en: 'Quotation' },
  'amounts.contract': { zh: '合同金额', en: 'Contract amount' },
  'amounts.signed': { zh: '签约金额', en: 'Signed amount' },
  documents: { zh: '文档', en: 'Documents' },
  'approvals.solution': { zh: '解决方案评审', en: 'Solution review' },
  'approvals.technicalAgreement': { zh: '技术协议评审', en: 'Technical agreement review' },
  'approvals.quotation': { zh: '报价审批', en: 'Quotation approvals' },
  signers: { zh: '合同会签', en: 'Countersigners' },
};

export const REVIEW_STATUSES: Labels<ReviewStatus> = {
  AWAITING_REVIEWERS: { zh: '待组织评审', en: 'Awaiting reviewers' },
  OPEN: { zh: '评审中', en: 'Open' },
  PASSED: { zh: '通过', en: 'Passed' },
  FAILED: { zh: '不通过', en: 'Failed' },
};

export const CONTRACT_STATUSES: Labels<ContractStatus> = {
  COUNTERSIGNING: { zh: '会签中', en: 'Countersigning' },
  COUNTERSIGNED: { zh: '会签完成', en: 'Countersigned' },
  REJECTED: { zh: '会签退回', en: 'Sent back' },
  SIGNED: { zh: '已签订', en: 'Signed' },
};

export const CHAIN_BREAK_REASONS: Labels<ChainBreakReason> = {
  BROKEN_LINK: { zh: '链接断开', en: 'broken link' },
  CHAIN_STRIPPED: { zh: '哈希被删去', en: 'chain stripped' },
  CONTENT_ALTERED: { zh: '内容被篡改', en: 'content altered' },
  REVISION_GAP: { zh: '修订号缺失', en: 'revision gap' },
};

export const VOTES: Labels<string> = {
  APPROVE: { zh: '通过', en: 'approve' },
  REJECT: { zh: '不通过', en: 'reject' },
};
