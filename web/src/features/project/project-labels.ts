type Labels = Record<string, { zh: string; en: string }>;

/** The kinds of document a project files (src/application/audit/document-versions.ts); an attached one keeps its own. */
export const DOCUMENT_KINDS: Labels = {
  PROJECT_PLAN: { zh: '立项计划', en: 'Project plan' },
  EXCHANGE_MEMO: { zh: '交流纪要', en: 'Exchange memo' },
  SURVEY_REPORT: { zh: '调研报告', en: 'Survey report' },
  SOLUTION: { zh: '解决方案', en: 'Solution' },
  QUOTATION: { zh: '报价单', en: 'Quotation' },
  NEGOTIATION_NOTES: { zh: '谈判记录', en: 'Negotiation notes' },
  TECHNICAL_AGREEMENT: { zh: '技术协议', en: 'Technical agreement' },
  CONTRACT: { zh: '合同文本', en: 'Contract draft' },
  SIGNED_CONTRACT: { zh: '签订合同', en: 'Signed contract' },
  HANDOVER: { zh: '移交文件', en: 'Handover' },
};

/** ReviewStatus, ReviewOutcome and Vote, as schema.gql describes them. */
export const REVIEW_STATES: Labels = {
  AWAITING_REVIEWERS: { zh: '待组织评审', en: 'Awaiting reviewers' },
  OPEN: { zh: '评审中', en: 'Open' },
  PASSED: { zh: '通过', en: 'Passed' },
  FAILED: { zh: '不通过', en: 'Failed' },
  APPROVE: { zh: '通过', en: 'Approve' },
  REJECT: { zh: '不通过', en: 'Reject' },
};

export const CONTRACT_STATES: Labels = {
  COUNTERSIGNING: { zh: '会签中', en: 'Countersigning' },
  COUNTERSIGNED: { zh: '会签完成', en: 'Countersigned' },
  REJECTED: { zh: '会签退回', en: 'Sent back' },
  SIGNED: { zh: '已签订', en: 'Signed' },
};

export const DEADLINE_KINDS: Labels = {
  AGREEMENT_REVIEW: { zh: '技术协议评审', en: 'Agreement review' },
  BID_BOND: { zh: '投标保证金', en: 'Bid bond' },
  BID_CHECK: { zh: '标书检查', en: 'Bid documents check' },
  CONTRACT_REVIEW: { zh: '合同评审', en: 'Contract review' },
  SOLUTION: { zh: '解决方案', en: 'Solution' },
  SOLUTION_REQUEST: { zh: '方案申请答复', en: 'Solution request' },
  SUMMARY: { zh: '项目总结', en: 'Summary' },
};
