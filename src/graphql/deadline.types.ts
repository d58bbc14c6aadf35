import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type { DeadlineKind } from '../domain/project/deadlines.js';
import type { Role } from '../domain/project/vocabulary.js';
import { DeadlineKindEnum, RoleEnum } from './enums.js';

@ObjectType({ description: '等待方：一个具名的人，或某角色的任何人' })
export class WaitingFor {
  @Field(() => String, { nullable: true }) userId?: string;
  @Field(() => RoleEnum, { nullable: true }) role?: Role;
}

@ObjectType({ description: '时限：一个有期限的步骤' })
export class Deadline {
  @Field(() => DeadlineKindEnum) kind!: DeadlineKind;
  @Field(() => GraphQLDateTime, { description: '到期时间' }) dueAt!: string;
  @Field(() => GraphQLDateTime, { description: 'Overdue after this instant: the due time, or later where a tolerance applies (a solution\'s 2 working days)' }) overdueAt!: string;
  @Field(() => [WaitingFor], { description: 'Who the step waits for, as the clock was started' }) waitingFor!: WaitingFor[];
  @Field({ description: '逾期 past its limit and not done; never blocks the step' }) overdue!: boolean;
}
