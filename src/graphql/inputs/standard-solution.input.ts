import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, Length, ValidateNested } from 'class-validator';
import { IsCanonicalUuid } from '../canonical-uuid.js';
import { DocumentInput, MoneyInput } from './common.input.js';

/** Every catalogue command carries the client's idempotency key. */
@InputType({ isAbstract: true })
class CatalogueCommandInput {
  @Field({ description: 'Client-chosen uuid; repeating it repeats nothing and returns the first answer' })
  @IsCanonicalUuid()
  commandId!: string;
}

@InputType({ description: '发布标准方案：名称、覆盖的产品线、参考方案文件与参考价格（第1版）' })
export class PublishStandardSolutionInput extends CatalogueCommandInput {
  @Field({ nullable: true, description: 'Optional: derived from the command id when absent' })
  @IsOptional()
  @IsCanonicalUuid()
  entryId?: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field({ description: 'The product line it covers: only projects of this line may use it' })
  @Length(1, 100)
  productLine!: string;

  @Field(() => DocumentInput, { description: 'The reference solution document' })
  @ValidateNested()
  @Type(() => DocumentInput)
  document!: DocumentInput;

  @Field(() => MoneyInput, { description: '参考价格' })
  @ValidateNested()
  @Type(() => MoneyInput)
  referencePrice!: MoneyInput;
}

@InputType({ description: '发布标准方案新版本：新的参考方案文件与参考价格，及改动说明' })
export class ReviseStandardSolutionInput extends CatalogueCommandInput {
  @Field()
  @IsCanonicalUuid()
  entryId!: string;

  @Field(() => DocumentInput)
  @ValidateNested()
  @Type(() => DocumentInput)
  document!: DocumentInput;

  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  referencePrice!: MoneyInput;

  @Field({ description: 'What changed in this version' })
  @Length(1, 2000)
  changes!: string;
}

@InputType({ description: '撤销标准方案：产品不再是标准成熟产品' })
export class WithdrawStandardSolutionInput extends CatalogueCommandInput {
  @Field()
  @IsCanonicalUuid()
  entryId!: string;

  @Field()
  @Length(1, 2000)
  reason!: string;
}
