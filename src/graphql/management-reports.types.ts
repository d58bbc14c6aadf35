import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { GraphQLDateTime } from 'graphql-scalars';
import { ACTION_STATUSES } from '../domain/reports/quarterly-analysis.js';
import { MONTH, QUARTER } from '../domain/reports/periods.js';
import { AppendedEvent } from './project.types.js';

/** Follow-up actions a list answers at most. */
export const FOLLOW_UP_ACTIONS_MAX = 200;

export enum ActionStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}
registerEnumType(ActionStatus, { name: 'ActionStatus', description: '后续工作状态：未开始、进行中、已完成', valuesMap: { OPEN: { description: '未开始' }, IN_PROGRESS: { description: '进行中' }, DONE: { description: '已完成' } } });

@ObjectType({ description: '冻结的统计数字：路径（如 leads、leadsByChannel.WEB）与数值' })
export class FigureView {
  @Field() figure!: string;
  @Field(() => Float) value!: number;
}

@ObjectType({ description: '重述差异：冻结时的数值与现在读出的数值' })
export class FigureDifferenceView {
  @Field() figure!: string;
  @Field(() => Float) frozen!: number;
  @Field(() => Float) now!: number;
}

@ObjectType({ description: '统计月报的一个版本：冻结的数字、读取位置与时间、分析' })
export class MonthlyReportVersionView {
  @Field(() => Int) version!: number;
  @Field({ description: '分析说明' }) analysis!: string;
  @Field(() => [FigureView], { description: 'The month’s figures as the read side gave them when the version was prepared' }) figures!: FigureView[];
  @Field(() => GraphQLDateTime, { description: 'When the figures were read' }) readAt!: string;
  @Field(() => String, { nullable: true, description: 'The log position the figures include every event up to' }) position!: string | null;
  @Field() preparedBy!: string;
  @Field(() => GraphQLDateTime) preparedAt!: string;
}

@ObjectType({ description: '统计月报的一步：编制、报送、签收、退回' })
export class ReportStepView {
  @Field({ description: 'PREPARED, SUBMITTED, ACKNOWLEDGED or RETURNED' }) kind!: string;
  @Field(() => Int) version!: number;
  @Field() by!: string;
  @Field(() => GraphQLDateTime) at!: string;
  @Field(() => String, { nullable: true, description: '部长意见' }) comments?: string;
}

@ObjectType({ description: '每月信息统计表：业务主管编制、报销售部长签收' })
export class MonthlyReportView {
  @Field() month!: string;
  @Field(() => String, { nullable: true }) businessUnit!: string | null;
  @Field({ description: 'PREPARED (已编制), SUBMITTED (已报送), ACKNOWLEDGED (已签收) or RETURNED (已退回)' }) status!: string;
  @Field(() => MonthlyReportVersionView, { description: 'The version in force' }) current!: MonthlyReportVersionView;
  @Field(() => [MonthlyReportVersionView], { description: 'Every version, oldest first' }) versions!: MonthlyReportVersionView[];
  @Field(() => [ReportStepView], { description: 'Who did what, when, with which comments' }) history!: ReportStepView[];
  @Field(() => Int, { description: 'The revision of the report’s stream this shows: a client that has just acted reads again until it shows its own' }) revision!: number;
}

@ObjectType({ description: '统计月报重述：冻结的数字与现在的数字之差' })
export class MonthlyReportRestatementView {
  @Field() month!: string;
  @Field(() => Int, { description: 'The version restated: the one in force' }) version!: number;
  @Field(() => GraphQLDateTime, { description: 'When its figures were read' }) readAt!: string;
  @Field(() => GraphQLDateTime, { description: 'When the figures it is compared with were read (the asOf asked, else now)' }) comparedAt!: string;
  @Field(() => [FigureDifferenceView], { description: 'Every figure that differs, by path' }) differences!: FigureDifferenceView[];
}

@ObjectType({ description: '所用月报及其版本' })
export class ReportUsedView {
  @Field() month!: string;
  @Field(() => Int) version!: number;
}

