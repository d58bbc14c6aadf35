import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Role } from '../domain/project/vocabulary.js';
import type { AdjustmentKind, CostCategory, WarRoomDecision } from '../domain/project/sales-control-vocabulary.js';
import { RoleEnum } from './enums.js';
import { DocumentRefView } from './project-parts.types.js';
import { MilestoneView } from './project-history.types.js';
import { Money } from './project.types.js';
import { AdjustmentKindEnum, AdjustmentStatusEnum, CostCategoryEnum, WarRoomDecisionEnum } from './sales-control.enums.js';

@ObjectType({ description: '销售策划案中的一项工作' })
export class PlanWorkItemView {
  @Field() task!: string;
  @Field() ownerId!: string;
  @Field({ description: 'YYYY-MM-DD' }) dueOn!: string;
  @Field(() => String, { nullable: true }) purpose?: string;
}

@ObjectType({ description: '项目销售策划案（表2）的一个版本' })
export class SalesPlanVersionView {
  @Field(() => Int) version!: number;
  @Field() strengths!: string;
  @Field() weaknesses!: string;
  @Field() goals!: string;
  @Field(() => [PlanWorkItemView]) workItems!: PlanWorkItemView[];
  @Field() risks!: string;
  @Field({ description: '撤出标准' }) withdrawalCriteria!: string;
  @Field(() => [String]) participants!: string[];
  @Field() filedBy!: string;
  @Field({ description: 'When it was filed (UTC)' }) at!: string;
  @Field(() => String, { nullable: true, description: 'Why this version revises the one before' }) revisionReason?: string;
}

@ObjectType({ description: '售前项目任务书（表3）的一个版本' })
export class TaskBookVersionView {
  @Field(() => Int) version!: number;
  @Field(() => Money, { description: '预期毛利额' }) expectedGrossMargin!: Money;
  @Field(() => Money, { description: '售前费用额度' }) budget!: Money;
  @Field(() => Money, { description: 'The most the policy allowed for the gross margin' }) allowedBudget!: Money;
  @Field(() => [MilestoneView]) milestones!: MilestoneView[];
  @Field() filedBy!: string;
  @Field() at!: string;
  @Field({ description: 'The sponsor who confirms it' }) sponsorId!: string;
  @Field(() => String, { nullable: true, description: 'Who confirmed it (null while it waits)' }) confirmedBy?: string;
}

@ObjectType({ description: '在执行的里程碑：日期、达成日、是否逾期' })
export class PlannedMilestoneView {
  @Field() name!: string;
  @Field({ description: 'YYYY-MM-DD' }) dueOn!: string;
  @Field(() => String, { nullable: true, description: 'The day the monthly report said it was reached' }) reachedOn?: string;
  @Field({ description: 'Not reached and its day is over in Beijing' }) overdue!: boolean;
}

@ObjectType({ description: '预算与实际：额度、已发生、剩余、是否超支' })
export class BudgetVersusActualView {
  @Field(() => Money, { description: 'The budget in force: the confirmed task book\'s with approved additions, else 立项\'s' }) budget!: Money;
  @Field(() => Money) booked!: Money;
  @Field(() => Money, { description: 'budget − booked; negative when over plan' }) remaining!: Money;
  @Field({ description: '超出计划' }) overPlan!: boolean;
  @Field({ description: 'TASK_BOOK once the sponsor confirmed one, else APPROVAL (立项)' }) basis!: string;
}

@ObjectType({ description: '售前费用' })
export class PresalesCostView {
  @Field(() => Int) number!: number;
  @Field(() => CostCategoryEnum) category!: CostCategory;
  @Field(() => Money) amount!: Money;
  @Field() spentOn!: string;
  @Field() note!: string;
  @Field(() => DocumentRefView, { nullable: true }) document?: DocumentRefView;
  @Field() bookedBy!: string;
  @Field() at!: string;
}

@ObjectType({ description: '项目进展分析会' })
export class WarRoomMeetingView {
  @Field(() => Int) number!: number;
  @Field() heldOn!: string;
  @Field(() => [String]) attendees!: string[];
  @Field() minutes!: string;
  @Field(() => WarRoomDecisionEnum) decision!: WarRoomDecision;
  @Field(() => String, { nullable: true }) stopReason?: string;
  @Field() recordedBy!: string;
  @Field() at!: string;
}

@ObjectType({ description: '项目月度进展情况报告' })
export class MonthlyProgressReportView {
  @Field({ description: 'YYYY-MM' }) month!: string;
  @Field() progress!: string;
  @Field() nextSteps!: string;
  @Field() risks!: string;
  @Field(() => [String]) milestonesReached!: string[];
  @Field() reportedBy!: string;
  @Field() at!: string;
}

@ObjectType({ description: '项目任务书调整表' })
export class PlanAdjustmentView {
  @Field(() => Int) number!: number;
  @Field(() => AdjustmentKindEnum) kind!: AdjustmentKind;
  @Field(() => String, { nullable: true }) milestone?: string;
  @Field(() => String, { nullable: true }) fromDueOn?: string;
  @Field(() => String, { nullable: true }) newDueOn?: string;
  @Field(() => Money, { nullable: true }) extraBudget?: Money;
  @Field() reason!: string;
  @Field() requestedBy!: string;
  @Field() at!: string;
  @Field() sponsorId!: string;
  @Field(() => [RoleEnum], { description: 'Who decides it' }) approvers!: Role[];
  @Field({ description: 'Beyond the policy\'s limits: the executive approvers decide' }) beyondLimit!: boolean;
  @Field(() => AdjustmentStatusEnum) status!: string;
  @Field(() => String, { nullable: true }) confirmedBy?: string;
  @Field(() => String, { nullable: true }) decidedBy?: string;
  @Field(() => String, { nullable: true }) comments?: string;
}

@ObjectType({ description: '售前项目管理（文件004）：策划案、任务书、预算与实际、费用、分析会、月报、调整' })
export class SalesControlView {
  @Field(() => [SalesPlanVersionView], { description: 'Every version of the sales plan, the latest last' }) plans!: SalesPlanVersionView[];
  @Field(() => [TaskBookVersionView], { description: 'Every version of the task book, the latest last' }) taskBooks!: TaskBookVersionView[];
  @Field(() => [PlannedMilestoneView], { description: 'The milestones in force' }) milestones!: PlannedMilestoneView[];
  @Field(() => BudgetVersusActualView, { nullable: true, description: 'Null before 立项' }) budget?: BudgetVersusActualView;
  @Field(() => [PresalesCostView]) costs!: PresalesCostView[];
  @Field(() => [WarRoomMeetingView]) meetings!: WarRoomMeetingView[];
  @Field(() => [MonthlyProgressReportView]) progressReports!: MonthlyProgressReportView[];
  @Field(() => [PlanAdjustmentView]) adjustments!: PlanAdjustmentView[];
}
