import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { AppendedEvent, Money } from './project.types.js';
import { DocumentRefView } from './project-parts.types.js';

/** Entries a catalogue page answers at most. */
export const STANDARD_SOLUTIONS_MAX = 100;

@ObjectType({ description: '标准方案的一个版本：参考方案文件与参考价格' })
export class StandardSolutionVersionView {
  @Field(() => Int) version!: number;
  @Field(() => DocumentRefView, { description: 'The reference solution' }) document!: DocumentRefView;
  @Field(() => Money, { description: '参考价格' }) referencePrice!: Money;
  @Field() publishedBy!: string;
  @Field() publishedAt!: string;
  @Field(() => String, { nullable: true, description: 'What changed from the version before' }) changes?: string;
}

@ObjectType({ description: '标准方案的撤销' })
export class StandardSolutionWithdrawalView {
  @Field() reason!: string;
  @Field() withdrawnBy!: string;
  @Field() withdrawnAt!: string;
}

@ObjectType({ description: '标准方案库的一项：一个产品线的参考方案与参考价格，及其全部版本' })
export class StandardSolutionEntryView {
  @Field(() => ID) entryId!: string;
  @Field() name!: string;
  @Field({ description: 'The product line it covers' }) productLine!: string;
  @Field({ description: 'PUBLISHED or WITHDRAWN' }) status!: string;
  @Field(() => StandardSolutionVersionView, { description: 'The version in force: the one a project may send' }) inForce!: StandardSolutionVersionView;
  @Field(() => [StandardSolutionVersionView], { description: 'Every version, oldest first' }) versions!: StandardSolutionVersionView[];
  @Field(() => StandardSolutionWithdrawalView, { nullable: true }) withdrawal?: StandardSolutionWithdrawalView;
  @Field() publishedAt!: string;
  @Field() updatedAt!: string;
}

@ArgsType()
export class StandardSolutionsArgs {
  @Field(() => String, { nullable: true, description: 'Only the entries covering this product line' })
  @IsOptional()
  @Length(1, 100)
  productLine?: string;

  @Field({ defaultValue: false, description: 'Withdrawn entries too' })
  @IsBoolean()
  includeWithdrawn!: boolean;

  @Field(() => Int, { defaultValue: 50, description: `At most ${STANDARD_SOLUTIONS_MAX}` })
  @IsInt()
  @Min(1)
  @Max(STANDARD_SOLUTIONS_MAX)
  limit!: number;
}

@ObjectType({ description: 'What a catalogue command did: the entry, its new revision, the events appended' })
export class StandardSolutionCommandResult {
  @Field(() => ID) entryId!: string;
  @Field(() => Int) revision!: number;
  @Field({ description: 'PUBLISHED or WITHDRAWN' }) status!: string;
  @Field(() => Int, { description: 'The version in force' }) versionInForce!: number;
  @Field(() => [AppendedEvent]) events!: AppendedEvent[];
}
