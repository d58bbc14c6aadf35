import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, Length } from 'class-validator';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { BoardCard } from './pipeline-board.types.js';

@ArgsType()
export class MyWorkArgs {
  @Field({ nullable: true, description: 'Whose work: the caller when absent' })
  @IsOptional()
  @Length(1, 100)
  userId?: string;
}

@ObjectType({ description: '待办事项：评审、审批、会签、终止审批、口头协议确认、移交接收，及有时限的步骤（方案、标书检查、保证金、项目总结）；逾期在前' })
export class WorkItemView {
  @Field(() => ID) projectId!: string;
  @Field({ description: 'CONVENE_REVIEW (组织评审), REVIEW, QUOTATION_APPROVAL, COUNTERSIGN, TERMINATION_DECISION, ORAL_AGREEMENT_CONFIRMATION (口头协议确认), HANDOVER_RECEIPT (移交接收确认), DISPATCH_SIGNATURE (派人交流单签字), SOLUTION_DISPUTE (销售总经理评判), TASK_BOOK_CONFIRMATION, ADJUSTMENT_CONFIRMATION (项目发起人确认), ADJUSTMENT_DECISION (任务书调整审批), MILESTONE_OVERDUE, OVER_BUDGET (项目经理与发起人), MONTHLY_PROGRESS_REPORT (上月月度进展报告未交), or a step under a time limit: SOLUTION_REQUEST, SOLUTION, BID_CHECK, BID_BOND, SUMMARY' }) kind!: string;
  @Field({ description: 'USER: named to this person; ROLE: waiting for any holder of the role' }) assigneeType!: string;
  @Field() assignee!: string;
  @Field({ description: 'Waiting since' }) since!: string;
  @Field(() => GraphQLDateTime, { nullable: true, description: '到期时间: when the step is due under its time limit' }) dueAt?: string;
  @Field({ description: '逾期: past its time limit (and tolerance) and not done' }) overdue!: boolean;
  @Field(() => Int, { nullable: true, description: 'Countersign step' }) step?: number;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The document version to decide on' }) document?: unknown;
  @Field(() => BoardCard, { description: 'The project as its board card shows it today: stage, amount, the step’s due date, overdue' }) project!: BoardCard;
}
