import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { Stage } from '../domain/project/state.js';
import type { LeadImportance, ProcurementMethod } from '../domain/project/vocabulary.js';
import { DocumentVersionView } from './audit.types.js';
import { CustomerConfirmationView, CustomerReceivedView, SentToCustomerView, SigningAppointmentView } from './customer.types.js';
import { Deadline } from './deadline.types.js';
import { TenderWorkView } from './tender-work.types.js';
import { LeadImportanceEnum, ProcurementMethodEnum, ProjectOutcomeEnum, StageEnum } from './enums.js';
import {
  ChallengeView, CompetitorNoteView, DemoView, ExchangeView, HandoverView, MeetingMemoView, MilestoneView, NegotiationView, QuotationVersionView, ReviewedVersionView, SummaryView,
  SurveyView, TrackingNoteView, WeeklyReportView,
} from './project-history.types.js';
import {
  AgreementView, ContractView, LeadView, PendingForwardView, QuotationView, RepresentativeView, ReviewView, SolutionRequestView, StandardSolutionUseView, TenderView, TerminationView,
} from './project-parts.types.js';
import { Money } from './project.types.js';
import { SalesControlView } from './sales-control.types.js';

@ObjectType({ description: '售前项目：当前状态（由事件流重放）' })
export class ProjectView {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Revision of the last event folded in' })
  revision!: number;

  @Field(() => StageEnum)
  stage!: Stage;

  @Field()
  title!: string;

  @Field()
  customer!: string;

  @Field()
  ownerId!: string;

  @Field()
  region!: string;

  @Field()
  productLine!: string;

  @Field(() => String, { nullable: true, description: 'MAJOR 重大项目 / GENERAL 一般项目' })
  projectClass?: string;

  @Field(() => Money)
  estimatedAmount!: Money;

  @Field(() => Money, { nullable: true, description: 'Signed contract amount when WON' })
  signedAmount?: Money;

  @Field(() => LeadImportanceEnum, { nullable: true, description: '重要程度 as the evaluator set it' })
  importance?: LeadImportance;

  @Field(() => LeadView, { description: '信息登记 the lead as registered, with its current owner' })
  lead!: LeadView;

  @Field(() => PendingForwardView, { nullable: true, description: 'A forward proposed by a screener, waiting for the forward approver' })
  pendingForward?: PendingForwardView;

  @Field({ description: 'An unclear lead waits for the evaluator' })
  evaluationRequested!: boolean;

  @Field(() => String, { nullable: true, description: '项目发起人 the sponsor named at approval' })
  sponsorId?: string;

  @Field(() => String, { nullable: true, description: '售前工程师 named at approval' })
  presalesEngineerId?: string;

  @Field(() => Boolean, { nullable: true, description: '成熟产品: a mature reference case at approval' })
  hasMatureReference?: boolean;

  @Field(() => [MilestoneView], { description: 'The milestones set at approval' })
  milestones!: MilestoneView[];

  @Field(() => [RepresentativeView], { description: '代表人 whom the department leader named to sign each document' })
  representatives!: RepresentativeView[];

  @Field({ description: 'A solution request waits for the director\'s signature of its dispatch or for the technical team\'s answer' })
  solutionRequestOpen!: boolean;

  @Field(() => SolutionRequestView, { nullable: true, description: '方案申请表 the latest solution request: its dispatch, the answer, a dispute and the sales GM\'s decision' })
  solutionRequest?: SolutionRequestView;

  @Field(() => StandardSolutionUseView, { nullable: true, description: '标准方案 the catalogue entry and version sent in place of a committee review' })
  standardSolution?: StandardSolutionUseView;

  @Field(() => String, { nullable: true, description: 'The solution\'s due date, YYYY-MM-DD' })
  solutionDueOn?: string;

  @Field(() => ExchangeView, { nullable: true, description: 'PSM010' })
  exchange?: ExchangeView;

  @Field(() => SurveyView, { nullable: true, description: 'PSM020' })
  survey?: SurveyView;

  @Field(() => ReviewView, { nullable: true, description: 'PSM030 the solution version in force and its review' })
  solution?: ReviewView;

  @Field(() => [ReviewedVersionView], { description: 'Every solution version submitted, with its reviewers, votes, comments, scores and outcome' })
  solutionVersions!: ReviewedVersionView[];

