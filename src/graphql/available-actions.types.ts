import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: '拒绝原因 Why a step is not open to the caller now: the refusal its mutation would meet' })
export class ActionRefusal {
  @Field({ description: 'The domain code, as a refused mutation gives it in extensions.domainCode (INVALID_TRANSITION, NOT_A_REVIEWER…)' })
  code!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: '可执行操作 A step of the procedure on a project, and whether the caller may take it now' })
export class AvailableAction {
  @Field({ description: 'The mutation that takes the step: recordBidStep, approveReview…' })
  command!: string;

  @Field(() => String, { nullable: true, description: 'Which form of it: the bid step (BOND_PAID), the review subject (SOLUTION), the decision (SIGN, REJECT)…' })
  variant?: string;

  @Field({ description: '操作名称 The step as the console names it, e.g. 缴纳投标保证金' })
  label!: string;

  @Field({ description: 'Whether the rules let the caller take it now (the data they send must still be valid)' })
  allowed!: boolean;

  @Field(() => ActionRefusal, { nullable: true, description: 'Why not, for a step not allowed (only with includeRefused)' })
  refusal?: ActionRefusal;
}
