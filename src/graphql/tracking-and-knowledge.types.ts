import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, Length } from 'class-validator';
import { MAX_SEARCH_TEXT } from '../../projections/project-summaries/summary-search.query.js';
import { OUTCOME_REASONS, type OutcomeReason } from '../domain/project/vocabulary.js';
import { OutcomeReasonEnum, StageEnum, SummaryOutcomeEnum, TrackingKindEnum } from './enums.js';

@InputType({ description: '项目跟踪表筛选' })
export class TrackingTableFilterInput {
  @Field({ nullable: true }) @IsOptional() @Length(1, 100) ownerId?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 50) region?: string;
  @Field({ nullable: true, description: 'Only the projects whose next action is overdue' }) @IsOptional() @IsBoolean() overdueOnly?: boolean;
}

@ObjectType({ description: '最近一次跟踪' })
export class LastContactView {
  @Field(() => TrackingKindEnum) kind!: string;
  @Field({ description: 'YYYY-MM-DD' }) contactedOn!: string;
  @Field() note!: string;
  @Field(() => String, { nullable: true }) place!: string | null;
  @Field(() => String, { nullable: true, description: '客户反馈' }) customerFeedback!: string | null;
}

/** Which project a row or an entry is, and whose: the fields the table and the knowledge base both show first. */
@ObjectType({ isAbstract: true })
abstract class ProjectLineView {
  @Field() projectId!: string;
  @Field() title!: string;
  @Field() customer!: string;
  @Field() ownerId!: string;
  @Field() region!: string;
  @Field() productLine!: string;
}

@ObjectType({ description: '项目跟踪表的一行' })
export class TrackingRowView extends ProjectLineView {
  @Field(() => StageEnum) stage!: string;
  @Field(() => LastContactView, { nullable: true, description: 'Null until a tracking note is recorded' }) lastContact!: LastContactView | null;
  @Field(() => String, { nullable: true, description: 'The latest note\'s next action (a later note replaces it)' }) nextAction!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) nextActionOn!: string | null;
  @Field({ description: 'Its date is before the day, in Beijing, the table is read for' }) nextActionOverdue!: boolean;
  @Field(() => Int, { description: 'Tracking notes recorded' }) notes!: number;
  @Field(() => String, { nullable: true, description: 'The Monday of the last week reported to the supervisor' }) lastWeekReported!: string | null;
  @Field(() => Int, { description: '质询 waiting for an answer' }) openChallenges!: number;
}

@ObjectType()
export class TrackingTablePage {
  @Field(() => Int) total!: number;
  @Field(() => [TrackingRowView]) items!: TrackingRowView[];
}

@InputType({ description: '项目总结检索' })
export class SummarySearchInput {
  @Field({ nullable: true, description: 'Part of the customer\'s name' }) @IsOptional() @Length(1, MAX_SEARCH_TEXT) customer?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 50) productLine?: string;
  @Field(() => OutcomeReasonEnum, { nullable: true, description: 'A win or loss reason the summary names' }) @IsOptional() @IsIn(OUTCOME_REASONS) reason?: OutcomeReason;
  @Field(() => SummaryOutcomeEnum, { nullable: true }) @IsOptional() @IsIn(['WON', 'LOST', 'TERMINATED', 'NOT_BID', 'CUSTOMER_DECLINED']) outcome?: 'WON' | 'LOST' | 'TERMINATED' | 'NOT_BID' | 'CUSTOMER_DECLINED';
  @Field({ nullable: true, description: `Words found, literally and whatever the case, in the report, the lessons or the title (at most ${MAX_SEARCH_TEXT} characters)` })
  @IsOptional() @Length(1, MAX_SEARCH_TEXT) text?: string;
}

@ObjectType({ description: '项目总结（知识库条目）' })
export class SummaryEntryView extends ProjectLineView {
  @Field(() => SummaryOutcomeEnum) outcome!: string;
  @Field(() => [OutcomeReasonEnum], { description: 'Why it was won (a won project) or lost, ended or not bid' }) reasons!: OutcomeReason[];
  @Field() text!: string;
  @Field(() => String, { nullable: true, description: '经验教训' }) lessons!: string | null;
  @Field(() => [String], { description: '项目总结会 who took part' }) participants!: string[];
  @Field(() => String, { nullable: true }) meetingOn!: string | null;
  @Field(() => String, { nullable: true, description: 'When the summary was due' }) dueAt!: string | null;
  @Field() summarizedAt!: string;
  @Field(() => String, { nullable: true }) closedAt!: string | null;
}

@ObjectType()
export class SummaryPage {
  @Field(() => Int) total!: number;
  @Field(() => [SummaryEntryView]) items!: SummaryEntryView[];
}