  @Field(() => Money, { nullable: true, description: '系统预算' })
  systemBudget?: Money;

  @Field(() => QuotationView, { nullable: true, description: 'PSM040 the quotation in force, its approvals needed and given' })
  quotation?: QuotationView;

  @Field(() => [QuotationVersionView], { description: 'Every quotation version submitted, with the approvals each got' })
  quotationVersions!: QuotationVersionView[];

  @Field(() => ProcurementMethodEnum, { nullable: true })
  procurement?: ProcurementMethod;

  @Field(() => TenderView, { description: 'PSM050' })
  tender!: TenderView;

  @Field(() => TenderWorkView, { description: 'PSM050 as it happened: advice, decisions, loan, purchase, evaluation, kick-off, technical bids, bond, sealing, opening, result' })
  tenderWork!: TenderWorkView;

  @Field(() => [NegotiationView], { description: 'PSM060 the negotiations recorded' })
  negotiations!: NegotiationView[];

  @Field(() => [DemoView], { description: '演示 the demos planned, in order, each with its plan, when held and by whom, and the customer\'s feedback' })
  demos!: DemoView[];

  @Field(() => [CompetitorNoteView], { description: '竞争信息 what was noted of competitors on this project, in order' })
  competitorNotes!: CompetitorNoteView[];

  @Field(() => [CustomerConfirmationView], { description: '客户确认 what the customer confirmed, in order, each on the version named' })
  customerConfirmations!: CustomerConfirmationView[];

  @Field(() => [SentToCustomerView], { description: '提交给客户 the approved versions sent to the customer, in order' })
  sentToCustomer!: SentToCustomerView[];

  @Field(() => CustomerReceivedView, { description: 'The version of each document the customer last received (sent or confirmed)' })
  customerReceived!: CustomerReceivedView;

  @Field(() => [SigningAppointmentView], { description: '签约预约 the signings booked with the customer, in order' })
  signingAppointments!: SigningAppointmentView[];

  @Field(() => [TrackingNoteView], { description: '项目跟踪 the tracking notes, in order' })
  trackingNotes!: TrackingNoteView[];

  @Field(() => [WeeklyReportView], { description: '每周汇总 the weekly tracking summaries reported to the supervisor, in order' })
  weeklyReports!: WeeklyReportView[];

  @Field(() => [ChallengeView], { description: '质询 the supervisor\'s challenges, in order, with their answers' })
  challenges!: ChallengeView[];

  @Field(() => [MeetingMemoView], { description: '会议备忘录 the project meetings recorded, in order' })
  meetingMemos!: MeetingMemoView[];

  @Field(() => AgreementView, { nullable: true, description: 'PSM060 the technical agreement in force: its review and signature' })
  agreement?: AgreementView;

  @Field(() => [ReviewedVersionView], { description: 'Every technical agreement version submitted and its review' })
  agreementVersions!: ReviewedVersionView[];

  @Field(() => ContractView, { nullable: true, description: 'PSM070/080 the contract in force' })
  contract?: ContractView;

  @Field(() => TerminationView, { nullable: true, description: 'A termination request waiting for its deciders' })
  termination?: TerminationView;

  @Field(() => ProjectOutcomeEnum, { nullable: true, description: 'How a closed or lost project ended' })
  outcome?: string;

  @Field()
  handedOver!: boolean;

  @Field(() => HandoverView, { nullable: true })
  handover?: HandoverView;

  @Field()
  summarized!: boolean;

  @Field(() => SummaryView, { nullable: true })
  summary?: SummaryView;

  @Field(() => [DocumentVersionView], { description: 'Every document version the project filed, in order' })
  documents!: DocumentVersionView[];

  @Field(() => [Deadline], { description: '在途时限 the open time limits, earliest due first' })
  openDeadlines!: Deadline[];

  @Field(() => SalesControlView, { description: '售前项目管理（文件004）：销售策划案、任务书、预算与实际、费用、项目进展分析会、月度进展报告、任务书调整' })
  salesControl!: SalesControlView;

  @Field(() => GraphQLJSON, {
    description: 'The whole state: reviews, quotation, tender, contract, termination; who signed the agreement and the contract in which capacity, and their signed scans',
    deprecationReason: 'Untyped; read the typed fields (lead, solution, quotation, contract, …) instead',
  })
  details!: Record<string, unknown>;
}
