import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { HandoverKind, OutcomeReason, Role, Vote } from '../domain/project/vocabulary.js';
import { HandoverKindEnum, OutcomeReasonEnum, ReviewOutcomeEnum, RoleEnum, SummaryOutcomeEnum, TrackingKindEnum, VoteEnum } from './enums.js';
import { DocumentRefView, QuotationApprovalView } from './project-parts.types.js';
import { Money } from './project.types.js';

@ObjectType({ description: '立项时约定的里程碑' })
export class MilestoneView {
  @Field() name!: string;
  @Field({ description: 'YYYY-MM-DD' }) dueOn!: string;
}

@ObjectType({ description: 'PSM010 现场交流' })
export class ExchangeView {
  @Field() summary!: string;
  @Field() surveyNeeded!: boolean;
  @Field(() => DocumentRefView, { nullable: true, description: '交流纪要' }) memo?: DocumentRefView;
}

@ObjectType({ description: 'PSM020 现场调研' })
export class SurveyView {
  @Field() summary!: string;
  @Field(() => DocumentRefView, { nullable: true, description: '调研报告' }) report?: DocumentRefView;
}

@ObjectType({ description: '方案评分：合理性、创新性、完整性' })
export class ReviewScoresView {
  @Field(() => Int) rationality!: number;
  @Field(() => Int) innovation!: number;
  @Field(() => Int) completeness!: number;
}

@ObjectType({ description: '一位评审委员对某版本的意见、评语与评分' })
export class CastVoteView {
  @Field() reviewerId!: string;
  @Field(() => VoteEnum) vote!: Vote;
  @Field(() => String, { nullable: true }) comments?: string;
  @Field(() => ReviewScoresView, { nullable: true, description: 'A solution\'s scores, when the reviewer gave them' }) scores?: ReviewScoresView;
}

@ObjectType({ description: '提交评审的一个版本及其评审经过' })
export class ReviewedVersionView {
  @Field(() => Int) version!: number;
  @Field(() => DocumentRefView) document!: DocumentRefView;
  @Field(() => String, { nullable: true }) authorId?: string;
  @Field(() => [String]) reviewers!: string[];
  @Field(() => Int) approvalsNeeded!: number;
  @Field(() => [CastVoteView], { description: 'The votes in the order they were cast' }) votes!: CastVoteView[];
  @Field(() => ReviewOutcomeEnum, { nullable: true, description: 'Null while the review is undecided (or was left for a newer version)' }) outcome?: string;
}

@ObjectType({ description: '报价的一个版本及其审批' })
export class QuotationVersionView {
  @Field(() => Int) version!: number;
  @Field(() => Money) amount!: Money;
  @Field(() => DocumentRefView) document!: DocumentRefView;
  @Field(() => [RoleEnum]) requiredApprovals!: Role[];
  @Field(() => [QuotationApprovalView]) approvals!: QuotationApprovalView[];
}

@ObjectType({ description: 'PSM060 一次商务谈判' })
export class NegotiationView {
  @Field() notes!: string;
  @Field(() => DocumentRefView, { nullable: true }) document?: DocumentRefView;
}

@ObjectType({ description: '演示实施：谁演示、哪天' })
export class DemoHeldView {
  @Field(() => [String], { description: 'Who presented (user ids): each counts the demo in the monthly statistics' }) presenters!: string[];
  @Field({ description: 'YYYY-MM-DD' }) heldOn!: string;
}

@ObjectType({ description: '演示：方案（对象、环境、流程、时长）、实施与客户反馈' })
export class DemoView {
  @Field(() => Int, { description: 'Numbered in the order planned: recording it held or its feedback names it' }) number!: number;
  @Field({ description: '演示对象' }) audience!: string;
  @Field({ description: '演示环境' }) environment!: string;
  @Field({ description: '演示流程' }) agenda!: string;
  @Field(() => Int, { description: '演示时长（分钟）' }) durationMinutes!: number;
  @Field(() => String, { nullable: true, description: 'The day agreed with the customer, YYYY-MM-DD' }) plannedOn?: string;
  @Field() plannedBy!: string;
  @Field(() => DemoHeldView, { nullable: true, description: 'Null until it is held' }) held?: DemoHeldView;
  @Field(() => String, { nullable: true, description: '客户反馈' }) feedback?: string;
}

