import type { StandardSolution } from '../catalogue/standard-solution.js';
import { MAX_AMOUNT_FEN, MAX_AMOUNT_TEXT } from '../policy/amount-limit.js';
import type { Policy } from '../policy/policy.js';
import { RESPONSIBILITIES, type Responsibility } from '../policy/responsibilities.js';
import type { WorkingCalendar } from '../policy/working-calendar.js';
import { refuse } from './errors.js';
import type { Project, Stage } from './state.js';
import type { Actor, Money, Role } from './vocabulary.js';

/** What a decision may depend on besides the state: who asks, when, and the policy in force. */
export interface DecisionContext {
  actor: Actor;
  now: Date;
  policy: Policy;
  calendar: WorkingCalendar;
  /** The catalogue entries a command names (标准方案), as their streams hold them now. */
  standardSolutions?: Readonly<Record<string, StandardSolution>>;
}

export function requireStage(project: Project, ...stages: Stage[]): void {
  if (!stages.includes(project.stage)) {
    refuse('INVALID_TRANSITION', `not possible at stage ${project.stage} (needs ${stages.join(' or ')})`);
  }
}

export function requireText(value: string | undefined, what: string): string {
  if (!value?.trim()) return refuse('REASON_REQUIRED', `${what} is required`);
  return value;
}

export function requireMoney(value: Money | undefined, what: string, context: DecisionContext): Money {
  if (!value) return refuse('INVALID_INPUT', `${what} is required`);
  if (!Number.isSafeInteger(value.amount) || value.amount <= 0) return refuse('INVALID_INPUT', `${what} must be a positive whole number of fen`);
  if (value.amount > MAX_AMOUNT_FEN) return refuse('INVALID_INPUT', `${what} must be at most ${MAX_AMOUNT_TEXT}`);
  if (value.currency !== context.policy.currency) return refuse('INVALID_INPUT', `${what} must be in ${context.policy.currency}`);
  return value;
}

export const hasRole = (context: DecisionContext, roles: readonly Role[]) => context.actor.roles.some((role) => roles.includes(role));

export const hasResponsibility = (context: DecisionContext, responsibility: Responsibility) => hasRole(context, context.policy.responsibilities[responsibility]);

/** The caller must hold a role the policy gives this responsibility. */
export function requireResponsibility(context: DecisionContext, responsibility: Responsibility): void {
  const roles = context.policy.responsibilities[responsibility];
  if (!hasResponsibility(context, responsibility)) refuse('NOT_ALLOWED_FOR_ROLE', `${RESPONSIBILITIES[responsibility]}: ${roles.join(' or ')} under the ${context.policy.profile} policy`);
}

/** The sha256 a decider saw must be the document in force: approvals are bound to it. */
export function requireSameDocument(seen: string, current: string, what: string): void {
  if (seen !== current) refuse('DOCUMENT_CHANGED', `the ${what} changed since this version was shown: review the current one`);
}
