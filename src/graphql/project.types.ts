import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON, GraphQLSafeInt } from 'graphql-scalars';
import type { Stage } from '../domain/project/state.js';
import type { LeadImportance } from '../domain/project/vocabulary.js';
import { LeadImportanceEnum, StageEnum } from './enums.js';

@ObjectType({ description: '金额：整数分与币种' })
export class Money {
  @Field(() => GraphQLSafeInt, { description: 'Whole minor units (fen)' })
  amount!: number;

  @Field()
  currency!: string;
}

@ObjectType({ description: 'An event a command appended' })
export class AppendedEvent {
  @Field()
  type!: string;

  @Field(() => Int)
  revision!: number;

  @Field(() => GraphQLJSON)
  data!: Record<string, unknown>;
}

@ObjectType({ description: 'What a command did: the project, its new revision and stage, the events appended' })
export class CommandResult {
  @Field(() => ID)
  projectId!: string;

  @Field(() => Int)
  revision!: number;

  @Field(() => StageEnum)
  stage!: Stage | 'NONE';

  @Field(() => [AppendedEvent])
  events!: AppendedEvent[];
}

@ObjectType({ description: '售前项目：当前状态（由事件流重放）' })
export class ProjectView {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Revision of the last event folded in' })
  revision!: number;

  @Field(() => StageEnum)
  stage!: Stage;

  @Field()
  title!: string;

  @Field()
  customer!: string;

  @Field()
  ownerId!: string;

  @Field()
  region!: string;

  @Field()
  productLine!: string;

  @Field({ nullable: true, description: 'MAJOR 重大项目 / GENERAL 一般项目' })
  projectClass?: string;

  @Field(() => Money)
  estimatedAmount!: Money;

  @Field(() => Money, { nullable: true, description: 'Signed contract amount when WON' })
  signedAmount?: Money;

  @Field(() => LeadImportanceEnum, { nullable: true, description: '重要程度 as the evaluator set it' })
  importance?: LeadImportance;

  @Field(() => GraphQLJSON, { description: 'The whole state: reviews, quotation, tender, contract, termination; who signed the agreement and the contract in which capacity, and their signed scans' })
  details!: Record<string, unknown>;
}

/** What every list of projects shows of one: who, what, how much, where in the procedure. */
@ObjectType({ isAbstract: true })
export class ProjectSummary {
  @Field(() => ID)
  projectId!: string;

  @Field()
  title!: string;

  @Field()
  customer!: string;

  @Field()
  ownerId!: string;

  @Field()
  region!: string;

  @Field()
  productLine!: string;

  @Field(() => String, { nullable: true, description: 'MAJOR 重大项目 / GENERAL 一般项目' })
  projectClass!: string | null;

  @Field(() => Money, { description: 'The quotation in force, else the estimate; the signed amount once won' })
  amount!: Money;

  @Field(() => StageEnum)
  stage!: Stage;

  @Field()
  stageEnteredAt!: string;
}
