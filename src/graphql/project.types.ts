import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON, GraphQLSafeInt } from 'graphql-scalars';
import type { Stage } from '../domain/project/state.js';
import { StageEnum } from './enums.js';

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
