import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsOptional, Length } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import type { Stage } from '../domain/project/state.js';
import { StageEnum } from './enums.js';
import { Deadline } from './deadline.types.js';
import { ProjectSummary } from './project.types.js';

@InputType({ description: '看板筛选：负责人、区域、产品线、项目类别' })
export class BoardFilterInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 100)
  ownerId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 50)
  region?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 50)
  productLine?: string;

  @Field({ nullable: true, description: 'MAJOR or GENERAL' })
  @IsOptional()
  @IsIn(['MAJOR', 'GENERAL'])
  projectClass?: string;
}

@ObjectType({ description: '看板卡片：一个在途项目' })
export class BoardCard extends ProjectSummary {
  @Field(() => Int, { description: '在本阶段天数 calendar days in the stage' })
  daysInStage!: number;

  @Field(() => String, { nullable: true, description: '下一步' })
  nextStep!: string | null;

  @Field(() => String, { nullable: true, description: 'The earliest open deadline\'s date (Asia/Shanghai), YYYY-MM-DD' })
  dueOn!: string | null;

  @Field({ description: '逾期 some open deadline is past its limit' })
  overdue!: boolean;

  @Field(() => [Deadline], { description: '在途时限 the open time limits, earliest due first' })
  deadlines!: Deadline[];

  @Field({ description: 'False once the project is closed: it leaves the board' })
  open!: boolean;

  @Field(() => String, { nullable: true, description: '项目发起人 named at 立项' })
  sponsorId!: string | null;

  @Field(() => Boolean, { nullable: true, description: '里程碑逾期 a milestone in force not reached and past its day; null as of a past instant' })
  milestoneOverdue!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '费用超出计划 more booked than the budget in force; null before 立项 and as of a past instant' })
  overBudget!: boolean | null;
}

@ObjectType({ description: '看板列：一个阶段' })
export class BoardColumn {
  @Field(() => StageEnum)
  stage!: Stage;

  @Field(() => Int)
  count!: number;

  @Field(() => GraphQLSafeInt, { description: 'Sum of the cards’ amounts, fen' })
  amount!: number;

  @Field(() => GraphQLSafeInt, { description: 'Amount weighted by the stage’s win probability (policy), fen' })
  weightedAmount!: number;

  @Field(() => [BoardCard])
  cards!: BoardCard[];
}
