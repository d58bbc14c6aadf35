import type { Stage } from '../graphql/generated/graphql';

/** A label in both languages per value of an enum. */
export type Labels<K extends string> = Record<K, { zh: string; en: string }>;

/** The procedure's stages, as schema.gql describes them. */
export const STAGES: Labels<Stage> = {
  LEAD: { zh: '信息登记', en: 'Lead' },
  QUALIFIED: { zh: '已筛选', en: 'Qualified' },
  PSM010_EXCHANGE: { zh: 'PSM010 现场交流', en: 'PSM010 Exchange' },
  PSM020_SURVEY: { zh: 'PSM020 现场调研', en: 'PSM020 Survey' },
  PSM030_SOLUTION: { zh: 'PSM030 编制解决方案', en: 'PSM030 Solution' },
  PSM040_QUOTATION: { zh: 'PSM040 确定报价', en: 'PSM040 Quotation' },
  PSM050_TENDER: { zh: 'PSM050 商务招投标', en: 'PSM050 Tender' },
  PSM060_NEGOTIATION: { zh: 'PSM060 商务谈判', en: 'PSM060 Negotiation' },
  PSM070_CONTRACT: { zh: 'PSM070 确定合同文本', en: 'PSM070 Contract' },
  WON: { zh: 'PSM080 签订合同（赢单）', en: 'PSM080 Won' },
  LOST: { zh: '丢单', en: 'Lost' },
  TERMINATED: { zh: '终止', en: 'Terminated' },
  CLOSED: { zh: '关闭', en: 'Closed' },
  NONE: { zh: '不存在', en: 'None' },
};

export const ROLES: Labels<string> = {
  ACCOUNT_MANAGER: { zh: '客户经理', en: 'Account manager' },
  PRESALES_ENGINEER: { zh: '售前工程师', en: 'Pre-sales engineer' },
  REVIEWER: { zh: '评审委员', en: 'Reviewer' },
  SALES_SUPERVISOR: { zh: '业务主管', en: 'Sales supervisor' },
  SALES_DIRECTOR: { zh: '销售部长', en: 'Sales director' },
  BU_GENERAL_MANAGER: { zh: '事业部总经理', en: 'BU general manager' },
  TECH_MANAGER: { zh: '技术部主管', en: 'Tech manager' },
  OPERATIONS_CENTER: { zh: '运营中心', en: 'Operations centre' },
  MARKETING: { zh: '市场部', en: 'Marketing' },
  DEPARTMENT_LEADER: { zh: '部门领导', en: 'Department leader' },
  EXECUTIVE: { zh: '公司领导（COO/CTO）', en: 'Executive' },
  DELIVERY_ENGINEER: { zh: '交付工程师', en: 'Delivery engineer' },
  SALES_ASSISTANT: { zh: '销售内勤', en: 'Sales assistant' },
  SALES_PLANNER: { zh: '销售策划', en: 'Sales planning' },
  ADMIN: { zh: '管理员', en: 'Administrator' },
};

