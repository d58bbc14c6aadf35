import type { ChainBreakReason, ContractStatus, ReviewStatus } from '../../graphql/generated/graphql';
import type { Labels } from '../../i18n/labels';


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
