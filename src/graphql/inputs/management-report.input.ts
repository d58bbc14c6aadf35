import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MONTH, QUARTER } from '../../domain/reports/periods.js';
import { ACTION_STATUSES } from '../../domain/reports/quarterly-analysis.js';
import { IsCanonicalUuid } from '../canonical-uuid.js';
import { ActionStatus } from '../management-reports.types.js';
import { IsCalendarDate } from './common.input.js';

// the texts are only bounded here: an empty one is the domain's to refuse, with its code (REASON_REQUIRED)

@InputType({ isAbstract: true })
class ReportCommandInput {
  @Field({ description: 'Client-chosen uuid; repeating it repeats nothing and returns the first answer' })
  @IsCanonicalUuid()
  commandId!: string;
}

@InputType({ isAbstract: true })
class MonthlyReportCommandInput extends ReportCommandInput {
  @Field({ description: 'YYYY-MM (Asia/Shanghai); the report of the caller’s business unit' })
  @Matches(MONTH)
  month!: string;
}

@InputType({ description: '编制统计月报：本月数字（由系统冻结）与分析说明；已退回的月报重新编制为新版本' })
export class PrepareMonthlyReportInput extends MonthlyReportCommandInput {
  @Field({ description: '分析说明' })
  @IsString()
  @MaxLength(8000)
  analysis!: string;
}

@InputType({ description: '报送统计月报给销售部长' })
export class SubmitMonthlyReportInput extends MonthlyReportCommandInput {}

@InputType({ description: '签收统计月报，可附意见' })
export class AcknowledgeMonthlyReportInput extends MonthlyReportCommandInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comments?: string;
}

@InputType({ description: '退回统计月报，须写明意见' })
export class ReturnMonthlyReportInput extends MonthlyReportCommandInput {
  @Field()
  @IsString()
  @MaxLength(4000)
  comments!: string;
}

@InputType({ description: '一项后续工作：标题、负责人（销售策划）、到期日' })
export class FollowUpActionInput {
  @Field()
  @IsString()
  @MaxLength(500)
  title!: string;

  @Field({ description: 'The user id of the 销售策划 who follows it up' })
  @Length(1, 100)
  ownerId!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  dueOn!: string;
}

@InputType({ description: '编制季度信息分析报告：依据季度内已签收的月报，附分析与后续工作' })
export class PrepareQuarterlyAnalysisInput extends ReportCommandInput {
  @Field({ description: 'YYYY-Qn' })
  @Matches(QUARTER)
  quarter!: string;

  @Field({ description: '分析' })
  @IsString()
  @MaxLength(8000)
  analysis!: string;

  @Field(() => [FollowUpActionInput], { defaultValue: [] })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => FollowUpActionInput)
  actions!: FollowUpActionInput[];
}

@InputType({ description: '更新后续工作状态（负责人），须附说明' })
export class UpdateFollowUpActionInput extends ReportCommandInput {
  @Field({ description: 'YYYY-Qn' })
  @Matches(QUARTER)
  quarter!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(30)
  action!: number;

  @Field(() => ActionStatus)
  @IsIn([...ACTION_STATUSES])
  status!: ActionStatus;

  @Field()
  @IsString()
  @MaxLength(4000)
  note!: string;
}
