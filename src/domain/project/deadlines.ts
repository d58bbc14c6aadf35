import type { Policy } from '../policy/policy.js';
import { endOfShanghaiDay, shanghaiDate } from '../policy/working-calendar.js';
import type { DecisionContext } from './decision-context.js';
import type { Project } from './state.js';
import type { Role } from './vocabulary.js';

/** The time limits of DOMAIN.md, one clock each. */
export const DEADLINE_KINDS = ['SOLUTION_REQUEST', 'SOLUTION', 'AGREEMENT_REVIEW', 'CONTRACT_REVIEW', 'BID_CHECK', 'BID_BOND', 'SUMMARY'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Who a step waits for: a named person, or any holder of a role. */
export type Party = { userId: string } | { role: Role };

/**
 * An SLA clock as the event that starts it records it, under the policy in force then. Overdue once
 * `overdueAt` passes with the step not done (later than `dueAt` only where a tolerance applies);
 * overdue never blocks the step.
 */
export interface Deadline {
  kind: DeadlineKind;
  /** ISO-8601 UTC instants. */
  dueAt: string;
  overdueAt: string;
  waitingFor: Party[];
}

/** Overdue as of `at`: its limit passed by then, and it had not stopped (done, or lapsed) by its limit. */
export const wasOverdue = (deadline: Deadline, stoppedAt: string | null, at: string): boolean =>
  deadline.overdueAt < at && (stoppedAt === null || stoppedAt > deadline.overdueAt);

const atEndOf = (kind: DeadlineKind, date: string, waitingFor: Party[]): Deadline =>
  ({ kind, dueAt: endOfShanghaiDay(date), overdueAt: endOfShanghaiDay(date), waitingFor });

const rolesOf = (roles: readonly Role[]): Party[] => roles.map((role) => ({ role }));

/** 方案申请表: the technical team answers a solution request within the policy's working days. */
export function solutionRequestDeadline({ now, policy, calendar }: DecisionContext): Deadline {
  return atEndOf('SOLUTION_REQUEST', calendar.addWorkingDays(shanghaiDate(now), policy.sla.solutionRequestAnswerWorkingDays), rolesOf(policy.responsibilities.answerSolutionRequest));
}

/** The solution: due on `dueOn` (per product line), overdue only after the tolerance's working days more. */
export function solutionDeadline(project: Project, dueOn: string, { policy, calendar }: DecisionContext): Deadline {
  const waitingFor = project.presalesEngineerId ? [{ userId: project.presalesEngineerId }] : rolesOf(policy.responsibilities.submitSolution);
  const overdueOn = calendar.addWorkingDays(dueOn, policy.sla.solutionToleranceWorkingDays);
  return { kind: 'SOLUTION', dueAt: endOfShanghaiDay(dueOn), overdueAt: endOfShanghaiDay(overdueOn), waitingFor };
}

/** A technical-agreement or contract review: within the policy's working days, or its hours when signing on site. */
export function reviewDeadline(kind: 'AGREEMENT_REVIEW' | 'CONTRACT_REVIEW', onSite: boolean, waitingFor: Party[], { now, policy, calendar }: DecisionContext): Deadline {
  if (!onSite) return atEndOf(kind, calendar.addWorkingDays(shanghaiDate(now), policy.sla.reviewWorkingDays), waitingFor);
  const dueAt = new Date(now.getTime() + policy.sla.onSiteReviewHours * 3600_000).toISOString();
  return { kind, dueAt, overdueAt: dueAt, waitingFor };
}

/** The bid documents checked by their planned date; the bond paid by the tender's deadline. */
export function tenderDeadlines(checkDueOn: string, bondDueOn: string, policy: Policy): Deadline[] {
  return [
    atEndOf('BID_CHECK', checkDueOn, rolesOf(policy.responsibilities.checkBidDocuments)),
    atEndOf('BID_BOND', bondDueOn, rolesOf(policy.responsibilities.payBidBond)),
  ];
}

/** 开标前3日内: the day by which the bid documents are checked, the policy's days before the opening. */
export const bidCheckDueOn = (openingOn: string, policy: Policy): string =>
  new Date(Date.parse(openingOn) - policy.sla.bidCheckDaysBeforeOpening * 86_400_000).toISOString().slice(0, 10);

/** The bond's deadline when the tender documents state none: the policy's days before the opening. */
export const defaultBondDueOn = (openingOn: string, policy: Policy): string =>
  new Date(Date.parse(openingOn) - policy.sla.bondDaysBeforeOpening * 86_400_000).toISOString().slice(0, 10);

/** Every closed project gets a summary: its owner's, within the policy's working days after the close. */
export function summaryDeadline(project: Project, { now, policy, calendar }: DecisionContext): { deadlines: Deadline[] } {
  return { deadlines: [atEndOf('SUMMARY', calendar.addWorkingDays(shanghaiDate(now), policy.sla.summaryWorkingDays), [{ userId: project.lead.ownerId }])] };
}
