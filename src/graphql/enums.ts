import { registerEnumType } from '@nestjs/graphql';
import { BID_STEPS, CHANNELS, OUTCOME_REASONS, ROLES, TRACKING_KINDS } from '../domain/project/vocabulary.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const RoleEnum = enumOf(ROLES);
export const ChannelEnum = enumOf(CHANNELS);
export const OutcomeReasonEnum = enumOf(OUTCOME_REASONS);
export const TrackingKindEnum = enumOf(TRACKING_KINDS);
export const BidStepEnum = enumOf(BID_STEPS);
export const StageEnum = enumOf([
  'NONE', 'LEAD', 'QUALIFIED', 'PSM010_EXCHANGE', 'PSM020_SURVEY', 'PSM030_SOLUTION', 'PSM040_QUOTATION',
  'PSM050_TENDER', 'PSM060_NEGOTIATION', 'PSM070_CONTRACT', 'WON', 'LOST', 'TERMINATED', 'CLOSED',
] as const);
export const ScreenDecisionEnum = enumOf(['QUALIFY', 'REJECT', 'FORWARD'] as const);
export const ProcurementMethodEnum = enumOf(['TENDER', 'NEGOTIATION'] as const);
export const ReviewSubjectEnum = enumOf(['SOLUTION', 'TECHNICAL_AGREEMENT'] as const);
export const BidDecisionEnum = enumOf(['BID', 'NO_BID'] as const);
export const BidResultEnum = enumOf(['WON', 'LOST'] as const);
export const CountersignDecisionEnum = enumOf(['SIGN', 'REJECT'] as const);

const describe = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).map(([key, description]) => [key, { description }]));

registerEnumType(RoleEnum, {
  name: 'Role',
  description: '角色',
  valuesMap: describe({
    ACCOUNT_MANAGER: '客户经理 / 业务经理', PRESALES_ENGINEER: '售前工程师', SALES_SUPERVISOR: '业务主管', SALES_DIRECTOR: '销售部长',
    MARKETING: '市场部', REVIEWER: '评审委员会委员', TECH_MANAGER: '技术部主管', OPERATIONS_CENTER: '运营中心',
    BU_GENERAL_MANAGER: '事业部总经理', ADMIN: '管理员',
  }),
});
registerEnumType(ChannelEnum, { name: 'Channel', description: '信息来源渠道' });
registerEnumType(OutcomeReasonEnum, { name: 'OutcomeReason', description: '成败原因' });
registerEnumType(TrackingKindEnum, { name: 'TrackingKind', description: '跟踪方式：拜访、电话、邮件、传真' });
registerEnumType(BidStepEnum, {
  name: 'BidStep',
  description: '投标步骤',
  valuesMap: describe({ DOCUMENTS_PURCHASED: '购买标书', BOND_PAID: '缴纳投标保证金', DOCUMENTS_CHECKED: '标书审核', BID_SUBMITTED: '递交投标文件' }),
});
registerEnumType(StageEnum, {
  name: 'Stage',
  description: '项目阶段',
  valuesMap: describe({
    NONE: '不存在', LEAD: '信息登记', QUALIFIED: '已筛选', PSM010_EXCHANGE: 'PSM010 现场交流', PSM020_SURVEY: 'PSM020 现场调研',
    PSM030_SOLUTION: 'PSM030 编制解决方案', PSM040_QUOTATION: 'PSM040 确定报价', PSM050_TENDER: 'PSM050 商务招投标',
    PSM060_NEGOTIATION: 'PSM060 商务谈判', PSM070_CONTRACT: 'PSM070 确定合同文本', WON: 'PSM080 签订合同（赢单）',
    LOST: '丢单', TERMINATED: '终止', CLOSED: '关闭（拒绝或转交）',
  }),
});
registerEnumType(ScreenDecisionEnum, { name: 'ScreenDecision', description: '筛选结论' });
registerEnumType(ProcurementMethodEnum, { name: 'ProcurementMethod', description: '采购方式：招标 / 谈判' });
registerEnumType(ReviewSubjectEnum, { name: 'ReviewSubject', description: '评审对象：解决方案 / 技术协议' });
registerEnumType(BidDecisionEnum, { name: 'BidDecision', description: '投标决策' });
registerEnumType(BidResultEnum, { name: 'BidResult', description: '开标结果' });
registerEnumType(CountersignDecisionEnum, { name: 'CountersignDecision', description: '会签意见' });
