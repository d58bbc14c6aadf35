import { UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { ExecuteProjectCommand, type CommandResult as Result } from '../application/execute-project-command.js';
import { GetProject, type FoundProject } from '../application/get-project.query.js';
import { ProjectAccess } from '../application/project-access.js';
import { projectIdFor } from '../application/project-stream.js';
import type { ProjectCommand } from '../domain/project/commands.js';
import type { AuthenticatedActor } from '../auth/actor.js';
import { AuthGuard, CurrentActor } from '../auth/auth.guard.js';
import { CanonicalUuidPipe } from './canonical-uuid.js';
import * as close from './inputs/close.input.js';
import * as contract from './inputs/contract.input.js';
import * as customer from './inputs/customer.input.js';
import * as demo from './inputs/demo-and-competitor.input.js';
import * as lead from './inputs/lead.input.js';
import * as quotation from './inputs/quotation.input.js';
import * as review from './inputs/review.input.js';
import * as tender from './inputs/tender.input.js';
import * as tracking from './inputs/tracking.input.js';
import { projectViewOf } from './project-view.js';
import { runProjectCommand, type CommandFields, type DataOf } from './run-project-command.js';
import { ProjectView } from './project-view.types.js';
import { CommandResult } from './project.types.js';


/** One mutation per command of the procedure; each goes straight to the command bus. */
@Resolver(() => ProjectView)
@UseGuards(AuthGuard)
export class ProjectResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly access: ProjectAccess,
  ) {}

  private run<Type extends ProjectCommand['type']>(type: Type, input: CommandFields, actor: AuthenticatedActor, build?: (data: DataOf<Type>) => DataOf<Type>): Promise<Result> {
    return runProjectCommand(this.commands, type, input, actor, build);
  }

  @Query(() => ProjectView, { nullable: true, description: '项目状态（由事件流重放）: now, or as it was at an instant or a revision (give one of asOf, atRevision)' })
  async project(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('id', { type: () => ID }, new CanonicalUuidPipe()) id: string,
    @Args('asOf', { type: () => GraphQLDateTime, nullable: true, description: 'The state from the events recorded by this instant' }) asOf?: Date,
    @Args('atRevision', { type: () => Int, nullable: true, description: 'The state after this revision' }) atRevision?: number,
  ): Promise<ProjectView | null> {
    // a project the caller may not see reads as absent
    if (!(await this.access.maySee(actor, id))) return null;
    const found = await this.queries.execute<GetProject, FoundProject | null>(new GetProject(id, { asOf, atRevision }));
    // the clocks of a past state are overdue as of that instant
    return found && projectViewOf(found, (asOf ?? new Date()).toISOString());
  }

  @Mutation(() => CommandResult, { description: '信息登记 Register a lead' })
  registerLead(@Args('input') input: lead.RegisterLeadInput, @CurrentActor() actor: AuthenticatedActor) {
    const projectId = input.projectId ?? projectIdFor(actor.userId, input.commandId);
    return this.run('RegisterLead', { ...input, projectId }, actor, (data) => ({ ...data, projectId }));
  }

  @Mutation(() => CommandResult, { description: '筛选 Screen a lead' })
  screenLead(@Args('input') input: lead.ScreenLeadInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('ScreenLead', input, actor);
  }

  @Mutation(() => CommandResult, { description: '分派 Assign the lead to an account manager, who owns it (or reassign it)' })
  assignLead(@Args('input') input: lead.AssignLeadInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('AssignLead', input, actor);
  }

  @Mutation(() => CommandResult, { description: '转交审批 Approve or decline a proposed forward to another business unit' })
  decideForward(@Args('input') input: lead.DecideForwardInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('DecideForward', input, actor);
  }

  @Mutation(() => CommandResult, { description: '提交评估 Send an unclear lead to the evaluator' })
  requestLeadEvaluation(@Args('input') input: lead.RequestLeadEvaluationInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('RequestLeadEvaluation', input, actor);
  }

  @Mutation(() => CommandResult, { description: '评估 Set the importance of a lead' })
  evaluateLead(@Args('input') input: lead.EvaluateLeadInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('EvaluateLead', input, actor);
  }

  @Mutation(() => CommandResult, { description: '立项 Approve the project' })
  approveProject(@Args('input') input: lead.ApproveProjectInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('ApproveProject', input, actor);
  }

  @Mutation(() => CommandResult, { description: '方案申请 Ask the technical team for a solution' })
  requestSolution(@Args('input') input: lead.RequestSolutionInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('RequestSolution', input, actor);
  }

  @Mutation(() => CommandResult, { description: '方案申请答复 Answer a solution request: make it, or decline in writing' })
  answerSolutionRequest(@Args('input') input: lead.AnswerSolutionRequestInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('AnswerSolutionRequest', input, actor);
  }

  @Mutation(() => CommandResult, { description: '派人交流单签字 The director signs the dispatch request, or refuses the trip; the request goes on to the technical team' })
  signDispatchRequest(@Args('input') input: lead.SignDispatchRequestInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('SignDispatchRequest', input, actor);
  }

  @Mutation(() => CommandResult, { description: '异议 Sales disputes the technical team\'s refusal; the sales GM decides' })
  disputeSolutionAnswer(@Args('input') input: lead.DisputeSolutionAnswerInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('DisputeSolutionAnswer', input, actor);
  }

  @Mutation(() => CommandResult, { description: '销售总经理评判 The sales GM decides a disputed solution request; the decision binds' })
  decideSolutionDispute(@Args('input') input: lead.DecideSolutionDisputeInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('DecideSolutionDispute', input, actor);
  }

  @Mutation(() => CommandResult, { description: '标准方案 Send a standard product\'s reference solution and reference price from the catalogue; the project goes on to its quotation without a committee review' })
  sendStandardSolution(@Args('input') input: lead.SendStandardSolutionInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('SendStandardSolution', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM010 现场交流 Record the on-site exchange' })
  recordExchange(@Args('input') input: lead.RecordExchangeInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('RecordExchange', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM020 现场调研 Record the site survey' })
  recordSurvey(@Args('input') input: lead.RecordSurveyInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('RecordSurvey', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM030 编制解决方案 Submit a solution version for review' })
  submitSolution(@Args('input') input: review.SubmitSolutionInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('SubmitSolution', input, actor);
  }

  @Mutation(() => CommandResult, { description: '系统预算 Set the system budget of the solution (account manager)' })
  setSystemBudget(@Args('input') input: review.SetSystemBudgetInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('SetSystemBudget', input, actor);
  }

  @Mutation(() => CommandResult, { description: '组织评审 Convene the review of the submitted version and name its reviewers' })
  conveneReview(@Args('input') input: review.ConveneReviewInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('ConveneReview', input, actor);
  }

  @Mutation(() => CommandResult, { description: '评审通过 Approve the open review' })
  approveReview(@Args('input') input: review.ApproveReviewInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('ApproveReview', input, actor);
  }

  @Mutation(() => CommandResult, { description: '评审不通过 Reject the open review, with comments' })
  rejectReview(@Args('input') input: review.RejectReviewInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('RejectReview', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM040 确定报价 Submit a quotation' })
  submitQuotation(@Args('input') input: quotation.SubmitQuotationInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('SubmitQuotation', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM040 报价审批 Approve the quotation in force' })
  approveQuotation(@Args('input') input: quotation.ApproveQuotationInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('ApproveQuotation', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM040 采购方式 Choose tender or negotiation' })
  chooseProcurement(@Args('input') input: quotation.ChooseProcurementInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('ChooseProcurement', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM050 投标建议 Advise bid / no-bid before the decision' })
  adviseBid(@Args('input') input: tender.AdviseBidInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('AdviseBid', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM050 投标决策 Decide bid / no-bid: the intent before the documents are bought, the final decision once they are evaluated' })
  decideBid(@Args('input') input: quotation.DecideBidInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('DecideBid', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM050 投标过程 Record a tender step: loan signed, documents bought, bond paid, documents checked, sealed, bid submitted' })
  recordBidStep(@Args('input') input: quotation.RecordBidStepInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('RecordBidStep', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM050 评估标书 Record the tender documents evaluated, before the final bid decision' })
  evaluateTenderDocuments(@Args('input') input: tender.EvaluateTenderDocumentsInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('EvaluateTenderDocuments', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM050 投标碰头会 Record the kick-off meeting: who attended, who writes what by when' })
  holdBidKickOff(@Args('input') input: tender.HoldBidKickOffInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('HoldBidKickOff', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM050 投标技术方案 Submit the technical bid and the project cost' })
  submitTechnicalBid(@Args('input') input: tender.SubmitTechnicalBidInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('SubmitTechnicalBid', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM050 开标 Record the opening: who went, the presentation, the technical questions, the other bidders' })
  recordBidOpening(@Args('input') input: tender.RecordBidOpeningInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('RecordBidOpening', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM050 开标结果 Record the bid result' })
  recordBidResult(@Args('input') input: quotation.RecordBidResultInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('RecordBidResult', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM060 商务谈判 Record a negotiation' })
  recordNegotiation(@Args('input') input: quotation.RecordNegotiationInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('RecordNegotiation', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM060 技术协议 Submit a technical agreement for review' })
  submitTechnicalAgreement(@Args('input') input: review.SubmitTechnicalAgreementInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('SubmitTechnicalAgreement', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM060 签署技术协议 Sign the technical agreement' })
  signTechnicalAgreement(@Args('input') input: review.SignTechnicalAgreementInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('SignTechnicalAgreement', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM070 确定合同文本 Draft the contract' })
  draftContract(@Args('input') input: contract.DraftContractInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('DraftContract', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM070 会签 Countersign or send back the contract' })
  countersign(@Args('input') input: contract.CountersignInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('Countersign', input, actor);
  }

  @Mutation(() => CommandResult, { description: 'PSM080 签订合同 Sign the contract' })
  signContract(@Args('input') input: contract.SignContractInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('SignContract', input, actor);
  }

  @Mutation(() => CommandResult, { description: '指定签约代表人 The department leader names who signs the technical agreement or the contract for them' })
  nameSigningRepresentative(@Args('input') input: contract.NameSigningRepresentativeInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('NameSigningRepresentative', input, actor);
  }

  @Mutation(() => CommandResult, { description: '纸质签字版归档 File the scan of the signed technical agreement or contract' })
  archiveSignedScan(@Args('input') input: contract.ArchiveSignedScanInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('ArchiveSignedScan', input, actor);
  }

  @Mutation(() => CommandResult, { description: '客户不接受 The customer declined the solution, the technical agreement or a contract: the project ends (no termination to approve, no loss)' })
  recordCustomerDeclined(@Args('input') input: close.RecordCustomerDeclinedInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('RecordCustomerDeclined', input, actor);
  }

  @Mutation(() => CommandResult, {
    description: '客户确认 The customer confirmed the version in force: the exchange memo, the solution and its budget (a quotation waits for it), the technical agreement\'s terms (its signing waits for it), the intent to sign a contract (drafting it waits for it) or the contract\'s terms (its signing waits for it)',
  })
  recordCustomerConfirmation(@Args('input') input: customer.RecordCustomerConfirmationInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('RecordCustomerConfirmation', input, actor);
  }

  @Mutation(() => CommandResult, { description: '提交给客户 An approved version went to the customer: what the customer last received is known' })
  sendToCustomer(@Args('input') input: customer.SendToCustomerInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('SendToCustomer', input, actor);
  }

  @Mutation(() => CommandResult, { description: '签约预约 Book the signing of the approved technical agreement or the countersigned contract with the customer' })
  bookSigning(@Args('input') input: customer.BookSigningInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('BookSigning', input, actor);
  }

  @Mutation(() => CommandResult, { description: '项目终止申请 Request termination' })
  requestTermination(@Args('input') input: close.RequestTerminationInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('RequestTermination', input, actor);
  }

  @Mutation(() => CommandResult, { description: '项目终止审批 Decide a termination request' })
  decideTermination(@Args('input') input: close.DecideTerminationInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('DecideTermination', input, actor);
  }

  @Mutation(() => CommandResult, { description: '移交 Hand the won project over to a named engineer of the delivery team; a list lacking a required kind is refused with HANDOVER_INCOMPLETE and extensions.missingKinds' })
  handOver(@Args('input') input: close.HandOverInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('HandOver', input, actor);
  }

  @Mutation(() => CommandResult, { description: '口头协议确认 Confirm an oral agreement put in writing on the handover list' })
  confirmOralAgreement(@Args('input') input: close.ConfirmOralAgreementInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('ConfirmOralAgreement', input, actor);
  }

  @Mutation(() => CommandResult, { description: '移交接收确认 The engineer the handover names confirms receipt, which closes it' })
  receiveHandover(@Args('input') input: close.ReceiveHandoverInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('ReceiveHandover', input, actor);
  }

  @Mutation(() => CommandResult, { description: '项目总结 Summarize a won, lost or terminated project' })
  summarizeProject(@Args('input') input: close.SummarizeProjectInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('SummarizeProject', input, actor);
  }

  @Mutation(() => CommandResult, { description: '项目跟踪 Add a tracking note' })
  addTrackingNote(@Args('input') input: close.AddTrackingNoteInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('AddTrackingNote', input, actor);
  }

  @Mutation(() => CommandResult, { description: '每周汇总 Report a week of a project\'s tracking to the supervisor' })
  reportWeeklyTracking(@Args('input') input: tracking.ReportWeeklyTrackingInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('ReportWeeklyTracking', input, actor);
  }

  @Mutation(() => CommandResult, { description: '质询 Question a project\'s tracking' })
  raiseChallenge(@Args('input') input: tracking.RaiseChallengeInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('RaiseChallenge', input, actor);
  }

  @Mutation(() => CommandResult, { description: '质询答复 Answer a challenge' })
  answerChallenge(@Args('input') input: tracking.AnswerChallengeInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('AnswerChallenge', input, actor);
  }

  @Mutation(() => CommandResult, { description: '会议备忘录 Record a project meeting: day, place, participants, subject, decisions, the memo' })
  recordMeetingMemo(@Args('input') input: tracking.RecordMeetingMemoInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('RecordMeetingMemo', input, actor);
  }

  @Mutation(() => CommandResult, { description: '演示准备 Plan a demo: audience, environment, agenda, duration' })
  planDemo(@Args('input') input: demo.PlanDemoInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('PlanDemo', input, actor);
  }

  @Mutation(() => CommandResult, { description: '演示实施 Record a planned demo held: who presented, on which day' })
  recordDemoHeld(@Args('input') input: demo.RecordDemoHeldInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('RecordDemoHeld', input, actor);
  }

  @Mutation(() => CommandResult, { description: '演示客户反馈 Record the customer\'s feedback on a demo held' })
  recordDemoFeedback(@Args('input') input: demo.RecordDemoFeedbackInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('RecordDemoFeedback', input, actor);
  }

  @Mutation(() => CommandResult, { description: '竞争信息 Note a competitor: strengths, weaknesses, price where known' })
  noteCompetitor(@Args('input') input: demo.NoteCompetitorInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('NoteCompetitor', input, actor);
  }

  @Mutation(() => CommandResult, { description: '归档 Attach a document' })
  attachDocument(@Args('input') input: close.AttachDocumentInput, @CurrentActor() actor: AuthenticatedActor) {
    return this.run('AttachDocument', input, actor);
  }
}
