import { shanghaiDate } from '../policy/working-calendar.js';
import type { ApproveProject, RecordExchange, RecordSurvey, RegisterLead, ScreenLead } from './commands.js';
import { requireMoney, requireStage, requireText, hasRole, type DecisionContext } from './decision-context.js';
import { solutionDeadline } from './deadlines.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import type { Project } from './state.js';

export function registerLead({ data }: RegisterLead, context: DecisionContext): ProjectEvent[] {
  requireMoney(data.estimatedAmount, 'the estimated amount', context);
  const { userId, businessUnit } = context.actor;
  return [{ type: 'LeadRegistered', data: { ...data, ownerId: userId, ...(businessUnit ? { businessUnit } : {}) } }];
}

export function screenLead(project: Project, { data }: ScreenLead, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'LEAD');
  const screenedBy = context.actor.userId;
  switch (data.decision) {
    case 'QUALIFY':
      return [{ type: 'LeadQualified', data: { screenedBy } }];
    case 'REJECT':
      return [{ type: 'LeadRejected', data: { screenedBy, reason: requireText(data.reason, 'a reason for the rejection') } }];
    case 'FORWARD':
      return [{
        type: 'LeadForwarded',
        data: { screenedBy, businessUnit: requireText(data.businessUnit, 'the business unit forwarded to'), reason: data.reason },
      }];
  }
}

export function approveProject(project: Project, { data }: ApproveProject, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'QUALIFIED');
  const { policy } = context;
  const projectClass =
    project.lead.estimatedAmount.amount > policy.majorProjectAbove || !data.hasMatureReference || data.needsRndChanges === true ? 'MAJOR' : 'GENERAL';
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
function solutionDue(project: Project, context: DecisionContext) {
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
