import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { IsDate, IsInt, IsOptional, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import type { BreakReason, ChainVerification } from '../application/audit/event-chain.js';

@ObjectType({ description: '操作人 Who issued the command' })
export class ActorView {
  @Field() userId!: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => [String]) roles!: string[];
}

@ObjectType({ description: '文档版本 A document version filed in the project' })
export class DocumentVersionView {
  @Field() kind!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) version!: string | null;
  @Field() sha256!: string;
  @Field() uri!: string;
  @Field(() => Int, { description: 'Revision of the event that filed it' }) filedAt!: number;
}

@ObjectType({ description: '项目历史中的一条事件' })
export class HistoryEntryView {
  @Field(() => Int) revision!: number;
  @Field() type!: string;
  @Field({ description: '中文名称' }) label!: string;
  @Field() occurredAt!: string;
  @Field() recordedAt!: string;
  @Field(() => ActorView) actor!: ActorView;
  @Field() commandId!: string;
  @Field() correlationId!: string;
  @Field(() => GraphQLJSON, { description: 'The event data, amounts in fen' }) payload!: Record<string, unknown>;
  @Field(() => DocumentVersionView, { nullable: true, description: 'For a review vote, quotation approval, countersign or agreement signature: the version decided on' })
  decidedDocument!: DocumentVersionView | null;
}

@ObjectType({ description: '项目历史（按修订号分页）' })
export class HistoryPageView {
  @Field(() => ID) projectId!: string;
  @Field(() => Int, { description: 'Revision of the project’s last event' }) headRevision!: number;
  @Field(() => [HistoryEntryView]) entries!: HistoryEntryView[];
  @Field(() => Int, { nullable: true, description: 'Pass as `from` for the next page; null on the last page' }) nextFrom!: number | null;
}

@InputType({ description: '历史中的一个时点：某一时刻（当时已记录的事件）或某一修订号，二者选一' })
export class ReplayPointInput {
  @Field(() => GraphQLDateTime, { nullable: true }) @IsOptional() @IsDate() asOf?: Date;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) atRevision?: number;
}

@ObjectType({ description: 'A field that differs between two points' })
export class FieldChangeView {
  @Field({ description: 'stage, amounts.*, documents, approvals.*, signers' }) field!: string;
  @Field(() => GraphQLJSON, { nullable: true }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) after!: unknown;
}

@ObjectType({ description: '两个时点之间的变化' })
export class ProjectDiffView {
  @Field(() => Int, { description: '-1 when the project did not exist yet' }) fromRevision!: number;
  @Field(() => Int) toRevision!: number;
  @Field(() => [FieldChangeView]) changes!: FieldChangeView[];
}

export enum ChainStatus { INTACT = 'INTACT', BROKEN = 'BROKEN', UNCHAINED = 'UNCHAINED' }
export enum ChainBreakReason { REVISION_GAP = 'REVISION_GAP', CONTENT_ALTERED = 'CONTENT_ALTERED', BROKEN_LINK = 'BROKEN_LINK', CHAIN_STRIPPED = 'CHAIN_STRIPPED' }
registerEnumType(ChainStatus, {
  name: 'ChainStatus',
  valuesMap: { INTACT: { description: '完整' }, BROKEN: { description: '被篡改' }, UNCHAINED: { description: 'Some events predate the chain: reported, not verified' } },
});
registerEnumType(ChainBreakReason, { name: 'ChainBreakReason' });

@ObjectType({ description: 'The first event where the hash chain breaks' })
export class ChainBreakView {
  @Field(() => Int) revision!: number;
  @Field() eventId!: string;
  @Field() type!: string;
  @Field(() => ChainBreakReason) reason!: BreakReason;
  @Field() expected!: string;
  @Field() actual!: string;
}

@ObjectType({ description: '防篡改校验 The hash chain of a project’s stream, recomputed from the events as stored' })
export class ChainVerificationView {
  @Field(() => ID) projectId!: string;
  @Field(() => ChainStatus) status!: ChainVerification['status'];
  @Field(() => Int) events!: number;
  @Field(() => Int, { description: 'Events written before the chain existed' }) unchained!: number;
  @Field(() => String, { nullable: true }) headHash!: string | null;
  @Field(() => ChainBreakView, { nullable: true }) firstBreak?: ChainBreakView;
}
