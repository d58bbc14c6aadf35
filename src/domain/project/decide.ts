import { commandRoles } from '../policy/responsibilities.js';
import type { ProjectCommand } from './commands.js';
import { attachDocument, decideTermination, recordCustomerDeclined, requestTermination, summarizeProject } from './decide-close.js';
import { countersign, draftContract, signContract } from './decide-contract.js';
import { confirmOralAgreement, handOver, receiveHandover } from './decide-handover.js';
import { bookSigning, recordCustomerConfirmation, sendToCustomer } from './decide-customer.js';
import { addTrackingNote, answerChallenge, raiseChallenge, recordMeetingMemo, reportWeeklyTracking } from './decide-tracking.js';
import { rateCollaboration, sendSatisfactionSurvey } from './decide-satisfaction-and-collaboration.js';
import { noteCompetitor, planDemo, recordDemoFeedback, recordDemoHeld } from './decide-demos-and-competitors.js';
import {
  approveProject, assignLead, decideForward, evaluateLead, recordExchange, recordSurvey, registerLead, requestLeadEvaluation, screenLead,
} from './decide-lead.js';
import {
  answerSolutionRequest, decideSolutionDispute, disputeSolutionAnswer, requestSolution, sendStandardSolution, signDispatchRequest,
} from './decide-solution-request.js';
import { approveQuotation, chooseProcurement, submitQuotation } from './decide-quotation.js';
import { archiveSignedScan, nameSigningRepresentative } from './decide-signing.js';
import { castVote, conveneReview, setSystemBudget, signTechnicalAgreement, submitSolution, submitTechnicalAgreement } from './decide-review.js';
import { adviseBid, evaluateTenderDocuments, holdBidKickOff, recordBidOpening, submitTechnicalBid } from './decide-bid-work.js';
import { decideBid, recordBidResult, recordBidStep, recordNegotiation } from './decide-tender.js';
import { bookPresalesCost, confirmTaskBook, fileSalesPlan, fileTaskBook } from './decide-sales-plan.js';
import { confirmPlanAdjustment, decidePlanAdjustment, holdWarRoomMeeting, reportMonthlyProgress, requestPlanAdjustment } from './decide-plan-control.js';
import { hasRole, type DecisionContext } from './decision-context.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import type { ProjectState } from './state.js';