/** What waits in 我的待办 (WorkItemView.kind). */
export const WORK_KINDS: Labels<string> = {
  CONVENE_REVIEW: { zh: '组织评审', en: 'Convene a review' },
  REVIEW: { zh: '评审', en: 'Review' },
  QUOTATION_APPROVAL: { zh: '报价审批', en: 'Quotation approval' },
  COUNTERSIGN: { zh: '合同会签', en: 'Countersign' },
  TERMINATION_DECISION: { zh: '终止审批', en: 'Termination decision' },
  TASK_BOOK_CONFIRMATION: { zh: '任务书确认（发起人）', en: 'Confirm the task book' },
  ADJUSTMENT_CONFIRMATION: { zh: '任务书调整确认（发起人）', en: 'Confirm an adjustment' },
  ADJUSTMENT_DECISION: { zh: '任务书调整审批', en: 'Decide an adjustment' },
  MILESTONE_OVERDUE: { zh: '里程碑逾期', en: 'Milestone overdue' },
  OVER_BUDGET: { zh: '费用超出计划', en: 'Over budget' },
  MONTHLY_PROGRESS_REPORT: { zh: '月度进展报告未交', en: 'Monthly progress report due' },
  ORAL_AGREEMENT_CONFIRMATION: { zh: '口头协议确认', en: 'Confirm an oral agreement' },
  HANDOVER_RECEIPT: { zh: '移交接收确认', en: 'Receive a handover' },
  DISPATCH_SIGNATURE: { zh: '派人交流单签字', en: 'Sign a dispatch request' },
  SOLUTION_DISPUTE: { zh: '销售总经理评判', en: 'Decide a disputed request' },
  SOLUTION_REQUEST: { zh: '方案申请答复', en: 'Answer a solution request' },
  SOLUTION: { zh: '提交解决方案', en: 'Solution due' },
  BID_CHECK: { zh: '投标文件检查', en: 'Bid documents check' },
  BID_BOND: { zh: '缴纳投标保证金', en: 'Bid bond' },
  SUMMARY: { zh: '项目总结', en: 'Project summary' },
  MONTHLY_REPORT_RECEIPT: { zh: '统计月报签收', en: 'Receive a monthly report' },
  MONTHLY_REPORT_REVISION: { zh: '退回的月报待重新编制', en: 'Prepare a returned monthly report again' },
  FOLLOW_UP_ACTION: { zh: '季度分析后续工作', en: 'Follow-up action' },
};

export const PROJECT_CLASSES: Labels<string> = {
  MAJOR: { zh: '重大项目', en: 'Major' },
  GENERAL: { zh: '一般项目', en: 'General' },
};

/** How a lead came in (Channel). */
export const CHANNELS: Labels<string> = {
  DISTRIBUTOR: { zh: '经销商', en: 'Distributor' },
  EMAIL: { zh: '邮件', en: 'Email' },
  EXHIBITION: { zh: '展会', en: 'Exhibition' },
  FAX: { zh: '传真', en: 'Fax' },
  OUTBOUND: { zh: '主动开发', en: 'Outbound' },
  PHONE: { zh: '电话', en: 'Phone' },
  REFERRAL: { zh: '推荐', en: 'Referral' },
  WEB: { zh: '网站', en: 'Web' },
};

/** Why a project was lost (OutcomeReason). */
export const OUTCOME_REASONS: Labels<string> = {
  BUDGET_CUT: { zh: '预算削减', en: 'Budget cut' },
  COMPETITOR: { zh: '竞争对手', en: 'Competitor' },
  OTHER: { zh: '其他', en: 'Other' },
  PRICE: { zh: '价格', en: 'Price' },
  QUALIFICATION: { zh: '资质', en: 'Qualification' },
  RELATIONSHIP: { zh: '客户关系', en: 'Relationship' },
  TECHNICAL: { zh: '技术', en: 'Technical' },
  TIMING: { zh: '时机', en: 'Timing' },
};

/** The procedure's time limits (DeadlineKind). */
export const DEADLINE_KINDS: Labels<string> = {
  AGREEMENT_REVIEW: { zh: '技术协议评审', en: 'Agreement review' },
  BID_BOND: { zh: '投标保证金', en: 'Bid bond' },
  BID_CHECK: { zh: '标书检查', en: 'Bid check' },
  CONTRACT_REVIEW: { zh: '合同评审', en: 'Contract review' },
  SOLUTION: { zh: '方案', en: 'Solution' },
  SOLUTION_REQUEST: { zh: '方案申请答复', en: 'Solution request answer' },
  SUMMARY: { zh: '项目总结', en: 'Project summary' },
};

export const PROCUREMENT_METHODS: Labels<string> = {
  NEGOTIATION: { zh: '谈判', en: 'Negotiation' },
  TENDER: { zh: '招标', en: 'Tender' },
};
