import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Channel, ReviewSubject, Role, SignedDocument, SigningCapacity, Vote } from '../domain/project/vocabulary.js';
import { Deadline } from './deadline.types.js';
import { BidDecisionEnum, ChannelEnum, ContractStatusEnum, ReviewStatusEnum, ReviewSubjectEnum, RoleEnum, SignedDocumentEnum, SigningCapacityEnum, VoteEnum } from './enums.js';
import { Money } from './project.types.js';

@ObjectType({ description: '文件版本：标题、地址与 sha256（审批、评审、会签都绑定到它）' })
export class DocumentRefView {
  @Field() title!: string;
  @Field() uri!: string;
  @Field({ description: 'What an approval, a review vote or a countersign of this version sends as documentSha256' }) sha256!: string;
}

@ObjectType({ description: '客户联系人' })
export class ContactView {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => String, { nullable: true }) email?: string;
}

@ObjectType({ description: '信息登记：线索如登记时，及其当前负责人' })
export class LeadView {
  @Field() title!: string;
  @Field() customer!: string;
  @Field(() => ContactView) contact!: ContactView;
  @Field() need!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => Money) estimatedAmount!: Money;
  @Field() region!: string;
  @Field() productLine!: string;
  @Field(() => String, { nullable: true, description: 'The business unit it was registered in; absent in a single-unit company' }) businessUnit?: string;
  @Field({ description: 'The account manager who owns it now (follows assignments)' }) ownerId!: string;
}

@ObjectType({ description: '待审批的转交' })
export class PendingForwardView {
  @Field() proposedBy!: string;
  @Field() businessUnit!: string;
  @Field(() => String, { nullable: true }) reason?: string;
}

@ObjectType({ description: '部门领导指定的签约代表人' })
export class RepresentativeView {
  @Field(() => SignedDocumentEnum) document!: SignedDocument;
  @Field() userId!: string;
}

@ObjectType({ description: '一位评审委员的意见' })
export class ReviewVoteView {
  @Field() reviewerId!: string;
  @Field(() => VoteEnum) vote!: Vote;
}

@ObjectType({ description: '评审：当前提交的版本、评审委员及其意见' })
export class ReviewView {
  @Field(() => ReviewSubjectEnum) subject!: ReviewSubject;
  @Field(() => Int) version!: number;
  @Field(() => DocumentRefView) document!: DocumentRefView;
  @Field(() => String, { nullable: true, description: 'Who wrote it: never among its reviewers' }) authorId?: string;
  @Field(() => [String], { description: 'Empty until the review is convened' }) reviewers!: string[];
  @Field(() => Int) approvalsNeeded!: number;
  @Field(() => [ReviewVoteView], { description: 'The votes cast on this version, in reviewer order' }) votes!: ReviewVoteView[];
  @Field(() => ReviewStatusEnum) status!: string;
  @Field(() => Deadline, { nullable: true, description: 'The review\'s time limit, when it has one (a technical agreement\'s)' }) clock?: Deadline;
}

@ObjectType({ description: '与客户签字：谁、以何身份' })
export class SignatureView {
  @Field() signerId!: string;
  @Field(() => SigningCapacityEnum, { nullable: true, description: 'Absent on signatures recorded before it was asked' }) capacity?: SigningCapacity;
}

@ObjectType({ description: '技术协议：评审与签署' })
export class AgreementView extends ReviewView {
  @Field() signed!: boolean;
  @Field(() => SignatureView, { nullable: true }) signature?: SignatureView;
  @Field(() => DocumentRefView, { nullable: true, description: '纸质签字版 the signed paper\'s scan' }) scan?: DocumentRefView;
}

@ObjectType({ description: '一项报价审批' })
export class QuotationApprovalView {
  @Field(() => RoleEnum) role!: Role;
  @Field() approverId!: string;
}

@ObjectType({ description: '现行报价及其审批' })
export class QuotationView {
  @Field(() => Int) version!: number;
  @Field(() => Money) amount!: Money;
  @Field(() => DocumentRefView, { description: 'Approvals send this document\'s sha256' }) document!: DocumentRefView;
  @Field(() => [RoleEnum], { description: 'The approvals the quotation needs, by role' }) requiredApprovals!: Role[];
  @Field(() => [QuotationApprovalView], { description: 'The approvals given, in order' }) approvals!: QuotationApprovalView[];
  @Field(() => [RoleEnum], { description: 'The required approvals not given yet' }) approvalsMissing!: Role[];
}

@ObjectType({ description: 'PSM050 投标' })
export class TenderView {
  @Field(() => BidDecisionEnum, { nullable: true, description: '投标意向: decided before the documents are bought' }) intent?: string;
  @Field(() => BidDecisionEnum, { nullable: true, description: 'The final decision, once the documents are evaluated' }) decision?: string;
  @Field(() => String, { nullable: true, description: '开标日期 YYYY-MM-DD' }) openingOn?: string;
  @Field({ description: '购买标书借款单 signed' }) loanSigned!: boolean;
  @Field() documentsPurchased!: boolean;
  @Field() documentsEvaluated!: boolean;
  @Field({ description: '碰头会 held' }) kickOffHeld!: boolean;
  @Field(() => Int, { description: 'The technical bid\'s versions so far' }) technicalBids!: number;
  @Field() bondPaid!: boolean;
  @Field() documentsChecked!: boolean;
  @Field({ description: 'Bound and sealed' }) sealed!: boolean;
  @Field() submitted!: boolean;
  @Field() openingRecorded!: boolean;
}

