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

@ObjectType({ description: '待办事项：评审、审批、会签、终止审批、口头协议确认、移交接收，及有时限的步骤（方案、标书检查、保证金、项目总结）；统计月报的签收与退回修改、季度分析的后续工作；逾期在前' })
export class WorkItemView {
  @Field(() => ID, { nullable: true, description: 'The project; none for a management report’s item' }) projectId?: string;
  @Field({ description: 'CONVENE_REVIEW (组织评审), REVIEW, QUOTATION_APPROVAL, COUNTERSIGN, TERMINATION_DECISION, ORAL_AGREEMENT_CONFIRMATION (口头协议确认), HANDOVER_RECEIPT (移交接收确认), DISPATCH_SIGNATURE (派人交流单签字), SOLUTION_DISPUTE (销售总经理评判), or a step under a time limit: SOLUTION_REQUEST, SOLUTION, BID_CHECK, BID_BOND, SUMMARY; of the management reports: MONTHLY_REPORT_RECEIPT (统计月报签收), MONTHLY_REPORT_REVISION (退回的月报待重新编制), FOLLOW_UP_ACTION (季度分析后续工作)' }) kind!: string;
  @Field({ description: 'USER: named to this person; ROLE: waiting for any holder of the role' }) assigneeType!: string;
  @Field() assignee!: string;
  @Field({ description: 'Waiting since' }) since!: string;
  @Field(() => GraphQLDateTime, { nullable: true, description: '到期时间: when the step is due under its time limit' }) dueAt?: string;
  @Field({ description: '逾期: past its time limit (and tolerance) and not done' }) overdue!: boolean;
  @Field(() => Int, { nullable: true, description: 'Countersign step' }) step?: number;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The document version to decide on' }) document?: unknown;
  @Field(() => BoardCard, { nullable: true, description: 'The project as its board card shows it today: stage, amount, the step’s due date, overdue; none for a management report’s item' }) project?: BoardCard;
  @Field({ nullable: true, description: 'A management report’s item: its month (YYYY-MM) or quarter (YYYY-Qn)' }) period?: string;
  @Field(() => Int, { nullable: true, description: 'A follow-up action’s number in its quarterly analysis' }) action?: number;
  @Field({ nullable: true, description: 'A follow-up action’s title, or a returned report’s comments' }) title?: string;
}
