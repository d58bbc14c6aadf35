import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { REVIEW_SCORE_MAX, SIGNING_CAPACITIES, type SigningCapacity } from '../../domain/project/vocabulary.js';
import { ReviewSubjectEnum, SigningCapacityEnum } from '../enums.js';
import { CommandInput, DocumentInput, MoneyInput } from './common.input.js';

@InputType({ description: 'PSM030 提交解决方案（新版本）：评审由组织者召集' })
export class SubmitSolutionInput extends CommandInput {
  @Field(() => DocumentInput)
  @ValidateNested()
  @Type(() => DocumentInput)
  document!: DocumentInput;
}

@InputType({ description: 'PSM030 系统预算：客户经理根据系统范围确定' })
export class SetSystemBudgetInput extends CommandInput {
  @Field(() => MoneyInput, { description: '系统预算' })
  @ValidateNested()
  @Type(() => MoneyInput)
  systemBudget!: MoneyInput;
}

@InputType({ description: '组织评审：召集评审委员会并指定评审委员（作者本人除外）' })
export class ConveneReviewInput extends CommandInput {
  @Field(() => ReviewSubjectEnum)
  @IsIn(['SOLUTION', 'TECHNICAL_AGREEMENT'])
  subject!: 'SOLUTION' | 'TECHNICAL_AGREEMENT';

  @Field(() => [String], { description: 'User ids of the named reviewers (评审委员); never the author' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  reviewers!: string[];
}

@InputType({ description: 'PSM060 提交技术协议（按产品类别由策略规定的拟订人；含用户自拟）：评审由组织者召集' })
export class SubmitTechnicalAgreementInput extends CommandInput {
  @Field(() => DocumentInput)
  @ValidateNested()
  @Type(() => DocumentInput)
  document!: DocumentInput;

  @Field({ nullable: true, description: '现场签订: the review is then due within the policy\'s hours (2), not its working day' })
  @IsOptional()
  @IsBoolean()
  signingOnSite?: boolean;

  @Field({ nullable: true, description: '用户自拟: the customer wrote the agreement; it is reviewed the same way' })
  @IsOptional()
  @IsBoolean()
  customerWritten?: boolean;
}

@InputType({ description: '方案评分：合理性、创新性、完整性，各 1 至 5 分' })
export class ReviewScoresInput {
  @Field(() => Int, { description: '合理性' }) @IsInt() @Min(1) @Max(REVIEW_SCORE_MAX) rationality!: number;
  @Field(() => Int, { description: '创新性' }) @IsInt() @Min(1) @Max(REVIEW_SCORE_MAX) innovation!: number;
  @Field(() => Int, { description: '完整性' }) @IsInt() @Min(1) @Max(REVIEW_SCORE_MAX) completeness!: number;
}

@InputType({ isAbstract: true })
class ReviewVoteInput extends CommandInput {
  @Field(() => ReviewSubjectEnum)
  @IsIn(['SOLUTION', 'TECHNICAL_AGREEMENT'])
  subject!: 'SOLUTION' | 'TECHNICAL_AGREEMENT';

  @Field({ description: 'sha256 of the document version voted on: the vote is bound to it' })
  @Matches(/^[0-9a-f]{64}$/)
  documentSha256!: string;

  @Field(() => ReviewScoresInput, { nullable: true, description: 'A solution’s scores (合理性, 创新性, 完整性), for the quality KPI' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReviewScoresInput)
  scores?: ReviewScoresInput;
}

@InputType({ description: '评审通过：针对所见文档版本' })
export class ApproveReviewInput extends ReviewVoteInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 4000)
  comments?: string;
}

@InputType({ description: '评审不通过：须附意见，要求提交新版本' })
export class RejectReviewInput extends ReviewVoteInput {
  @Field()
  @Length(1, 4000)
  comments!: string;
}

@InputType({ description: '签署技术协议：以策略允许的身份签字' })
export class SignTechnicalAgreementInput extends CommandInput {
  @Field()
  @Matches(/^[0-9a-f]{64}$/)
  documentSha256!: string;

  @Field(() => SigningCapacityEnum, { description: 'The capacity the caller signs in: one the policy allows, held by the caller on this project' })
  @IsIn(SIGNING_CAPACITIES)
  capacity!: SigningCapacity;
}
