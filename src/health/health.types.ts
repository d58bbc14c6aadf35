import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ComponentStatus {
  UP = 'UP',
  DOWN = 'DOWN',
}
registerEnumType(ComponentStatus, { name: 'ComponentStatus', description: 'Whether a store answers' });

@ObjectType({ description: 'How far a read model is behind the event log' })
export class ProjectionHealth {
  @Field()
  name!: string;

  @Field({ nullable: true, description: 'RUNNING, FAILED, …; null when the projector runs in another process' })
  state?: string;

  @Field({ nullable: true, description: 'Global position of the last event folded in' })
  checkpoint?: string;

  @Field(() => Int, { description: `Events not yet folded in (counted up to ${10_000})` })
  eventsBehind!: number;

  @Field(() => Float, { description: 'Age in seconds of the oldest event not yet folded in' })
  lagSeconds!: number;

  @Field({ nullable: true, description: 'Why a failed projection stopped, and at which event' })
  error?: string;
}

@ObjectType({ description: 'Service health: stores reachable, projections caught up' })
export class Health {
  @Field(() => ComponentStatus)
  eventStore!: ComponentStatus;

  @Field(() => ComponentStatus)
  readStore!: ComponentStatus;

  @Field(() => [ProjectionHealth])
  projections!: ProjectionHealth[];
}