@ObjectType({ description: '竞争信息：竞争对手、优势、劣势、报价（已知时）与报告人' })
export class CompetitorNoteView {
  @Field() competitor!: string;
  @Field(() => String, { nullable: true, description: '优势' }) strengths?: string;
  @Field(() => String, { nullable: true, description: '劣势' }) weaknesses?: string;
  @Field(() => Money, { nullable: true, description: 'Their price, where known' }) price?: Money;
  @Field({ description: 'Who reported it' }) reportedBy!: string;
}

@ObjectType({ description: '移交清单中的一份文件' })
export class HandoverItemView {
  @Field(() => HandoverKindEnum) kind!: HandoverKind;
  @Field() title!: string;
  @Field({ description: 'Empty on lists handed over before versions were recorded' }) version!: string;
  @Field() uri!: string;
  @Field() sha256!: string;
  @Field(() => String, { nullable: true, description: 'An oral agreement: who confirmed it (null while it awaits confirmation)' }) confirmedBy?: string;
}

@ObjectType({ description: '移交：文档移交清单、接收人与接收确认' })
export class HandoverView {
  @Field({ description: 'The delivery team\'s engineer named to receive it' }) receivedBy!: string;
  @Field(() => String, { nullable: true, description: 'Who handed it over (null on lists handed over before it was recorded)' }) handedOverBy?: string;
  @Field(() => [HandoverItemView], { description: '文档移交清单' }) items!: HandoverItemView[];
  @Field(() => [RoleEnum], { description: 'Who confirms its oral agreements' }) oralAgreementConfirmers!: Role[];
  @Field({ description: 'The receiver confirmed receipt: the handover is closed' }) received!: boolean;
}

@ObjectType({ description: '项目总结' })
export class SummaryView {
  @Field(() => SummaryOutcomeEnum) outcome!: string;
  @Field(() => [OutcomeReasonEnum], { description: 'Why it was won (a won project) or lost, ended or not bid' }) reasons!: OutcomeReason[];
  @Field() text!: string;
  @Field(() => [String], { description: '项目总结会 who took part' }) participants!: string[];
  @Field(() => String, { nullable: true, description: 'The summary meeting\'s day, YYYY-MM-DD' }) meetingOn?: string;
  @Field(() => String, { nullable: true, description: '经验教训' }) lessons?: string;
}

@ObjectType({ description: '项目跟踪记录（沟通记录）' })
export class TrackingNoteView {
  @Field(() => TrackingKindEnum) kind!: string;
  @Field({ description: '沟通内容要点' }) note!: string;
  @Field(() => String, { nullable: true, description: '沟通时间 YYYY-MM-DD (null on notes recorded before it was asked)' }) contactedOn?: string;
  @Field(() => String, { nullable: true, description: '地点' }) place?: string;
  @Field(() => [String], { description: '参与人员' }) participants!: string[];
  @Field(() => String, { nullable: true, description: '客户反馈' }) customerFeedback?: string;
  @Field(() => String, { nullable: true }) nextAction?: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) nextActionOn?: string;
}

@ObjectType({ description: '每周汇总' })
export class WeeklyReportView {
  @Field({ description: 'The Monday of the week, YYYY-MM-DD' }) weekStartingOn!: string;
  @Field() summary!: string;
  @Field() reportedBy!: string;
}

@ObjectType({ description: '质询与答复' })
export class ChallengeView {
  @Field(() => Int) number!: number;
  @Field() question!: string;
  @Field() raisedBy!: string;
  @Field(() => String, { nullable: true, description: 'Null until answered' }) answer?: string;
  @Field(() => String, { nullable: true }) answeredBy?: string;
}

@ObjectType({ description: '会议备忘录' })
export class MeetingMemoView {
  @Field({ description: 'YYYY-MM-DD' }) heldOn!: string;
  @Field(() => String, { nullable: true }) place?: string;
  @Field(() => [String]) participants!: string[];
  @Field({ description: '议题' }) subject!: string;
  @Field({ description: '决定' }) decisions!: string;
  @Field(() => DocumentRefView, { nullable: true }) memo?: DocumentRefView;
  @Field() recordedBy!: string;
}
