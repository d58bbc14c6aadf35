import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { MONTH } from '../../domain/assessment/presales-assessment.js';
import { IsCanonicalUuid } from '../canonical-uuid.js';
import { CommandInput, ContactInput } from './common.input.js';

@InputType({ description: '客户满意度调查：发给客户联系人的一次性链接，评价所列售前人员' })
export class SendSatisfactionSurveyInput extends CommandInput {
  @Field(() => ContactInput, { description: 'The customer\'s contact the link goes to' })
  @ValidateNested()
  @Type(() => ContactInput)
  contact!: ContactInput;

  @Field(() => [String], { description: 'The pre-sales people it rates (user ids): the project\'s engineer or its solution\'s author' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @Length(1, 100, { each: true })
  rates!: string[];
}

@InputType({ description: '沟通协作评价：协作部门对一位售前人员在本项目上的评价' })
export class RateCollaborationInput extends CommandInput {
  @Field({ description: 'The pre-sales person rated (user id)' })
  @Length(1, 100)
  person!: string;

  @Field(() => Int, { description: 'On the policy\'s collaboration scale' })
  @IsInt()
  score!: number;

  @Field({ description: 'What the rating rests on' })
  @Length(1, 2000)
  comment!: string;
}

@InputType({ description: '月度考核：经理对一位售前人员一个月工作的评分与评语' })
export class AssessPresalesInput {
  @Field({ description: 'Client-chosen uuid; repeating it repeats nothing and returns the first answer' })
  @IsCanonicalUuid()
  commandId!: string;

  @Field({ description: 'The pre-sales person assessed (user id)' })
  @Length(1, 100)
  person!: string;

  @Field({ description: 'YYYY-MM (Asia/Shanghai), a month already begun' })
  @Matches(MONTH)
  month!: string;

  @Field(() => Int, { description: 'On the policy\'s assessment scale' })
  @IsInt()
  rating!: number;

  @Field({ description: '评语' })
  @Length(1, 4000)
  comment!: string;
}

@InputType({ description: '修改月度考核：新版本及修改原因，旧版本保留' })
export class ReviseAssessmentInput extends AssessPresalesInput {
  @Field({ description: 'Why the assessment is revised' })
  @Length(1, 2000)
  reason!: string;
}

/** One answer of the customer's: a question of the survey and its score. */
export class SurveyAnswerItem {
  @Length(1, 40)
  questionId!: string;

  @IsInt()
  score!: number;
}

/** The customer's answers through the survey link (POST /survey/:token). */
export class SurveyAnswerInput {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerItem)
  answers!: SurveyAnswerItem[];

  @IsOptional()
  @Length(0, 2000)
  comment?: string;
}