/** The procedure's rules: what a command, given the project so far, makes happen. Pure. */
export function decide(command: ProjectCommand, state: ProjectState, context: DecisionContext): ProjectEvent[] {
  const allowed = commandRoles(context.policy, command.type);
  if (!hasRole(context, allowed)) refuse('NOT_ALLOWED_FOR_ROLE', `${command.type} needs one of the roles ${allowed.join(', ')} under the ${context.policy.profile} policy`);
  if (command.type === 'RegisterLead') {
    if (state.stage !== 'NONE') refuse('PROJECT_EXISTS', `project ${command.data.projectId} already exists`);
    return registerLead(command, context);
  }
  if (state.stage === 'NONE') return refuse('PROJECT_NOT_FOUND', 'no such project');
  const project = state;
  switch (command.type) {
    case 'ScreenLead':
      return screenLead(project, command, context);
    case 'AssignLead':
      return assignLead(project, command, context);
    case 'DecideForward':
      return decideForward(project, command, context);
    case 'RequestLeadEvaluation':
      return requestLeadEvaluation(project, command, context);
    case 'EvaluateLead':
      return evaluateLead(project, command, context);
    case 'ApproveProject':
      return approveProject(project, command, context);
    case 'RequestSolution':
      return requestSolution(project, command, context);
    case 'SignDispatchRequest':
      return signDispatchRequest(project, command, context);
    case 'AnswerSolutionRequest':
      return answerSolutionRequest(project, command, context);
    case 'DisputeSolutionAnswer':
      return disputeSolutionAnswer(project, command, context);
    case 'DecideSolutionDispute':
      return decideSolutionDispute(project, command, context);
    case 'SendStandardSolution':
      return sendStandardSolution(project, command, context);
    case 'RecordExchange':
      return recordExchange(project, command, context);
    case 'RecordSurvey':
      return recordSurvey(project, command, context);
    case 'SubmitSolution':
      return submitSolution(project, command, context);
    case 'SetSystemBudget':
      return setSystemBudget(project, command, context);
    case 'ConveneReview':
      return conveneReview(project, command, context);
    case 'ApproveReview':
    case 'RejectReview':
      return castVote(project, command, context);
    case 'SubmitQuotation':
      return submitQuotation(project, command, context);
    case 'ApproveQuotation':
      return approveQuotation(project, command, context);
    case 'ChooseProcurement':
      return chooseProcurement(project, command);
    case 'AdviseBid':
      return adviseBid(project, command, context);
    case 'DecideBid':
      return decideBid(project, command, context);
    case 'RecordBidStep':
      return recordBidStep(project, command, context);
    case 'EvaluateTenderDocuments':
      return evaluateTenderDocuments(project, command, context);
    case 'HoldBidKickOff':
      return holdBidKickOff(project, command, context);
    case 'SubmitTechnicalBid':
      return submitTechnicalBid(project, command, context);
    case 'RecordBidOpening':
      return recordBidOpening(project, command, context);
    case 'RecordBidResult':
      return recordBidResult(project, command, context);
    case 'RecordNegotiation':
      return recordNegotiation(project, command);
    case 'SubmitTechnicalAgreement':
      return submitTechnicalAgreement(project, command, context);
    case 'SignTechnicalAgreement':
      return signTechnicalAgreement(project, command, context);
    case 'DraftContract':
      return draftContract(project, command, context);
    case 'Countersign':
      return countersign(project, command, context);
    case 'SignContract':
      return signContract(project, command, context);
    case 'NameSigningRepresentative':
      return nameSigningRepresentative(project, command, context);
    case 'ArchiveSignedScan':
      return archiveSignedScan(project, command, context);
    case 'RecordCustomerDeclined':
      return recordCustomerDeclined(project, command, context);
    case 'RequestTermination':
      return requestTermination(project, command, context);
    case 'DecideTermination':
      return decideTermination(project, command, context);
    case 'HandOver':
      return handOver(project, command, context);
    case 'ConfirmOralAgreement':
      return confirmOralAgreement(project, command, context);
    case 'ReceiveHandover':
      return receiveHandover(project, command, context);
    case 'SummarizeProject':
      return summarizeProject(project, command, context);
    case 'AddTrackingNote':
      return addTrackingNote(command, context);
    case 'ReportWeeklyTracking':
      return reportWeeklyTracking(project, command, context);
    case 'RaiseChallenge':
      return raiseChallenge(project, command, context);
    case 'AnswerChallenge':
      return answerChallenge(project, command, context);
    case 'RecordMeetingMemo':
      return recordMeetingMemo(command, context);
    case 'PlanDemo':
      return planDemo(project, command, context);
    case 'RecordDemoHeld':
      return recordDemoHeld(project, command, context);
    case 'RecordDemoFeedback':
      return recordDemoFeedback(project, command);
    case 'NoteCompetitor':
      return noteCompetitor(command, context);
    case 'RecordCustomerConfirmation':
      return recordCustomerConfirmation(project, command, context);
    case 'SendToCustomer':
      return sendToCustomer(project, command, context);
    case 'BookSigning':
      return bookSigning(project, command, context);
    case 'AttachDocument':
      return attachDocument(command);
    case 'SendSatisfactionSurvey':
      return sendSatisfactionSurvey(project, command, context);
    case 'RateCollaboration':
      return rateCollaboration(project, command, context);
    case 'FileSalesPlan':
      return fileSalesPlan(project, command, context);
    case 'FileTaskBook':
      return fileTaskBook(project, command, context);
    case 'ConfirmTaskBook':
      return confirmTaskBook(project, command, context);
    case 'BookPresalesCost':
      return bookPresalesCost(project, command, context);
    case 'HoldWarRoomMeeting':
      return holdWarRoomMeeting(project, command, context);
    case 'ReportMonthlyProgress':
      return reportMonthlyProgress(project, command, context);
    case 'RequestPlanAdjustment':
      return requestPlanAdjustment(project, command, context);
    case 'ConfirmPlanAdjustment':
      return confirmPlanAdjustment(project, command, context);
    case 'DecidePlanAdjustment':
      return decidePlanAdjustment(project, command, context);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
