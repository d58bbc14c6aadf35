import type { Stage } from '../graphql/generated/graphql';

type Labels<K extends string> = Record<K, { zh: string; en: string }>;

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
  ADMIN: { zh: '管理员', en: 'Administrator' },
};

/** What waits in 我的待办 (WorkItemView.kind). */
export const WORK_KINDS: Labels<string> = {
  CONVENE_REVIEW: { zh: '组织评审', en: 'Convene a review' },
  REVIEW: { zh: '评审', en: 'Review' },
  QUOTATION_APPROVAL: { zh: '报价审批', en: 'Quotation approval' },
  COUNTERSIGN: { zh: '合同会签', en: 'Countersign' },
  TERMINATION_DECISION: { zh: '终止审批', en: 'Termination decision' },
  SOLUTION_REQUEST: { zh: '方案申请答复', en: 'Answer a solution request' },
  SOLUTION: { zh: '提交解决方案', en: 'Solution due' },
  BID_CHECK: { zh: '投标文件检查', en: 'Bid documents check' },
  BID_BOND: { zh: '缴纳投标保证金', en: 'Bid bond' },
  SUMMARY: { zh: '项目总结', en: 'Project summary' },
};

export const PROJECT_CLASSES: Labels<string> = {
  MAJOR: { zh: '重大项目', en: 'Major' },
  GENERAL: { zh: '一般项目', en: 'General' },
};
