import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { ADJUSTMENT_KINDS, COST_CATEGORIES, WAR_ROOM_DECISIONS, type AdjustmentKind, type CostCategory, type WarRoomDecision } from '../../domain/project/sales-control-vocabulary.js';
import { AdjustmentKindEnum, CostCategoryEnum, WarRoomDecisionEnum } from '../sales-control.enums.js';
import { MAX_PARTICIPANTS } from './close.input.js';
import { CommandInput, DocumentInput, IsCalendarDate, MilestoneInput, MoneyInput } from './common.input.js';

const MAX_WORK_ITEMS = 50;
const MAX_MILESTONES = 20;

@InputType({ description: '销售策划案中的一项工作：内容、负责人、完成日期与目的' })
export class PlanWorkItemInput {
  @Field({ description: '工作内容（攻关、解决方案、合作伙伴等）' })
  @Length(1, 500)
  task!: string;

  @Field({ description: '负责人（用户 ID）' })
  @Length(1, 100)
  ownerId!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  dueOn!: string;

  @Field({ nullable: true, description: '该项工作要达到的目的' })
  @IsOptional()
  @Length(1, 1000)
  purpose?: string;
}

@InputType({ description: '项目销售策划案（表2）：优势、劣势、目标、工作方案、风险与撤出标准；再次提交即修订，须写明修订原因' })
export class FileSalesPlanInput extends CommandInput {
  @Field({ description: '优势：客户关系、技术水平、合作伙伴支持' })
  @Length(1, 4000)
  strengths!: string;

  @Field({ description: '劣势' })
  @Length(1, 4000)
  weaknesses!: string;

  @Field({ description: '销售目标' })
  @Length(1, 4000)
  goals!: string;

  @Field(() => [PlanWorkItemInput], { description: '工作方案：每项工作的负责人与完成日期' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_WORK_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => PlanWorkItemInput)
  workItems!: PlanWorkItemInput[];

  @Field({ description: '不能按时签约或不能签约的风险' })
  @Length(1, 4000)
  risks!: string;

  @Field({ description: '撤出标准' })
  @Length(1, 4000)
  withdrawalCriteria!: string;

  @Field(() => [String], { description: '策划会参加人（用户 ID 或姓名；项目发起人参加）' })
  @IsArray()
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @Length(1, 100, { each: true })
  participants!: string[];

  @Field({ nullable: true, description: '修订原因（第二版起必填）' })
  @IsOptional()
  @Length(1, 2000)
  revisionReason?: string;
}

@InputType({ description: '售前项目任务书（表3）：预期毛利额、售前费用额度（不超过政策按毛利额允许的额度）与里程碑' })
export class FileTaskBookInput extends CommandInput {
  @Field(() => MoneyInput, { description: '预期毛利额' })
  @ValidateNested()
  @Type(() => MoneyInput)
  expectedGrossMargin!: MoneyInput;

  @Field(() => MoneyInput, { description: '售前费用额度' })
  @ValidateNested()
  @Type(() => MoneyInput)
  budget!: MoneyInput;

  @Field(() => [MilestoneInput], { description: '里程碑（控制点）' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MILESTONES)
  @ValidateNested({ each: true })
  @Type(() => MilestoneInput)
  milestones!: MilestoneInput[];
}

@InputType({ description: '项目发起人确认任务书' })
export class ConfirmTaskBookInput extends CommandInput {
  @Field(() => Int, { description: 'The version confirmed: the one in force (ProjectView.salesControl.taskBook.version)' })
  @IsInt()
  version!: number;
}

@InputType({ description: '售前费用：类别、金额、发生日期、说明与票据' })
export class BookPresalesCostInput extends CommandInput {
  @Field(() => CostCategoryEnum)
  @IsIn(COST_CATEGORIES)
  category!: CostCategory;

  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  amount!: MoneyInput;

  @Field({ description: 'YYYY-MM-DD, not after today' })
  @IsCalendarDate()
  spentOn!: string;

  @Field({ description: '说明' })
  @Length(1, 2000)
  note!: string;

  @Field(() => DocumentInput, { nullable: true, description: '票据或单据' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentInput)
  document?: DocumentInput;
}

@InputType({ description: '项目进展分析会（War Room）：日期、参加人、纪要与决定；建议终止仅由项目发起人提出，转为终止申请' })
export class HoldWarRoomMeetingInput extends CommandInput {
  @Field({ description: 'YYYY-MM-DD, not after today' })
  @IsCalendarDate()
  heldOn!: string;

  @Field(() => [String])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @Length(1, 100, { each: true })
  attendees!: string[];

  @Field({ description: '会议纪要' })
  @Length(1, 8000)
  minutes!: string;

  @Field(() => WarRoomDecisionEnum)
  @IsIn(WAR_ROOM_DECISIONS)
  decision!: WarRoomDecision;

  @Field({ nullable: true, description: 'PROPOSE_STOP: why (the termination request\'s reason)' })
  @IsOptional()
  @Length(1, 2000)
  stopReason?: string;
}

@InputType({ description: '项目月度进展情况报告：月份、进展、下一步措施、形势与风险，及已达成的里程碑' })
export class ReportMonthlyProgressInput extends CommandInput {
  @Field({ description: 'YYYY-MM, a month that has begun' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '$property must be a month YYYY-MM' })
  month!: string;

  @Field({ description: '项目进展' })
  @Length(1, 8000)
  progress!: string;

  @Field({ description: '下一步与应对措施' })
  @Length(1, 8000)
  nextSteps!: string;

  @Field({ description: '形势分析与风险' })
  @Length(1, 8000)
  risks!: string;

  @Field(() => [String], { nullable: true, description: 'Names of milestones in force reached this month' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MILESTONES)
  @Length(1, 100, { each: true })
  milestonesReached?: string[];
}

@InputType({ description: '项目任务书调整表：里程碑延期（新日期）或超支（追加费用），由项目经理提出' })
export class RequestPlanAdjustmentInput extends CommandInput {
  @Field(() => AdjustmentKindEnum)
  @IsIn(ADJUSTMENT_KINDS)
  kind!: AdjustmentKind;

  @Field({ nullable: true, description: 'MILESTONE: the milestone\'s name' })
  @IsOptional()
  @Length(1, 100)
  milestone?: string;

  @Field({ nullable: true, description: 'MILESTONE: its new date (YYYY-MM-DD)' })
  @IsOptional()
  @IsCalendarDate()
  newDueOn?: string;

  @Field(() => MoneyInput, { nullable: true, description: 'BUDGET: the extra budget' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  extraBudget?: MoneyInput;

  @Field({ description: '调整原因' })
  @Length(1, 2000)
  reason!: string;
}

@InputType({ description: '项目发起人确认任务书调整' })
export class ConfirmPlanAdjustmentInput extends CommandInput {
  @Field(() => Int, { description: 'The adjustment\'s number on the project' })
  @IsInt()
  number!: number;
}

@InputType({ description: '任务书调整审批：销售总监或总经理；超过政策限度由公司领导' })
export class DecidePlanAdjustmentInput extends CommandInput {
  @Field(() => Int)
  @IsInt()
  number!: number;

  @Field()
  @IsBoolean()
  approve!: boolean;

  @Field({ nullable: true, description: 'Required when not approved' })
  @IsOptional()
  @Length(1, 2000)
  comments?: string;
}
