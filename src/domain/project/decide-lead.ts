import { projectClassFor } from '../policy/policy.js';
import { shanghaiDate } from '../policy/working-calendar.js';
import { LEAD_IMPORTANCE } from './vocabulary.js';
import type {
  ApproveProject, AssignLead, DecideForward, EvaluateLead, RecordExchange, RecordSurvey, RegisterLead, RequestLeadEvaluation, ScreenLead,
} from './commands.js';
import { hasResponsibility, requireMoney, requireStage, requireText, hasRole, type DecisionContext } from './decision-context.js';
import { solutionDeadline } from './deadlines.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import { CLOSED_STAGES, type Project } from './state.js';

export function registerLead({ data }: RegisterLead, context: DecisionContext): ProjectEvent[] {
  requireMoney(data.estimatedAmount, 'the estimated amount', context);
  const { userId, businessUnit } = context.actor;
  return [{ type: 'LeadRegistered', data: { ...data, ownerId: userId, ...(businessUnit ? { businessUnit } : {}) } }];
}

export function screenLead(project: Project, { data }: ScreenLead, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'LEAD');
  requireNoPendingForward(project);
  const screenedBy = context.actor.userId;
  switch (data.decision) {
    case 'QUALIFY':
      return [{ type: 'LeadQualified', data: { screenedBy } }];
    case 'REJECT':
      return [{ type: 'LeadRejected', data: { screenedBy, reason: requireText(data.reason, 'a reason for the rejection') } }];
    case 'FORWARD': {
      const businessUnit = requireText(data.businessUnit, 'the business unit forwarded to');
      // 经部长审核同意后转公司其他事业部: a screener who may not approve forwards proposes one
      if (hasResponsibility(context, 'approveForward')) {
        return [{ type: 'LeadForwarded', data: { screenedBy, businessUnit, reason: data.reason, approvedBy: screenedBy } }];
      }
      return [{ type: 'LeadForwardProposed', data: { proposedBy: screenedBy, businessUnit, reason: data.reason } }];
    }
  }
}

function requireNoPendingForward(project: Project): void {
  if (project.pendingForward) refuse('INVALID_TRANSITION', `a forward to ${project.pendingForward.businessUnit} waits for its approval`);
}

export function decideForward(project: Project, { data }: DecideForward, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'LEAD');
  const pending = project.pendingForward;
  if (!pending) return refuse('INVALID_TRANSITION', 'no forward waits for a decision');
  const decidedBy = context.actor.userId;
  if (data.approve) {
    return [{ type: 'LeadForwarded', data: { screenedBy: pending.proposedBy, businessUnit: pending.businessUnit, reason: pending.reason, approvedBy: decidedBy } }];
  }
  return [{ type: 'LeadForwardDeclined', data: { decidedBy, comments: requireText(data.comments, 'a reason for keeping the lead') } }];
}

/** 分派 and re-assignment: at any open stage, to someone other than the owner. */
export function assignLead(project: Project, { data }: AssignLead, context: DecisionContext): ProjectEvent[] {
  if (CLOSED_STAGES.includes(project.stage)) refuse('INVALID_TRANSITION', `a ${project.stage} project is no longer assigned`);
  const ownerId = requireText(data.ownerId, 'the account manager the lead is assigned to');
  const previousOwnerId = project.lead.ownerId;
  if (ownerId === previousOwnerId) refuse('INVALID_INPUT', `${ownerId} already owns the project`);
  return [{ type: 'LeadAssigned', data: { ownerId, previousOwnerId, assignedBy: context.actor.userId, ...(data.reason ? { reason: data.reason } : {}) } }];
}

export function requestLeadEvaluation(project: Project, { data }: RequestLeadEvaluation, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'LEAD');
  requireNoPendingForward(project);
  if (project.evaluationRequested) refuse('INVALID_TRANSITION', 'the lead already waits for its evaluation');
  return [{ type: 'LeadEvaluationRequested', data: { requestedBy: context.actor.userId, question: requireText(data.question, 'what the evaluation should answer') } }];
}

/** The evaluator sets the importance of a lead before 立项, asked or not. */
export function evaluateLead(project: Project, { data }: EvaluateLead, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'LEAD', 'QUALIFIED');
  if (!LEAD_IMPORTANCE.includes(data.importance)) refuse('INVALID_INPUT', `importance is one of ${LEAD_IMPORTANCE.join(', ')}`);
  return [{ type: 'LeadEvaluated', data: { importance: data.importance, evaluatedBy: context.actor.userId, ...(data.comments ? { comments: data.comments } : {}) } }];
}

export function approveProject(project: Project, { data }: ApproveProject, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'QUALIFIED');
  const { policy } = context;
  const projectClass = projectClassFor(policy, project.lead.estimatedAmount.amount, data);
  if (!hasRole(context, policy.projectApprovers[projectClass])) {
    refuse('APPROVAL_LEVEL_REQUIRED', `a ${projectClass} project is approved by ${policy.projectApprovers[projectClass].join(' or ')}`);
  }
  requireText(data.sponsorId, 'a named sponsor');
  // the engineer sees the project by being named: one left unnamed could not survey or write the solution
  requireText(data.presalesEngineerId, 'a named pre-sales engineer');
  if (data.milestones.length === 0) refuse('INVALID_INPUT', 'the project plan needs milestones with dates');
  requireMoney(data.presalesBudget, 'the pre-sales budget', context);
  return [{ type: 'ProjectApproved', data: { ...data, projectClass, approvedBy: context.actor.userId } }];
}

/** The solution's due date, working days after today per product line (policy in force now), and its clock. */
export function solutionDue(project: Project, context: DecisionContext) {
  const { sla } = context.policy;
  const days = sla.solutionWorkingDays[project.lead.productLine] ?? sla.defaultSolutionWorkingDays;
  const solutionDueOn = context.calendar.addWorkingDays(shanghaiDate(context.now), days);
  return { solutionDueOn, deadlines: [solutionDeadline(project, solutionDueOn, context)] };
}

export function recordExchange(project: Project, { data }: RecordExchange, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM010_EXCHANGE');
  requireText(data.summary, 'the exchange memo');
  return [{
    type: 'ExchangeRecorded',
    data: data.surveyNeeded ? data : { ...data, ...solutionDue(project, context) },
  }];
}

export function recordSurvey(project: Project, { data }: RecordSurvey, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM020_SURVEY');
  requireText(data.summary, 'the survey report');
  return [{ type: 'SurveyCompleted', data: { ...data, ...solutionDue(project, context) } }];
}
