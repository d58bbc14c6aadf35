import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, Length, Matches, IsUrl, MaxLength, ValidateNested } from 'class-validator';
import {
  DECLINED_SUBJECTS, LISTED_HANDOVER_KINDS, OUTCOME_REASONS, TRACKING_KINDS, type DeclinedSubject, type HandoverKind, type OutcomeReason, type TrackingKind,
} from '../../domain/project/vocabulary.js';
import { DeclinedSubjectEnum, ListedHandoverKindEnum, OutcomeReasonEnum, TrackingKindEnum } from '../enums.js';
import { CommandInput, DocumentInput, IsCalendarDate } from './common.input.js';

/** The people a note, a meeting or a summary names, at most. */
export const MAX_PARTICIPANTS = 30;

@InputType({ description: '客户不接受：解决方案、技术协议或合同签订意向（流程结束）' })
export class RecordCustomerDeclinedInput extends CommandInput {
  @Field(() => DeclinedSubjectEnum)
  @IsIn(DECLINED_SUBJECTS)
  subject!: DeclinedSubject;

  @Field({ description: 'What the customer said' })
  @Length(1, 4000)
  reason!: string;
}

@InputType({ description: '项目终止申请' })
export class RequestTerminationInput extends CommandInput {
  @Field()
  @Length(1, 4000)
  reason!: string;
}

@InputType({ description: '项目终止审批' })
export class DecideTerminationInput extends CommandInput {
  @Field()
  @IsBoolean()
  approve!: boolean;

  @Field({ nullable: true, description: 'Required when declining' })
  @IsOptional()
  @Length(1, 4000)
  comments?: string;
}

@InputType({ description: '移交清单中的一份文件：类别、标题、版本与文件' })
export class HandoverItemInput extends DocumentInput {
  @Field(() => ListedHandoverKindEnum)
  @IsIn(LISTED_HANDOVER_KINDS)
  kind!: HandoverKind;

  @Field()
  @Length(1, 20)
  version!: string;
}

@InputType({ description: '文档移交：移交给交付团队的网络工程师；项目已有的合同、方案、技术协议、报价与调研报告自动列入' })
export class HandOverInput extends CommandInput {
  @Field({ description: 'The delivery team\'s engineer who receives the project (user id); only they confirm receipt' })
  @Length(1, 100)
  receivedBy!: string;

  @Field(() => [HandoverItemInput], {
    description: 'The documents of the list the project does not hold: supplementary and oral agreements, bid documents, the contract review sheet and its issue sheet, customer needs, product configuration',
  })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => HandoverItemInput)
  items!: HandoverItemInput[];
}

@InputType({ description: '口头协议确认（COO 签字确认）' })
export class ConfirmOralAgreementInput extends CommandInput {
  @Field({ description: 'sha256 of the oral agreement put in writing, as the handover lists it' })
  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;
}

@InputType({ description: '移交接收确认：由移交清单指定的接收人确认' })
export class ReceiveHandoverInput extends CommandInput {}

@InputType({ description: '项目总结（表5）：成败原因、总结报告、总结会的参加人与日期、经验教训' })
export class SummarizeProjectInput extends CommandInput {
  @Field(() => [OutcomeReasonEnum], { description: 'Why it was won (a won project) or lost, ended or not bid' })
  @IsArray()
  @ArrayMaxSize(8)
  @IsIn(OUTCOME_REASONS, { each: true })
  reasons!: OutcomeReason[];

  @Field()
  @Length(1, 8000)
  text!: string;

  @Field(() => [String], { nullable: true, description: '项目总结会 who took part: the sponsor, the project manager, the team (user ids or names)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @Length(1, 100, { each: true })
  participants?: string[];

  @Field({ nullable: true, description: 'The day of the summary meeting, YYYY-MM-DD, not after today' })
  @IsOptional()
  @IsCalendarDate()
  meetingOn?: string;

  @Field({ nullable: true, description: '经验教训 the lessons, for the knowledge base' })
  @IsOptional()
  @Length(1, 8000)
  lessons?: string;
}

@InputType({ description: '项目跟踪记录（沟通记录）：方式、时间、地点、参与人员、要点、客户反馈、下一步' })
export class AddTrackingNoteInput extends CommandInput {
  @Field(() => TrackingKindEnum)
  @IsIn(TRACKING_KINDS)
  kind!: TrackingKind;

  @Field({ description: '沟通内容要点' })
  @Length(1, 4000)
  note!: string;

  @Field({ nullable: true, description: '沟通时间 YYYY-MM-DD, not after today (default: today in Beijing)' })
  @IsOptional()
  @IsCalendarDate()
  contactedOn?: string;

  @Field({ nullable: true, description: '地点' })
  @IsOptional()
  @Length(1, 200)
  place?: string;

  @Field(() => [String], { nullable: true, description: '参与人员: our people and the customer\'s' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @Length(1, 100, { each: true })
  participants?: string[];

  @Field({ nullable: true, description: '客户反馈' })
  @IsOptional()
  @Length(1, 4000)
  customerFeedback?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 500)
  nextAction?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD, not before the contact; needs nextAction' })
  @IsOptional()
  @IsCalendarDate()
  nextActionOn?: string;
}

@InputType({ description: '归档文档（保存 15 年）' })
export class AttachDocumentInput extends CommandInput {
  @Field({ description: 'e.g. MEMO, SURVEY_REPORT, BID, CONTRACT' })
  @Length(1, 50)
  kind!: string;

  @Field()
  @Length(1, 200)
  title!: string;

  @Field()
  @Length(1, 20)
  version!: string;

  @Field()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  @MaxLength(2000)
  uri!: string;

  @Field()
  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;
}
