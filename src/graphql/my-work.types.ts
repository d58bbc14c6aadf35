import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, Length } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { BoardCard } from './pipeline-board.types.js';

@ArgsType()
export class MyWorkArgs {
  @Field({ nullable: true, description: 'Whose work: the caller when absent' })
  @IsOptional()
  @Length(1, 100)
  userId?: string;
}

@ObjectType({ description: '待办事项：评审、审批、会签、终止审批' })
export class WorkItemView {
  @Field(() => ID) projectId!: string;
  @Field({ description: 'REVIEW, QUOTATION_APPROVAL, COUNTERSIGN or TERMINATION_DECISION' }) kind!: string;
  @Field({ description: 'USER: named to this person; ROLE: waiting for any holder of the role' }) assigneeType!: string;
  @Field() assignee!: string;
  @Field({ description: 'Waiting since' }) since!: string;
  @Field(() => Int, { nullable: true, description: 'Countersign step' }) step?: number;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The document version to decide on' }) document?: unknown;
  @Field(() => BoardCard, { description: 'The project as its board card shows it today: stage, amount, the step’s due date, overdue' }) project!: BoardCard;
}
