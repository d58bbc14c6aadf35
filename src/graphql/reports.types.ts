import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLSafeInt } from 'graphql-scalars';

export enum GroupBy {
  ALL = 'all',
  REGION = 'region',
  PRODUCT_LINE = 'productLine',
  OWNER = 'owner',
}
registerEnumType(GroupBy, { name: 'GroupBy', description: '统计维度：全部、区域、产品线、负责人' });

@ObjectType({ description: 'A count under a key (channel, class, reason, competitor)' })
export class KeyCount {
  @Field()
  key!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: '平均阶段天数' })
export class StageDaysRow {
  @Field()
  stage!: string;

  @Field(() => Int, { description: 'Stage intervals that ended in the period' })
  intervals!: number;

  @Field(() => Float)
  averageDays!: number;
}

@ObjectType({ description: '每月信息统计表的一行' })
export class StatisticsRow {
  @Field({ description: 'Region, product line or owner; * for the whole department' })
  value!: string;

  @Field(() => Int, { description: '信息登记数' }) leads!: number;
  @Field(() => [KeyCount], { description: '按渠道' }) leadsByChannel!: KeyCount[];
  @Field(() => Int, { description: '筛选数: leads whose screening ended in the period (qualified, rejected or forwarded)' }) leadsScreened!: number;
  @Field(() => Int, { description: '筛选通过' }) leadsQualified!: number;
  @Field(() => Int, { description: '筛选拒绝' }) leadsRejected!: number;
  @Field(() => Int, { description: '转其他事业部 (forward approved)' }) leadsForwarded!: number;
  @Field(() => Int, { description: '分派数: assignments to an account manager, reassignments included' }) leadsAssigned!: number;
  @Field(() => Int, { description: '立项数' }) approvals!: number;
  @Field(() => [KeyCount], { description: '按类别' }) approvalsByClass!: KeyCount[];
  @Field(() => Int, { description: '方案数: projects with a solution submitted in the period, each once whatever its versions' }) solutionsSubmitted!: number;
  @Field(() => Int, { description: '方案版本数: every solution version submitted, revisions included' }) solutionVersions!: number;
  @Field(() => Int) solutionReviewsPassed!: number;
  @Field(() => Int) solutionReviewsFailed!: number;
  @Field(() => Float, { nullable: true, description: '方案一次评审通过率' }) firstPassRate!: number | null;
  @Field(() => Int, { description: '报价数: projects whose quotation was approved in the period, each once' }) quotations!: number;
  @Field(() => GraphQLSafeInt, { description: '报价金额 (fen): each project once, at its latest version approved in the period' }) quotationAmount!: number;
  @Field(() => Int, { description: '投标决策' }) bidDecisions!: number;
  @Field(() => Int, { description: '不投标' }) noBidDecisions!: number;
  @Field(() => Int) bidsSubmitted!: number;
  @Field(() => Int, { description: '中标数' }) bidsWon!: number;
  @Field(() => Int) bidsLost!: number;
  @Field(() => Int, { description: '签约数' }) contractsSigned!: number;
  @Field(() => GraphQLSafeInt, { description: '签约金额 (fen)' }) contractAmount!: number;
  @Field(() => Int, { description: '丢单数' }) losses!: number;
  @Field(() => [KeyCount], { description: '丢单原因' }) lossesByReason!: KeyCount[];
  @Field(() => Int, { description: '终止数' }) terminations!: number;
  @Field(() => [KeyCount], { description: '终止原因: terminations by the reason of their request' }) terminationsByReason!: KeyCount[];
  @Field(() => Int, { description: '逾期步骤: steps whose time limit ran out in the period and were not done by it' }) overdueSteps!: number;
  @Field(() => [KeyCount], { description: '逾期按时限 by kind of time limit (DeadlineKind)' }) overdueByKind!: KeyCount[];
  @Field(() => [KeyCount], { description: '逾期按人员 by person: who did the step late, else who it waits for (a role when no one is named)' }) overdueByPerson!: KeyCount[];
  @Field(() => [StageDaysRow], { description: '各阶段平均天数' }) averageDaysPerStage!: StageDaysRow[];
  @Field(() => Int, { description: '演示场次 demos held in the period, by the day they were held' }) demosHeld!: number;
  @Field(() => [KeyCount], { description: '演示按售前人员 demos held per presenter (a demo two people gave counts for each)' }) demosHeldByPerson!: KeyCount[];
}

@ObjectType({ description: '每月信息统计表' })
export class MonthlyStatistics {
  @Field() month!: string;
  @Field(() => GroupBy) groupBy!: GroupBy;
  @Field(() => [StatisticsRow]) rows!: StatisticsRow[];
}

@ObjectType({ description: 'A figure this quarter against another quarter' })
export class Comparison {
  @Field() figure!: string;
  @Field(() => GraphQLSafeInt) current!: number;
  @Field(() => GraphQLSafeInt) other!: number;
  @Field(() => GraphQLSafeInt) change!: number;
  @Field(() => Float, { nullable: true, description: 'Relative change; null when the other quarter had none' }) changeRate!: number | null;
}

@ObjectType({ description: '季度信息分析报告' })
export class QuarterlyAnalysis {
  @Field() quarter!: string;
  @Field(() => StatisticsRow, { description: 'The quarter’s totals' }) totals!: StatisticsRow;
  @Field() previousQuarter!: string;
  @Field(() => [Comparison], { description: '环比 against the previous quarter' }) againstPreviousQuarter!: Comparison[];
  @Field() sameQuarterLastYear!: string;
  @Field(() => [Comparison], { description: '同比 against the same quarter last year' }) againstSameQuarterLastYear!: Comparison[];
  @Field(() => [KeyCount], { description: '主要丢单原因' }) topLossReasons!: KeyCount[];
}
