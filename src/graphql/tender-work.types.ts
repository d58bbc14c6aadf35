import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { OutcomeReason } from '../domain/project/vocabulary.js';
import { BidDecisionEnum, BidDecisionPhaseEnum, BidDeliveryEnum, BidResultEnum, OutcomeReasonEnum } from './enums.js';
import { DocumentRefView } from './project-parts.types.js';
import { Money } from './project.types.js';

@ObjectType({ description: '投标建议（业务经理）' })
export class BidAdviceView {
  @Field(() => BidDecisionEnum) advice!: string;
  @Field(() => String, { nullable: true }) reason?: string;
  @Field() advisedBy!: string;
}

@ObjectType({ description: '投标决策：意向或最终决定' })
export class BidDecisionView {
  @Field(() => BidDecisionEnum) decision!: string;
  @Field(() => BidDecisionPhaseEnum, { nullable: true, description: 'Null on a decision recorded before intent and final were told apart: it was both' }) phase?: string;
  @Field(() => String, { nullable: true }) reason?: string;
  @Field() decidedBy!: string;
}

@ObjectType({ description: '购买标书借款单：标书费用与签字的部长' })
export class BidLoanView {
  @Field(() => Money, { description: '标书费用' }) fee!: Money;
  @Field() signedBy!: string;
}

@ObjectType({ description: '购买标书：开标日期、标书费用、购买期限' })
export class TenderPurchaseView {
  @Field({ description: '开标日期 YYYY-MM-DD' }) openingOn!: string;
  @Field(() => Money, { nullable: true, description: '标书费用' }) fee?: Money;
  @Field(() => String, { nullable: true, description: '购买标书期限 YYYY-MM-DD' }) purchaseClosesOn?: string;
}

@ObjectType({ description: '评估标书：内容及条款' })
export class TenderEvaluationView {
  @Field() findings!: string;
  @Field(() => [String], { description: 'Who evaluated (user ids)' }) evaluators!: string[];
  @Field() evaluatedBy!: string;
}

@ObjectType({ description: '标书编制分工与时间节点' })
export class BidAssignmentView {
  @Field() assignee!: string;
  @Field() task!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dueOn?: string;
}

@ObjectType({ description: '投标碰头会：参会人、分工' })
export class BidKickOffView {
  @Field(() => [String]) attendees!: string[];
  @Field(() => [BidAssignmentView]) assignments!: BidAssignmentView[];
  @Field(() => String, { nullable: true }) notes?: string;
  @Field() heldBy!: string;
}

@ObjectType({ description: '投标技术方案与项目成本（技术项目组）' })
export class TechnicalBidView {
  @Field(() => Int) version!: number;
  @Field(() => DocumentRefView) document!: DocumentRefView;
  @Field(() => Money, { description: '项目成本' }) cost!: Money;
  @Field() submittedBy!: string;
}

@ObjectType({ description: '装订密封、送达方式' })
export class BidSealingView {
  @Field(() => BidDeliveryEnum) delivery!: string;
  @Field() sealedBy!: string;
}

@ObjectType({ description: '开标记录中的投标方与报价' })
export class OpeningBidderView {
  @Field() bidder!: string;
  @Field(() => Money, { nullable: true, description: 'Its price, when read out' }) price?: Money;
}

@ObjectType({ description: '开标：参加人员、讲解、技术答疑、其他投标方' })
export class BidOpeningView {
  @Field(() => [String]) attendees!: string[];
  @Field(() => String, { nullable: true, description: '对标书进行讲解 / 投标演示' }) presentation?: string;
  @Field(() => String, { nullable: true, description: '技术答疑' }) technicalQuestions?: string;
  @Field(() => [OpeningBidderView], { description: 'The other bidders: each counts as a competitor met in the win/loss analysis' }) bidders!: OpeningBidderView[];
  @Field() recordedBy!: string;
}

@ObjectType({ description: '投标结果及原因' })
export class BidResultView {
  @Field(() => BidResultEnum) result!: string;
  @Field(() => [OutcomeReasonEnum], { description: 'Why it was won or lost: the win/loss analysis counts them' }) reasons!: OutcomeReason[];
  @Field(() => String, { nullable: true }) notes?: string;
  @Field(() => String, { nullable: true, description: 'LOST: 中标方' }) winner?: string;
  @Field(() => Money, { nullable: true, description: 'LOST: 中标价, when disclosed' }) winningPrice?: Money;
  @Field(() => Money, { nullable: true, description: 'LOST: our price' }) ourPrice?: Money;
  @Field(() => [String]) competitors!: string[];
}

@ObjectType({ description: 'PSM050 投标过程记录' })
export class TenderWorkView {
  @Field(() => [BidAdviceView], { description: 'The account manager\'s advice, in order' }) advice!: BidAdviceView[];
  @Field(() => [BidDecisionView], { description: 'The intent, then the final decision' }) decisions!: BidDecisionView[];
  @Field(() => BidLoanView, { nullable: true }) loan?: BidLoanView;
  @Field(() => TenderPurchaseView, { nullable: true }) purchase?: TenderPurchaseView;
  @Field(() => TenderEvaluationView, { nullable: true }) evaluation?: TenderEvaluationView;
  @Field(() => BidKickOffView, { nullable: true }) kickOff?: BidKickOffView;
  @Field(() => [TechnicalBidView], { description: 'By version' }) technicalBids!: TechnicalBidView[];
  @Field(() => Money, { nullable: true, description: '投标保证金' }) bond?: Money;
  @Field(() => BidSealingView, { nullable: true }) sealing?: BidSealingView;
  @Field(() => BidOpeningView, { nullable: true }) opening?: BidOpeningView;
  @Field(() => BidResultView, { nullable: true }) result?: BidResultView;
}
