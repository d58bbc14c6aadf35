import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, Length, Max, ValidateNested } from 'class-validator';
import { MAX_DEMO_MINUTES } from '../../domain/project/decide-demos-and-competitors.js';
import { CommandInput, IsCalendarDate, MoneyInput } from './common.input.js';

@InputType({ description: '演示准备：演示对象、环境、流程与时长' })
export class PlanDemoInput extends CommandInput {
  @Field({ description: '演示对象 who the demo is for: the customer\'s people and what they care about' })
  @Length(1, 1000)
  audience!: string;

  @Field({ description: '演示环境 where it runs: the prototype (Demo演示系统), equipment, showroom or the customer\'s site' })
  @Length(1, 1000)
  environment!: string;

  @Field({ description: '演示流程 the agenda' })
  @Length(1, 4000)
  agenda!: string;

  @Field(() => Int, { description: `演示时长 in minutes, 1 to ${MAX_DEMO_MINUTES}` })
  @IsInt()
  @Max(MAX_DEMO_MINUTES)
  durationMinutes!: number;

  @Field({ nullable: true, description: 'The day agreed with the customer, YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate()
  plannedOn?: string;
}

@InputType({ description: '演示实施：谁演示、哪天' })
export class RecordDemoHeldInput extends CommandInput {
  @Field(() => Int, { description: 'The demo\'s number on the project (ProjectView.demos)' })
  @IsInt()
  number!: number;

  @Field(() => [String], { description: 'Who presented (user ids)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @Length(1, 100, { each: true })
  presenters!: string[];

  @Field({ description: 'YYYY-MM-DD, not after today' })
  @IsCalendarDate()
  heldOn!: string;
}

@InputType({ description: '演示客户反馈' })
export class RecordDemoFeedbackInput extends CommandInput {
  @Field(() => Int, { description: 'The demo\'s number on the project' })
  @IsInt()
  number!: number;

  @Field({ description: 'What the customer said of the demo' })
  @Length(1, 4000)
  feedback!: string;
}

@InputType({ description: '竞争信息：竞争对手、优势、劣势、已知报价' })
export class NoteCompetitorInput extends CommandInput {
  @Field()
  @Length(1, 100)
  competitor!: string;

  @Field({ nullable: true, description: '优势' })
  @IsOptional()
  @Length(1, 2000)
  strengths?: string;

  @Field({ nullable: true, description: '劣势' })
  @IsOptional()
  @Length(1, 2000)
  weaknesses?: string;

  @Field(() => MoneyInput, { nullable: true, description: 'Their price, where known' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  price?: MoneyInput;
}