@ObjectType({ description: '会签人：一个角色，或插入的具名人员' })
export class SignerStepView {
  @Field(() => RoleEnum) role!: Role;
  @Field(() => String, { nullable: true }) userId?: string;
}

@ObjectType({ description: '会签链中的一步' })
export class ChainStepView extends SignerStepView {
  @Field() signed!: boolean;
  @Field(() => String, { nullable: true, description: 'Who countersigned this step' }) signedBy?: string;
}

@ObjectType({ description: 'PSM070 合同：文本、会签链与签订' })
export class ContractView {
  @Field(() => Int) version!: number;
  @Field(() => DocumentRefView, { description: 'Countersigns send this document\'s sha256' }) document!: DocumentRefView;
  @Field(() => Money) amount!: Money;
  @Field(() => Int) quotationVersion!: number;
  @Field(() => [ChainStepView], { description: 'The countersign chain, in order' }) chain!: ChainStepView[];
  @Field(() => SignerStepView, { nullable: true, description: 'Whose countersign is next; null once countersigned, sent back or signed' }) nextSigner!: SignerStepView | null;
  @Field(() => ContractStatusEnum) status!: string;
  @Field(() => SignatureView, { nullable: true }) signature?: SignatureView;
  @Field(() => DocumentRefView, { nullable: true, description: '纸质签字版 the signed paper\'s scan' }) scan?: DocumentRefView;
}

@ObjectType({ description: '待审批的终止申请' })
export class TerminationView {
  @Field() reason!: string;
  @Field() requestedBy!: string;
  @Field(() => [RoleEnum]) deciders!: Role[];
}

@ObjectType({ description: '申请派人交流单 and its signature' })
export class DispatchView {
  @Field() site!: string;
  @Field() purpose!: string;
  @Field({ description: 'YYYY-MM-DD' }) wantedOn!: string;
  @Field(() => Int) people!: number;
  @Field({ description: 'AWAITING_SIGNATURE, SIGNED or REFUSED (no one is sent; the request went on without the trip)' }) status!: string;
  @Field(() => [RoleEnum], { description: 'Who signs it, under the policy in force when it was filed' }) signers!: Role[];
  @Field(() => String, { nullable: true }) decidedBy?: string;
  @Field(() => String, { nullable: true }) comments?: string;
}

@ObjectType({ description: '技术项目组的答复：制作，或由部门主管书面回复不制作' })
export class SolutionRequestAnswerView {
  @Field() willMake!: boolean;
  @Field(() => String, { nullable: true, description: 'The written reason when declining' }) reason?: string;
  @Field(() => DocumentRefView, { nullable: true, description: 'The letter of refusal filed with sales' }) reply?: DocumentRefView;
  @Field() answeredBy!: string;
}

@ObjectType({ description: '销售总经理评判' })
export class SolutionDisputeDecisionView {
  @Field({ description: 'true: the solution is made, the request counts as accepted' }) makeSolution!: boolean;
  @Field() reasoning!: string;
  @Field() decidedBy!: string;
}

@ObjectType({ description: '异议：销售部对不制作的答复有异议' })
export class SolutionDisputeView {
  @Field() raisedBy!: string;
  @Field() reason!: string;
  @Field(() => [RoleEnum], { description: 'Who decides it (销售总经理), under the policy in force when it was raised' }) deciders!: Role[];
  @Field(() => SolutionDisputeDecisionView, { nullable: true }) decision?: SolutionDisputeDecisionView;
}

@ObjectType({ description: '方案申请表 the latest solution request and what became of it' })
export class SolutionRequestView {
  @Field({ description: 'AWAITING_DISPATCH_SIGNATURE, AWAITING_ANSWER, ACCEPTED (by the team or by the sales GM), DECLINED or DISPUTED' }) status!: string;
  @Field() need!: string;
  @Field() requestedBy!: string;
  @Field(() => String, { nullable: true, description: 'The owner, when the supervisor filed it on their behalf (代填)' }) onBehalfOf?: string;
  @Field(() => DispatchView, { nullable: true }) dispatch?: DispatchView;
  @Field(() => SolutionRequestAnswerView, { nullable: true }) answer?: SolutionRequestAnswerView;
  @Field(() => SolutionDisputeView, { nullable: true }) dispute?: SolutionDisputeView;
}

@ObjectType({ description: '标准方案: the catalogue entry and version sent in place of a reviewed solution, with the reference solution and price' })
export class StandardSolutionUseView {
  @Field() entryId!: string;
  @Field() name!: string;
  @Field(() => Int) version!: number;
  @Field(() => DocumentRefView) referenceSolution!: DocumentRefView;
  @Field(() => Money) referencePrice!: Money;
  @Field() sentBy!: string;
}
