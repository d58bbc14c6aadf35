import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { BID_DELIVERIES, BID_STEPS, OUTCOME_REASONS, type BidDelivery, type BidStep, type OutcomeReason } from '../../domain/project/vocabulary.js';
import { BidDecisionEnum, BidDeliveryEnum, BidResultEnum, BidStepEnum, OutcomeReasonEnum, ProcurementMethodEnum } from '../enums.js';
import { CommandInput, DocumentInput, IsCalendarDate, MoneyInput } from './common.input.js';

@InputType({ description: 'PSM040 提交报价单（新金额即新版本，原审批作废）' })
export class SubmitQuotationInput extends CommandInput {
  @Field(() => MoneyInput)
  @ValidateNested()
  @Type(() => MoneyInput)
  amount!: MoneyInput;

  @Field(() => DocumentInput)
  @ValidateNested()
  @Type(() => DocumentInput)
  document!: DocumentInput;
}

@InputType({ description: 'PSM040 审批报价：针对所见报价单版本' })
export class ApproveQuotationInput extends CommandInput {
  @Field()
  @Matches(/^[0-9a-f]{64}$/)
  documentSha256!: string;
}

@InputType({ description: 'PSM040 确定采购方式' })
export class ChooseProcurementInput extends CommandInput {
  @Field(() => ProcurementMethodEnum)
  @IsIn(['TENDER', 'NEGOTIATION'])
  method!: 'TENDER' | 'NEGOTIATION';
}

@InputType({ description: 'PSM050 投标决策：投标 / 不投标（需理由）。购买标书前为投标意向，评估标书后为最终决定' })
export class DecideBidInput extends CommandInput {
  @Field(() => BidDecisionEnum)
  @IsIn(['BID', 'NO_BID'])
  decision!: 'BID' | 'NO_BID';

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  reason?: string;
}

@InputType({ description: 'PSM050 投标过程记录' })
export class RecordBidStepInput extends CommandInput {
  @Field(() => BidStepEnum)
  @IsIn(BID_STEPS)
  step!: BidStep;

  @Field({ nullable: true, description: 'DOCUMENTS_PURCHASED: the bid opening date, YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate()
  openingOn?: string;

  @Field({ nullable: true, description: 'DOCUMENTS_PURCHASED: the bond deadline the tender documents state, YYYY-MM-DD; the policy\'s days before the opening when absent' })
  @IsOptional()
  @IsCalendarDate()
  bondDueOn?: string;

  @Field({ nullable: true, description: 'DOCUMENTS_PURCHASED: 购买标书期限, the last day the documents were sold, YYYY-MM-DD' })
  @IsOptional()
  @IsCalendarDate()
  purchaseClosesOn?: string;

  @Field(() => MoneyInput, { nullable: true, description: 'LOAN_SIGNED (required) and DOCUMENTS_PURCHASED: 标书费用; BOND_PAID: the bond; BID_SUBMITTED: our price' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  amount?: MoneyInput;

  @Field(() => BidDeliveryEnum, { nullable: true, description: 'DOCUMENTS_SEALED: how the sealed bid goes to the opening' })
  @IsOptional()
  @IsIn(BID_DELIVERIES)
  delivery?: BidDelivery;
}

@InputType({ description: 'PSM050 开标结果：丢标需记录中标方、中标价（如公布）、我方报价与原因；中标可记录原因' })
export class RecordBidResultInput extends CommandInput {
  @Field(() => BidResultEnum)
  @IsIn(['WON', 'LOST'])
  result!: 'WON' | 'LOST';

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200)
  winner?: string;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  winningPrice?: MoneyInput;

  @Field(() => MoneyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  ourPrice?: MoneyInput;

  @Field(() => [OutcomeReasonEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @IsIn(OUTCOME_REASONS, { each: true })
  reasons?: OutcomeReason[];

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 4000)
  notes?: string;

  @Field(() => [String], { nullable: true, description: '其他投标方 other bidders met at the opening' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @Length(1, 200, { each: true })
  competitors?: string[];
}

@InputType({ description: 'PSM060 商务谈判记录' })
export class RecordNegotiationInput extends CommandInput {
  @Field()
  @Length(1, 4000)
  notes!: string;

  @Field(() => DocumentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentInput)
  document?: DocumentInput;
}
