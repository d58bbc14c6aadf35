import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { CHANNELS, LEAD_IMPORTANCE, type Channel, type LeadImportance } from '../../domain/project/vocabulary.js';
import { IsCanonicalUuid } from '../canonical-uuid.js';
import { ChannelEnum, LeadImportanceEnum, ScreenDecisionEnum } from '../enums.js';
import { CommandInput, ContactInput, DocumentInput, IsCalendarDate, MilestoneInput, MoneyInput } from './common.input.js';

@InputType({ description: '信息登记：登记一条销售线索' })
export class RegisterLeadInput {
  @Field({ description: 'Client-chosen uuid; repeating it repeats nothing and returns the first answer' })
  @IsCanonicalUuid()
  commandId!: string;

  @Field({ nullable: true, description: 'Optional: derived from the command id when absent' })
  @IsOptional()
  @IsCanonicalUuid()
  projectId?: string;

  @Field()
  @Length(1, 200)
  title!: string;

  @Field()
  @Length(1, 200)
  customer!: string;

  @Field(() => ContactInput)
  @ValidateNested()
  @Type(() => ContactInput)
  contact!: ContactInput;

  @Field()
  @Length(1, 4000)
  need!: string;

  @Field(() => ChannelEnum)
  @IsIn(CHANNELS)
  channel!: Channel;

  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  estimatedAmount!: MoneyInput;

  @Field()
  @Length(1, 50)
  region!: string;

  @Field({ description: 'e.g. SINGLE_EQUIPMENT, ROBOT_CELL, PRODUCTION_LINE' })
  @Length(1, 50)
  productLine!: string;
}

@InputType({ description: '筛选：合格、拒绝（需理由）或转交其他事业部（无转交审批权者提出申请，待部长批准）' })
export class ScreenLeadInput extends CommandInput {
  @Field(() => ScreenDecisionEnum)
  @IsIn(['QUALIFY', 'REJECT', 'FORWARD'])
  decision!: 'QUALIFY' | 'REJECT' | 'FORWARD';

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  reason?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  businessUnit?: string;
}

@InputType({ description: '分派：把线索交给客户经理，由其负责（再分派同样记录）' })
export class AssignLeadInput extends CommandInput {
  @Field({ description: 'The account manager who owns the project from now on' })
  @Length(1, 100)
  ownerId!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  reason?: string;
}

@InputType({ description: '转交审批：批准或驳回转其他事业部的申请' })
export class DecideForwardInput extends CommandInput {
  @Field()
  @IsBoolean()
  approve!: boolean;

  @Field({ nullable: true, description: 'Required when declining' })
  @IsOptional()
  @Length(1, 2000)
  comments?: string;
}

@InputType({ description: '提交评估：不明确的线索请部长评估' })
export class RequestLeadEvaluationInput extends CommandInput {
  @Field({ description: 'What the evaluation should answer' })
  @Length(1, 2000)
  question!: string;
}

@InputType({ description: '评估：确定线索的参与程度或重要程度' })
export class EvaluateLeadInput extends CommandInput {
  @Field(() => LeadImportanceEnum)
  @IsIn(LEAD_IMPORTANCE)
  importance!: LeadImportance;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  comments?: string;
}

@InputType({ description: '立项：项目计划、售前预算、发起人与里程碑' })
export class ApproveProjectInput extends CommandInput {
  @Field()
  @Length(1, 100)
  sponsorId!: string;

  @Field({ description: 'The pre-sales engineer named to the project (售前工程师): they see it by being named' })
  @Length(1, 100)
  presalesEngineerId!: string;

  @Field({ description: 'Whether a mature reference case exists; without one the project is MAJOR' })
  @IsBoolean()
  hasMatureReference!: boolean;

  @Field({ nullable: true, description: '研发中心参与修改软件: the project needs R&D changes, which makes it MAJOR (default no)' })
  @IsOptional()
  @IsBoolean()
  needsRndChanges?: boolean;

