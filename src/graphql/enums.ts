import { registerEnumType } from '@nestjs/graphql';
import { DEADLINE_KINDS } from '../domain/project/deadlines.js';
import {
  BID_DELIVERIES, BID_STEPS, CHANNELS, CONFIRMED_SUBJECTS, CUSTOMER_DOCUMENTS, DECLINED_SUBJECTS, HANDOVER_KINDS, LISTED_HANDOVER_KINDS, SENT_DOCUMENTS, LEAD_IMPORTANCE, OUTCOME_REASONS, ROLES, SIGNED_DOCUMENTS, SIGNING_CAPACITIES, TRACKING_KINDS,
} from '../domain/project/vocabulary.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const RoleEnum = enumOf(ROLES);
export const ChannelEnum = enumOf(CHANNELS);
export const OutcomeReasonEnum = enumOf(OUTCOME_REASONS);
export const TrackingKindEnum = enumOf(TRACKING_KINDS);
export const HandoverKindEnum = enumOf(HANDOVER_KINDS);
export const ListedHandoverKindEnum = enumOf(LISTED_HANDOVER_KINDS);
export const BidStepEnum = enumOf(BID_STEPS);
export const BidDeliveryEnum = enumOf(BID_DELIVERIES);
export const BidDecisionPhaseEnum = enumOf(['INTENT', 'FINAL'] as const);
export const DeadlineKindEnum = enumOf(DEADLINE_KINDS);
export const StageEnum = enumOf([
  'NONE', 'LEAD', 'QUALIFIED', 'PSM010_EXCHANGE', 'PSM020_SURVEY', 'PSM030_SOLUTION', 'PSM040_QUOTATION',
  'PSM050_TENDER', 'PSM060_NEGOTIATION', 'PSM070_CONTRACT', 'WON', 'LOST', 'TERMINATED', 'CLOSED',
] as const);
export const ScreenDecisionEnum = enumOf(['QUALIFY', 'REJECT', 'FORWARD'] as const);
export const ProcurementMethodEnum = enumOf(['TENDER', 'NEGOTIATION'] as const);
export const ReviewSubjectEnum = enumOf(['SOLUTION', 'TECHNICAL_AGREEMENT'] as const);
export const DeclinedSubjectEnum = enumOf(DECLINED_SUBJECTS);
export const LeadImportanceEnum = enumOf(LEAD_IMPORTANCE);
export const BidDecisionEnum = enumOf(['BID', 'NO_BID'] as const);
export const BidResultEnum = enumOf(['WON', 'LOST'] as const);
export const CountersignDecisionEnum = enumOf(['SIGN', 'REJECT'] as const);
export const SignedDocumentEnum = enumOf(SIGNED_DOCUMENTS);
export const ConfirmedSubjectEnum = enumOf(CONFIRMED_SUBJECTS);
export const CustomerDocumentEnum = enumOf(CUSTOMER_DOCUMENTS);
export const SentDocumentEnum = enumOf(SENT_DOCUMENTS);
export const SigningCapacityEnum = enumOf(SIGNING_CAPACITIES);
export const VoteEnum = enumOf(['APPROVE', 'REJECT'] as const);
export const ReviewStatusEnum = enumOf(['AWAITING_REVIEWERS', 'OPEN', 'PASSED', 'FAILED'] as const);
export const ReviewOutcomeEnum = enumOf(['PASSED', 'FAILED'] as const);
export const ContractStatusEnum = enumOf(['COUNTERSIGNING', 'REJECTED', 'COUNTERSIGNED', 'SIGNED'] as const);
export const ProjectOutcomeEnum = enumOf(['REJECTED', 'FORWARDED', 'NO_BID', 'BID_LOST', 'CUSTOMER_DECLINED'] as const);
export const SummaryOutcomeEnum = enumOf(['WON', 'LOST', 'TERMINATED', 'NOT_BID', 'CUSTOMER_DECLINED'] as const);

const describe = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).map(([key, description]) => [key, { description }]));

