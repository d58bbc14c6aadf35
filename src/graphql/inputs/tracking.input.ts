import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, Length, ValidateNested } from 'class-validator';
import { MAX_PARTICIPANTS } from './close.input.js';
import { CommandInput, DocumentInput, IsCalendarDate } from './common.input.js';

@InputType({ description: '每周汇总：本周项目跟踪情况，报业务主管存档' })
export class ReportWeeklyTrackingInput extends CommandInput {
  @Field({ description: 'The Monday (YYYY-MM-DD) of the week it sums up; a week that has begun' })
  @IsCalendarDate()
  weekStartingOn!: string;

  @Field()
  @Length(1, 4000)
  summary!: string;
}

@InputType({ description: '质询：业务主管对项目跟踪情况提出的问题' })
export class RaiseChallengeInput extends CommandInput {
  @Field()
  @Length(1, 2000)
  question!: string;
}

@InputType({ description: '质询答复' })
export class AnswerChallengeInput extends CommandInput {
  @Field(() => Int, { description: 'The challenge\'s number on the project (ProjectView.challenges)' })
  @IsInt()
  number!: number;

  @Field()
  @Length(1, 4000)
  answer!: string;
}

@InputType({ description: '会议备忘录：日期、地点、参加人、议题、决定，及备忘录文件' })
export class RecordMeetingMemoInput extends CommandInput {
  @Field({ description: 'YYYY-MM-DD, not after today' })
  @IsCalendarDate()
  heldOn!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  place?: string;

  @Field(() => [String], { description: 'Who took part (user ids or names)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @Length(1, 100, { each: true })
  participants!: string[];

  @Field({ description: '议题' })
  @Length(1, 500)
  subject!: string;

  @Field({ description: '决定与待办' })
  @Length(1, 8000)
  decisions!: string;

  @Field(() => DocumentInput, { nullable: true, description: 'The memo filed' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentInput)
  memo?: DocumentInput;
}