  @Field(() => [MilestoneInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MilestoneInput)
  milestones!: MilestoneInput[];

  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  presalesBudget!: MoneyInput;

  @Field(() => DocumentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentInput)
  plan?: DocumentInput;
}

@InputType({ description: '申请派人交流单：派谁去现场、去哪里、何时、为何（须销售部长签字）' })
export class DispatchInput {
  @Field({ description: 'Where the people are sent' })
  @Length(1, 200)
  site!: string;

  @Field({ description: 'What the exchange on site is for' })
  @Length(1, 2000)
  purpose!: string;

  @Field({ description: 'The day wanted, YYYY-MM-DD' })
  @IsCalendarDate()
  wantedOn!: string;

  @Field(() => Int, { description: 'How many people' })
  @IsInt()
  @Min(1)
  @Max(20)
  people!: number;
}

@InputType({ description: '方案申请表：请技术项目组制作解决方案（业务主管可代填）；须派人现场交流时附申请派人交流单' })
export class RequestSolutionInput extends CommandInput {
  @Field({ description: 'What the solution must answer: the customer\'s need, scope, time requirement' })
  @Length(1, 4000)
  need!: string;

  @Field(() => DispatchInput, { nullable: true, description: '申请派人交流单: the request then waits for the director\'s signature before it goes to the technical team' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DispatchInput)
  dispatch?: DispatchInput;
}

@InputType({ description: '派人交流单签字：销售部长签字，或不派人（须说明）；申请随后转技术项目组' })
export class SignDispatchRequestInput extends CommandInput {
  @Field({ description: 'true: signed; false: no one is sent, the request goes on without the trip' })
  @IsBoolean()
  approve!: boolean;

  @Field({ nullable: true, description: 'Required when refusing' })
  @IsOptional()
  @Length(1, 2000)
  comments?: string;
}

@InputType({ description: '方案申请答复：1个工作日内答复是否制作；不制作由部门主管书面回复销售部存档' })
export class AnswerSolutionRequestInput extends CommandInput {
  @Field()
  @IsBoolean()
  willMake!: boolean;

  @Field({ nullable: true, description: 'Required when declining (书面回复)' })
  @IsOptional()
  @Length(1, 2000)
  reason?: string;

  @Field(() => DocumentInput, { nullable: true, description: 'The signed letter of refusal filed with sales, when there is one' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentInput)
  reply?: DocumentInput;
}

@InputType({ description: '异议：销售部对技术项目组不制作的答复有异议，报销售总经理评判' })
export class DisputeSolutionAnswerInput extends CommandInput {
  @Field()
  @Length(1, 2000)
  reason!: string;
}

@InputType({ description: '销售总经理评判：决定是否制作方案；决定即执行' })
export class DecideSolutionDisputeInput extends CommandInput {
  @Field({ description: 'true: the solution is made (the request counts as accepted); false: the refusal stands' })
  @IsBoolean()
  makeSolution!: boolean;

  @Field()
  @Length(1, 2000)
  reasoning!: string;
}

@InputType({ description: '标准方案：标准成熟产品向客户提供标准方案库中的参考方案与参考价格，不经评审委员会' })
export class SendStandardSolutionInput extends CommandInput {
  @Field({ description: 'The catalogue entry (standardSolutions)' })
  @IsCanonicalUuid()
  entryId!: string;

  @Field(() => Int, { description: 'Its version in force' })
  @IsInt()
  @Min(1)
  version!: number;
}

@InputType({ description: 'PSM010 现场交流：交流备忘录，是否需要现场调研' })
export class RecordExchangeInput extends CommandInput {
  @Field()
  @Length(1, 4000)
  summary!: string;

  @Field()
  @IsBoolean()
  surveyNeeded!: boolean;

  @Field(() => DocumentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentInput)
  memo?: DocumentInput;
}

@InputType({ description: 'PSM020 现场调研：调研报告' })
export class RecordSurveyInput extends CommandInput {
  @Field()
  @Length(1, 4000)
  summary!: string;

  @Field(() => DocumentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentInput)
  report?: DocumentInput;
}
