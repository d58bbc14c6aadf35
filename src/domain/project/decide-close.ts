import type { AttachDocument, DecideTermination, RecordCustomerDeclined, RequestTermination, SummarizeProject } from './commands.js';
import { hasRole, requireStage, requireText, type DecisionContext } from './decision-context.js';
import { summaryDeadline } from './deadlines.js';
import { namesOf, requirePastDay } from './decide-tracking.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import { CLOSED_STAGES, type Project } from './state.js';

export function requestTermination(project: Project, { data }: RequestTermination, context: DecisionContext): ProjectEvent[] {
  if (CLOSED_STAGES.includes(project.stage)) refuse('INVALID_TRANSITION', `the project is already ${project.stage}`);
  if (project.termination) refuse('INVALID_TRANSITION', 'a termination request is already waiting for a decision');
  const deciders = context.policy.terminationDeciders[project.projectClass ?? 'GENERAL'];
  return [{ type: 'TerminationRequested', data: { reason: requireText(data.reason, 'a reason for the termination'), requestedBy: context.actor.userId, deciders } }];
}

export function decideTermination(project: Project, { data }: DecideTermination, context: DecisionContext): ProjectEvent[] {
  if (!project.termination) return refuse('INVALID_TRANSITION', 'no termination has been requested');
  // a project that closed (won, lost) while the request waited keeps its outcome: only an open stage is terminated
  if (CLOSED_STAGES.includes(project.stage)) refuse('INVALID_TRANSITION', `the project is already ${project.stage}`);
  const { deciders } = project.termination;
  if (!hasRole(context, deciders)) refuse('APPROVAL_LEVEL_REQUIRED', `this termination is decided by ${deciders.join(' or ')}`);
  const decidedBy = context.actor.userId;
  if (data.approve) return [{ type: 'ProjectTerminated', data: { decidedBy, comments: data.comments, ...summaryDeadline(project, context) } }];
  return [{ type: 'TerminationDeclined', data: { decidedBy, comments: requireText(data.comments, 'comments on a declined termination') } }];
}

/** 项目总结 (S4 第六步): the reasons, the report, the people of the summary meeting and its day, the lessons. */
export function summarizeProject(project: Project, { data }: SummarizeProject, context: DecisionContext): ProjectEvent[] {
  // every project that ran its course gets a summary: won, lost, terminated, or closed without a bid
  const ended = project.outcome === 'NO_BID' || project.outcome === 'CUSTOMER_DECLINED';
  if (!(['WON', 'LOST', 'TERMINATED'].includes(project.stage) || ended)) {
    refuse('INVALID_TRANSITION', `not possible at stage ${project.stage} (needs WON, LOST, TERMINATED, a tender not bid or a customer's refusal)`);
  }
  if (project.stage === 'WON' && !project.handedOver) refuse('INVALID_TRANSITION', 'a won project is handed over before its summary');
  if (project.summarized) refuse('INVALID_TRANSITION', 'the project is already summarized');
  if (data.reasons.length === 0) refuse('REASON_REQUIRED', 'the summary names at least one win/loss reason');
  const outcome = project.outcome === 'NO_BID' ? 'NOT_BID' : project.outcome === 'CUSTOMER_DECLINED' ? 'CUSTOMER_DECLINED' : (project.stage as 'WON' | 'LOST' | 'TERMINATED');
  const text = requireText(data.text, 'the summary text');
  const participants = namesOf(data.participants, 'the summary meeting\'s participants');
  const meetingOn = data.meetingOn && requirePastDay(data.meetingOn, 'the summary meeting', context);
  return [{
    type: 'ProjectSummarized',
    data: { outcome, reasons: data.reasons, text, participants, ...(meetingOn ? { meetingOn } : {}), ...(data.lessons?.trim() ? { lessons: data.lessons } : {}) },
  }];
}

export function attachDocument({ data }: AttachDocument): ProjectEvent[] {
  return [{ type: 'DocumentAttached', data }];
}

/** Where each refusal can happen: the solution at PSM030 or once passed (before its quotation), the agreement at PSM060, the contract intent once the agreement is signed. */
const DECLINED_AT = {
  SOLUTION: ['PSM030_SOLUTION', 'PSM040_QUOTATION'], TECHNICAL_AGREEMENT: ['PSM060_NEGOTIATION'], CONTRACT_INTENT: ['PSM070_CONTRACT'],
} as const;

/** 未得到用户认可…则流程结束: the customer's refusal ends the project, with no termination to approve and no loss. */
export function recordCustomerDeclined(project: Project, { data }: RecordCustomerDeclined, context: DecisionContext): ProjectEvent[] {
  requireStage(project, ...DECLINED_AT[data.subject]);
  if (data.subject === 'SOLUTION' && project.quotation) refuse('INVALID_TRANSITION', 'the customer accepted the solution: a quotation follows it');
  if (data.subject === 'CONTRACT_INTENT' && project.confirmed?.CONTRACT_INTENT !== undefined) refuse('INVALID_TRANSITION', 'the customer stated its intent to sign a contract');
  return [{
    type: 'CustomerDeclined',
    data: { subject: data.subject, reason: requireText(data.reason, 'what the customer said'), recordedBy: context.actor.userId, ...summaryDeadline(project, context) },
  }];
}
