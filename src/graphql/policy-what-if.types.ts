import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDateTime, GraphQLSafeInt } from 'graphql-scalars';
import type { DeadlineKind } from '../domain/project/deadlines.js';
import type { Role } from '../domain/project/vocabulary.js';
import { DeadlineKindEnum, RoleEnum } from './enums.js';
import { Money } from './project.types.js';

const ApprovalDifferenceKind = { DECIDER: 'DECIDER', ROUTING: 'ROUTING' } as const;
registerEnumType(ApprovalDifferenceKind, {
  name: 'ApprovalDifferenceKind',
  description: '审批差异：DECIDER 决定人的角色不在候选策略要求之列；ROUTING 提交时送审的角色不同（报价审批人、终止决定人、会签链）',
});

@ObjectType({ description: '策略版本 A policy profile and version' })
export class PolicyVersion {
  @Field() profile!: string;
  @Field(() => Int) version!: number;
}

@ObjectType({ description: 'A policy version the period\'s decisions were taken under' })
export class PolicyVersionUse extends PolicyVersion {
  @Field(() => Int, { description: 'Decisions (commands) of the period under it' }) decisions!: number;
  @Field(() => GraphQLDateTime) first!: string;
  @Field(() => GraphQLDateTime) last!: string;
}

@ObjectType({ description: '审批路由差异 A decision the candidate would have routed to other roles' })
export class ApprovalDifference {
  @Field(() => ID) projectId!: string;
  @Field(() => GraphQLDateTime) at!: string;
  @Field(() => ApprovalDifferenceKind) kind!: keyof typeof ApprovalDifferenceKind;
  @Field({ description: 'The command decided (ApproveProject, ApproveQuotation, DecideTermination, …)' }) decision!: string;
  @Field() decidedBy!: string;
  @Field(() => [RoleEnum], { description: 'DECIDER: the roles the decider acted in; ROUTING: the roles the decision was routed to' }) decidedAs!: Role[];
  @Field(() => [RoleEnum], { nullable: true, description: 'The roles the policy in force required; null when the decision\'s policy version is not the file in force' }) inForce!: Role[] | null;
  @Field(() => [RoleEnum], { description: 'The roles the candidate requires' }) candidate!: Role[];
  @Field(() => PolicyVersion, { nullable: true, description: 'The policy version the decision recorded' }) policy!: PolicyVersion | null;
}

@ObjectType({ description: 'Approvals under the candidate' })
export class ApprovalComparison {
  @Field(() => Int, { description: 'Decisions (commands) of the period compared' }) decisions!: number;
  @Field(() => Int) deciders!: number;
  @Field(() => Int) routings!: number;
  @Field(() => [ApprovalDifference]) differences!: ApprovalDifference[];
}

@ObjectType({ description: 'A time limit and its verdict as of the period\'s end' })
export class DeadlineVerdict {
  @Field(() => GraphQLDateTime) dueAt!: string;
  @Field(() => GraphQLDateTime) overdueAt!: string;
  @Field() overdue!: boolean;
}

@ObjectType({ description: '时限差异 A time-limited step whose on-time/overdue verdict the candidate changes' })
export class DeadlineDifference {
  @Field(() => ID) projectId!: string;
  @Field(() => DeadlineKindEnum) kind!: DeadlineKind;
  @Field(() => GraphQLDateTime) startedAt!: string;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the step was done or lapsed; null if it still ran at the period\'s end' }) stoppedAt!: string | null;
  @Field(() => DeadlineVerdict) inForce!: DeadlineVerdict;
  @Field(() => DeadlineVerdict) candidate!: DeadlineVerdict;
}

@ObjectType({ description: 'Time-limited steps started in the period, under the candidate\'s limits and the working calendar' })
export class DeadlineComparison {
  @Field(() => Int) steps!: number;
  @Field(() => Int) overdueInForce!: number;
  @Field(() => Int) overdueUnderCandidate!: number;
  @Field(() => Int) becameOverdue!: number;
  @Field(() => Int) becameOnTime!: number;
  @Field(() => [DeadlineDifference]) differences!: DeadlineDifference[];
}

@ObjectType({ description: '项目分类差异 A project whose class (MAJOR/GENERAL) would differ under the candidate\'s thresholds' })
export class ClassDifference {
  @Field(() => ID) projectId!: string;
  @Field() title!: string;
  @Field(() => Money) estimatedAmount!: Money;
  @Field(() => Money, { nullable: true, description: 'The latest quotation, which may raise a GENERAL project' }) quotedAmount!: Money | null;
  @Field() inForce!: string;
  @Field() candidate!: string;
}

@ObjectType({ description: 'Projects whose class was decided in the period (approved or quoted)' })
export class ClassComparison {
  @Field(() => Int) projects!: number;
  @Field(() => Int) becameMajor!: number;
  @Field(() => Int) becameGeneral!: number;
  @Field(() => [ClassDifference]) differences!: ClassDifference[];
}

@ObjectType({ description: 'An open stage at the period\'s end, weighted by the policy in force and by the candidate' })
export class WeightedStage {
  @Field() stage!: string;
  @Field(() => Int) count!: number;
  @Field(() => GraphQLSafeInt, { description: 'fen' }) amount!: number;
  @Field(() => Int, { description: 'Win probability (percent) in force' }) inForceWeight!: number;
  @Field(() => Int) candidateWeight!: number;
  @Field(() => GraphQLSafeInt) inForceWeighted!: number;
  @Field(() => GraphQLSafeInt) candidateWeighted!: number;
}

@ObjectType({ description: '加权管道 The weighted pipeline at the period\'s end' })
export class WeightedPipeline {
  @Field() currency!: string;
  @Field(() => GraphQLSafeInt) amount!: number;
  @Field(() => GraphQLSafeInt) inForceWeighted!: number;
  @Field(() => GraphQLSafeInt) candidateWeighted!: number;
  @Field(() => [WeightedStage]) stages!: WeightedStage[];
}

@ObjectType({ description: '策略推演 What a period of the log would have shown under a candidate policy; nothing is appended' })
export class PolicyWhatIfView {
  @Field(() => GraphQLDateTime, { description: 'The start of the period\'s first Beijing day' }) periodStart!: string;
  @Field(() => GraphQLDateTime, { description: 'The end of its last day, or now if that is later than now' }) periodEnd!: string;
  @Field(() => PolicyVersion, { description: 'The policy file in force now' }) inForce!: PolicyVersion;
  @Field(() => PolicyVersion) candidate!: PolicyVersion;
  @Field(() => [PolicyVersionUse], { description: 'The versions the period\'s decisions recorded, oldest first' }) versionsInPeriod!: PolicyVersionUse[];
  @Field(() => Int, { description: 'Projects replayed: those the caller sees' }) projects!: number;
  @Field(() => ApprovalComparison) approvals!: ApprovalComparison;
  @Field(() => DeadlineComparison) deadlines!: DeadlineComparison;
  @Field(() => ClassComparison) classes!: ClassComparison;
  @Field(() => WeightedPipeline) pipeline!: WeightedPipeline;
}
