import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, Length } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { KeyCount } from './reports.types.js';

export enum WinLossGroupBy {
  ALL = 'all',
  REGION = 'region',
  PRODUCT_LINE = 'productLine',
  OWNER = 'owner',
  PROCUREMENT_METHOD = 'procurement',
  AMOUNT_BAND = 'amountBand',
}
registerEnumType(WinLossGroupBy, { name: 'WinLossGroupBy', description: '成败分析维度' });

@InputType({ description: '成败分析筛选' })
export class WinLossFilterInput {
  @Field({ nullable: true }) @IsOptional() @Length(1, 50) region?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 50) productLine?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 100) ownerId?: string;
  @Field({ nullable: true, description: 'TENDER or NEGOTIATION' }) @IsOptional() @IsIn(['TENDER', 'NEGOTIATION']) procurement?: string;
}

@ObjectType({ description: '成败分析的一组' })
export class WinLossGroup {
  @Field() key!: string;
  @Field(() => Int, { description: 'Projects closed in the period' }) closed!: number;
  @Field(() => Int) won!: number;
  @Field(() => Int) lost!: number;
  @Field(() => Int) terminated!: number;
  @Field(() => Int, { description: '未投标 tenders not bid for: closed, neither won nor lost' }) notBid!: number;
  @Field(() => Int, { description: '客户不接受 projects whose customer declined the solution, the agreement or a contract' }) customerDeclined!: number;
  @Field(() => Float, { nullable: true, description: '赢单率 won of won + lost' }) winRate!: number | null;
  @Field(() => Int) bidsWon!: number;
  @Field(() => Int) bidsLost!: number;
  @Field(() => Float, { nullable: true, description: '中标率 bids won of bids decided' }) bidHitRate!: number | null;
  @Field(() => GraphQLSafeInt, { description: 'Signed amounts, fen' }) amountWon!: number;
  @Field(() => GraphQLSafeInt, { description: 'Quoted (else estimated) amounts of lost projects, fen' }) amountLost!: number;
  @Field(() => [KeyCount], { description: '丢单原因排名' }) lossReasons!: KeyCount[];
  @Field(() => [KeyCount], { description: '成功原因排名: why the projects won were won, as their bid results (投标结果及原因) and summaries say; each reason once per project' }) winReasons!: KeyCount[];
  @Field(() => [KeyCount], { description: '遇到的竞争对手' }) competitorsMet!: KeyCount[];
  @Field(() => [KeyCount], { description: '击败的竞争对手' }) competitorsBeaten!: KeyCount[];
  @Field(() => Float, { nullable: true, description: '平均周期（天）registration to close' }) averageCycleDays!: number | null;
  @Field(() => Float, { nullable: true }) averageFailedReviews!: number | null;
  @Field(() => Float, { nullable: true }) averageCountersignRejections!: number | null;
}
