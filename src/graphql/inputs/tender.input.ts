import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, Length, ValidateNested } from 'class-validator';
import { MAX_TENDER_PEOPLE } from '../../domain/project/decide-bid-work.js';
import { BidDecisionEnum } from '../enums.js';
import { CommandInput, DocumentInput, IsCalendarDate, MoneyInput } from './common.input.js';

/** A list of people by user id: one at least, each named once in the domain. */
const People = (description: string): PropertyDecorator => (target, key) => {
  for (const decorator of [Field(() => [String], { description }), IsArray(), ArrayMinSize(1), ArrayMaxSize(MAX_TENDER_PEOPLE), Length(1, 100, { each: true })]) {
    decorator(target, key);
  }
};

@InputType({ description: 'PSM050 投标建议：业务经理建议投标或不投标（不投标需理由）' })
export class AdviseBidInput extends CommandInput {
  @Field(() => BidDecisionEnum)
  @IsIn(['BID', 'NO_BID'])
  advice!: 'BID' | 'NO_BID';

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 2000)
  reason?: string;
}

@InputType({ description: 'PSM050 评估标书：内容及条款，谁参与评估' })
export class EvaluateTenderDocumentsInput extends CommandInput {
  @Field({ description: 'What the evaluation found in the documents\' contents and terms' })
  @Length(1, 4000)
  findings!: string;

  @People('Who evaluated (user ids): 销售部长、业务主管、业务经理、技术项目组')
  evaluators!: string[];
}

@InputType({ description: '标书编制分工' })
export class BidAssignmentInput {
  @Field({ description: 'Who takes this share (user id)' })
  @Length(1, 100)
  assignee!: string;

  @Field()
  @Length(1, 1000)
  task!: string;

  @Field({ nullable: true, description: '时间节点 YYYY-MM-DD, not after the opening' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;
}

@InputType({ description: 'PSM050 投标碰头会：参会人、分工与时间节点' })
export class HoldBidKickOffInput extends CommandInput {
  @People('Who attended (user ids)')
  attendees!: string[];

  @Field(() => [BidAssignmentInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TENDER_PEOPLE)
  @ValidateNested({ each: true })
  @Type(() => BidAssignmentInput)
  assignments!: BidAssignmentInput[];

  @Field({ nullable: true, description: '对标书、客户情况的分析' })
  @IsOptional()
  @Length(1, 4000)
  notes?: string;
}

@InputType({ description: 'PSM050 投标技术方案与项目成本（技术项目组）' })
export class SubmitTechnicalBidInput extends CommandInput {
  @Field(() => DocumentInput)
  @ValidateNested()
  @Type(() => DocumentInput)
  document!: DocumentInput;

  @Field(() => MoneyInput, { description: '项目成本' })
  @ValidateNested()
  @Type(() => MoneyInput)
  cost!: MoneyInput;
}

@InputType({ description: '开标记录中的一个投标方' })
export class OpeningBidderInput {
  @Field()
  @Length(1, 100)
  bidder!: string;

  @Field(() => MoneyInput, { nullable: true, description: 'Its price, when read out' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyInput)
  price?: MoneyInput;
}

@InputType({ description: 'PSM050 开标：参加人员、标书讲解、技术答疑、其他投标方及报价' })
export class RecordBidOpeningInput extends CommandInput {
  @People('Who went to the opening (user ids)')
  attendees!: string[];

  @Field({ nullable: true, description: '对标书进行讲解 / 投标演示' })
  @IsOptional()
  @Length(1, 4000)
  presentation?: string;

  @Field({ nullable: true, description: '技术答疑: the questions asked and how they were answered' })
  @IsOptional()
  @Length(1, 4000)
  technicalQuestions?: string;

  @Field(() => [OpeningBidderInput], { description: 'The other bidders as read out (may be empty)' })
  @IsArray()
  @ArrayMaxSize(MAX_TENDER_PEOPLE)
  @ValidateNested({ each: true })
  @Type(() => OpeningBidderInput)
  bidders!: OpeningBidderInput[];
}
