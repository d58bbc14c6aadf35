import { registerEnumType } from '@nestjs/graphql';
import { BOARD_FLAGS } from '../../projections/pipeline-board/pipeline-board.query.js';
import { ADJUSTMENT_KINDS, COST_CATEGORIES, WAR_ROOM_DECISIONS } from '../domain/project/sales-control-vocabulary.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
const describe = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).map(([value, description]) => [value, { description }]));

export const CostCategoryEnum = enumOf(COST_CATEGORIES);
export const WarRoomDecisionEnum = enumOf(WAR_ROOM_DECISIONS);
export const AdjustmentKindEnum = enumOf(ADJUSTMENT_KINDS);
export const BoardFlagEnum = enumOf(BOARD_FLAGS);
export const AdjustmentStatusEnum = enumOf(['REQUESTED', 'CONFIRMED', 'APPROVED', 'DECLINED'] as const);

registerEnumType(CostCategoryEnum, {
  name: 'CostCategory',
  description: '售前费用类别',
  valuesMap: describe({ TRAVEL: '差旅', HOSPITALITY: '招待', DEMO: '演示', BID: '投标', CONSULTING: '咨询与外协', OTHER: '其他' }),
});
registerEnumType(WarRoomDecisionEnum, {
  name: 'WarRoomDecision',
  description: '项目进展分析会的决定',
  valuesMap: describe({ CONTINUE: '继续销售', PROPOSE_STOP: '建议终止（仅项目发起人；按终止规则审批）' }),
});
registerEnumType(AdjustmentKindEnum, {
  name: 'AdjustmentKind',
  description: '项目任务书调整类别',
  valuesMap: describe({ MILESTONE: '里程碑延期', BUDGET: '追加费用' }),
});
registerEnumType(AdjustmentStatusEnum, {
  name: 'AdjustmentStatus',
  description: '任务书调整状态',
  valuesMap: describe({ REQUESTED: '待发起人确认', CONFIRMED: '待审批', APPROVED: '已批准', DECLINED: '未批准' }),
});
registerEnumType(BoardFlagEnum, {
  name: 'BoardFlag',
  description: '看板卡片标记',
  valuesMap: describe({ MILESTONE_OVERDUE: '里程碑逾期', OVER_BUDGET: '费用超出计划' }),
});