registerEnumType(RoleEnum, {
  name: 'Role',
  description: '角色',
  valuesMap: describe({
    ACCOUNT_MANAGER: '客户经理 / 业务经理', PRESALES_ENGINEER: '售前工程师', SALES_SUPERVISOR: '业务主管', SALES_DIRECTOR: '销售部长',
    MARKETING: '市场部', REVIEWER: '评审委员会委员', TECH_MANAGER: '技术部主管', OPERATIONS_CENTER: '运营中心',
    BU_GENERAL_MANAGER: '事业部总经理', DEPARTMENT_LEADER: '部门领导', SALES_ASSISTANT: '销售内勤', EXECUTIVE: 'COO / CTO / 总经理', DELIVERY_ENGINEER: '施工部门网络工程师（交付）',
    SALES_PLANNER: '销售策划', ADMIN: '管理员',
  }),
});
registerEnumType(ChannelEnum, {
  name: 'Channel',
  description: '信息来源渠道',
  valuesMap: describe({
    WEB: '网站', DISTRIBUTOR: '经销商', PHONE: '电话', FAX: '传真', EMAIL: '邮件', REFERRAL: '推荐', EXHIBITION: '展会', OUTBOUND: '主动开发',
  }),
});
registerEnumType(OutcomeReasonEnum, {
  name: 'OutcomeReason',
  description: '成败原因',
  valuesMap: describe({
    PRICE: '价格', TECHNICAL: '技术', RELATIONSHIP: '客户关系', QUALIFICATION: '资质', TIMING: '时机',
    COMPETITOR: '竞争对手', BUDGET_CUT: '预算削减', OTHER: '其他',
  }),
});
registerEnumType(TrackingKindEnum, {
  name: 'TrackingKind',
  description: '跟踪方式',
  valuesMap: describe({ VISIT: '拜访', CALL: '电话', EMAIL: '邮件', FAX: '传真', MEETING: '会议' }),
});
const HANDOVER_KIND_LABELS: Record<string, string> = {
  CONTRACT: '销售合同', SUPPLEMENTARY_AGREEMENT: '补充协议', ORAL_AGREEMENT: '口头协议（书面化，需确认）', SOLUTION: '网络系统方案（拓扑图、设备清单、业务流程）',
  BID_DOCUMENTS: '投标书', TECHNICAL_AGREEMENT: '技术协议', QUOTATION: '报价单', CONTRACT_REVIEW_SHEET: '产品/项目销售合同评审表',
  REVIEW_ISSUES_SHEET: '产品/项目销售合同评审问题对策表', CUSTOMER_NEEDS: '客户需求', PRODUCT_CONFIGURATION: '产品配置',
  UNCLASSIFIED: '类别未记录（早期移交清单）',
};
registerEnumType(HandoverKindEnum, { name: 'HandoverKind', description: '文档移交清单中的文件类别', valuesMap: describe(HANDOVER_KIND_LABELS) });
registerEnumType(ListedHandoverKindEnum, {
  name: 'ListedHandoverKind',
  description: '移交时可列入清单的文件类别',
  valuesMap: describe(Object.fromEntries(LISTED_HANDOVER_KINDS.map((kind) => [kind, HANDOVER_KIND_LABELS[kind]]))),
});
registerEnumType(BidStepEnum, {
  name: 'BidStep',
  description: '投标步骤',
  valuesMap: describe({
    LOAN_SIGNED: '购买标书借款单签字', DOCUMENTS_PURCHASED: '购买标书', BOND_PAID: '缴纳投标保证金', DOCUMENTS_CHECKED: '标书审核', DOCUMENTS_SEALED: '装订密封',
    BID_SUBMITTED: '递交投标文件',
  }),
});
registerEnumType(BidDeliveryEnum, { name: 'BidDelivery', description: '标书送达方式', valuesMap: describe({ POST: '邮寄', COURIER: '快递', IN_PERSON: '专人带往开标现场' }) });
registerEnumType(BidDecisionPhaseEnum, {
  name: 'BidDecisionPhase',
  description: '投标决策阶段',
  valuesMap: describe({ INTENT: '投标意向（购买标书前）', FINAL: '最终决定（评估标书后）' }),
});
registerEnumType(DeadlineKindEnum, {
  name: 'DeadlineKind',
  description: '时限',
  valuesMap: describe({
    SOLUTION_REQUEST: '方案申请答复（1个工作日）', SOLUTION: '方案（按产品线，误差2个工作日）', AGREEMENT_REVIEW: '技术协议评审（1个工作日，现场签订2小时）',
    CONTRACT_REVIEW: '合同评审（1个工作日，现场签订2小时）', BID_CHECK: '标书检查（开标前3日内）', BID_BOND: '投标保证金（标书规定期限）', SUMMARY: '项目总结（结案后）',
  }),
});
registerEnumType(StageEnum, {
  name: 'Stage',
  description: '项目阶段',
  valuesMap: describe({
    NONE: '不存在', LEAD: '信息登记', QUALIFIED: '已筛选', PSM010_EXCHANGE: 'PSM010 现场交流', PSM020_SURVEY: 'PSM020 现场调研',
    PSM030_SOLUTION: 'PSM030 编制解决方案', PSM040_QUOTATION: 'PSM040 确定报价', PSM050_TENDER: 'PSM050 商务招投标',
    PSM060_NEGOTIATION: 'PSM060 商务谈判', PSM070_CONTRACT: 'PSM070 确定合同文本', WON: 'PSM080 签订合同（赢单）',
    LOST: '丢单', TERMINATED: '终止', CLOSED: '关闭（拒绝、转交、未投标或客户不接受）',
  }),
});
registerEnumType(ScreenDecisionEnum, { name: 'ScreenDecision', description: '筛选结论', valuesMap: describe({ QUALIFY: '合格', REJECT: '拒绝', FORWARD: '转交' }) });
registerEnumType(ProcurementMethodEnum, { name: 'ProcurementMethod', description: '采购方式', valuesMap: describe({ TENDER: '招标', NEGOTIATION: '谈判' }) });
registerEnumType(DeclinedSubjectEnum, { name: 'DeclinedSubject', description: '客户不接受的对象', valuesMap: describe({ SOLUTION: '解决方案与预算', TECHNICAL_AGREEMENT: '技术协议', CONTRACT_INTENT: '合同签订意向' }) });
registerEnumType(LeadImportanceEnum, { name: 'LeadImportance', description: '线索重要程度', valuesMap: describe({ HIGH: '重要', MEDIUM: '一般', LOW: '次要' }) });
registerEnumType(ReviewSubjectEnum, { name: 'ReviewSubject', description: '评审对象', valuesMap: describe({ SOLUTION: '解决方案', TECHNICAL_AGREEMENT: '技术协议' }) });
registerEnumType(BidDecisionEnum, { name: 'BidDecision', description: '投标决策', valuesMap: describe({ BID: '投标', NO_BID: '不投标' }) });
registerEnumType(BidResultEnum, { name: 'BidResult', description: '开标结果', valuesMap: describe({ WON: '中标', LOST: '未中标' }) });
registerEnumType(CountersignDecisionEnum, { name: 'CountersignDecision', description: '会签意见', valuesMap: describe({ SIGN: '同意', REJECT: '退回' }) });
registerEnumType(ConfirmedSubjectEnum, {
  name: 'ConfirmedSubject',
  description: '客户确认的对象',
  valuesMap: describe({ EXCHANGE_MEMO: '交流备忘录', SOLUTION: '解决方案与系统预算', TECHNICAL_AGREEMENT: '技术协议条款', CONTRACT_INTENT: '合同签订意向（就已签技术协议）', CONTRACT: '合同条款' }),
});
registerEnumType(CustomerDocumentEnum, {
  name: 'CustomerDocument', description: '交给客户的文件', valuesMap: describe({ EXCHANGE_MEMO: '交流备忘录', SOLUTION: '解决方案', QUOTATION: '报价单', TECHNICAL_AGREEMENT: '技术协议', CONTRACT: '合同' }),
});
registerEnumType(SentDocumentEnum, {
  name: 'SentDocument', description: '审批后发给客户的文件', valuesMap: describe({ SOLUTION: '解决方案', QUOTATION: '报价单', TECHNICAL_AGREEMENT: '技术协议', CONTRACT: '合同' }),
});
registerEnumType(SignedDocumentEnum, { name: 'SignedDocument', description: '与客户签订的文件', valuesMap: describe({ TECHNICAL_AGREEMENT: '技术协议', CONTRACT: '合同' }) });
registerEnumType(SigningCapacityEnum, {
  name: 'SigningCapacity',
  description: '签字身份（由策略规定）',
  valuesMap: describe({ TECHNICAL_LEAD: '技术负责人', ACCOUNT_MANAGER: '客户经理 / 业务经理', DEPARTMENT_LEADER: '部门领导', REPRESENTATIVE: '部门领导指定的代表人' }),
});
registerEnumType(VoteEnum, { name: 'Vote', description: '评审意见', valuesMap: describe({ APPROVE: '通过', REJECT: '不通过' }) });
registerEnumType(ReviewStatusEnum, {
  name: 'ReviewStatus',
  description: '评审状态',
  valuesMap: describe({ AWAITING_REVIEWERS: '待组织评审', OPEN: '评审中', PASSED: '通过', FAILED: '不通过' }),
});
registerEnumType(ReviewOutcomeEnum, { name: 'ReviewOutcome', description: '评审结论', valuesMap: describe({ PASSED: '通过', FAILED: '不通过' }) });
registerEnumType(ContractStatusEnum, {
  name: 'ContractStatus',
  description: '合同状态',
  valuesMap: describe({ COUNTERSIGNING: '会签中', REJECTED: '会签退回', COUNTERSIGNED: '会签完成', SIGNED: '已签订' }),
});
registerEnumType(ProjectOutcomeEnum, {
  name: 'ProjectOutcome',
  description: '项目结束方式（赢单、丢单、终止之外）',
  valuesMap: describe({ REJECTED: '筛选拒绝', FORWARDED: '转交', NO_BID: '不投标', BID_LOST: '未中标', CUSTOMER_DECLINED: '客户不接受' }),
});
registerEnumType(SummaryOutcomeEnum, {
  name: 'SummaryOutcome',
  description: '项目总结的结果',
  valuesMap: describe({ WON: '赢单', LOST: '丢单', TERMINATED: '终止', NOT_BID: '未投标', CUSTOMER_DECLINED: '客户不接受' }),
});