@ObjectType({ description: '对比季度：来自其月报（REPORTS），或编制时系统读出的数字（LIVE）' })
export class ComparedQuarterView {
  @Field() quarter!: string;
  @Field({ description: 'REPORTS or LIVE' }) source!: string;
  @Field(() => [ReportUsedView]) reports!: ReportUsedView[];
  @Field(() => [FigureView]) figures!: FigureView[];
}

@ObjectType({ description: '后续工作状态的一次变更' })
export class ActionUpdateView {
  @Field(() => ActionStatus) status!: ActionStatus;
  @Field() note!: string;
  @Field() by!: string;
  @Field(() => GraphQLDateTime) at!: string;
}

@ObjectType({ description: '季度分析的后续工作（市场推广）：负责人、到期日、状态' })
export class FollowUpActionView {
  @Field() quarter!: string;
  @Field(() => Int) action!: number;
  @Field() title!: string;
  @Field({ description: '负责人 (销售策划)' }) ownerId!: string;
  @Field({ description: 'YYYY-MM-DD' }) dueOn!: string;
  @Field(() => ActionStatus) status!: ActionStatus;
  @Field(() => String, { nullable: true }) note?: string;
  @Field({ description: '逾期: its day is over and it is not done' }) overdue!: boolean;
  @Field(() => [ActionUpdateView]) history!: ActionUpdateView[];
  @Field(() => Int, { description: 'The revision of the analysis’s stream this action shows' }) revision!: number;
}

@ObjectType({ description: '季度信息分析报告：销售部长依据季度内月报编制' })
export class QuarterlyAnalysisReportView {
  @Field() quarter!: string;
  @Field(() => String, { nullable: true }) businessUnit!: string | null;
  @Field({ description: '分析' }) analysis!: string;
  @Field() preparedBy!: string;
  @Field(() => GraphQLDateTime) preparedAt!: string;
  @Field(() => [FigureView], { description: 'The quarter’s figures: its three acknowledged monthly reports summed' }) figures!: FigureView[];
  @Field(() => [ReportUsedView]) reports!: ReportUsedView[];
  @Field(() => ComparedQuarterView, { description: '环比' }) previousQuarter!: ComparedQuarterView;
  @Field(() => ComparedQuarterView, { description: '同比' }) sameQuarterLastYear!: ComparedQuarterView;
  @Field(() => [FollowUpActionView]) actions!: FollowUpActionView[];
  @Field(() => Int, { description: 'The revision of the analysis’s stream its preparation was' }) revision!: number;
}

@ObjectType({ description: 'What a report command did: the report’s stream, its new revision, the events appended' })
export class ReportCommandResultView {
  @Field() stream!: string;
  @Field(() => Int) revision!: number;
  @Field(() => [AppendedEvent]) events!: AppendedEvent[];
}

@ArgsType()
export class MonthArgs {
  @Field({ description: 'YYYY-MM (Asia/Shanghai)' })
  @Matches(MONTH)
  month!: string;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'What the report said at this instant' })
  @IsOptional()
  asOf?: Date;
}

@ArgsType()
export class QuarterArgs {
  @Field({ description: 'YYYY-Qn' })
  @Matches(QUARTER)
  quarter!: string;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'What the analysis said at this instant' })
  @IsOptional()
  asOf?: Date;
}

@ArgsType()
export class YearArgs {
  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

@ArgsType()
export class FollowUpActionsArgs {
  @Field(() => String, { nullable: true, description: 'YYYY-Qn; every quarter when absent' })
  @IsOptional()
  @Matches(QUARTER)
  quarter?: string;

  @Field(() => ActionStatus, { nullable: true })
  @IsOptional()
  @IsIn([...ACTION_STATUSES])
  status?: ActionStatus;

  @Field(() => Int, { defaultValue: 50, description: `At most ${FOLLOW_UP_ACTIONS_MAX}` })
  @IsInt()
  @Min(1)
  @Max(FOLLOW_UP_ACTIONS_MAX)
  limit!: number;
}
