import { ACTIONS, type Action, type ActionType } from './action-catalogue.js';
import { decide } from './decide.js';
import type { DecisionContext } from './decision-context.js';
import { DomainError, type DomainErrorCode } from './errors.js';
import type { Project } from './state.js';

/**
 * The refusals about the data sent, never about the step: whoever meets one may take the step with
 * valid data, so the step counts as open to them. Every decider checks the stage, the role and the
 * person before the data. DOCUMENT_CHANGED is not among them: the probes send the document and the
 * amount in force, so it can only mean the state's own (a contract drafted on a quotation since replaced).
 * STANDARD_SOLUTION_UNAVAILABLE is about the catalogue entry chosen, which the caller picks from the catalogue;
 * BUDGET_ABOVE_POLICY about the budget asked for a gross margin.
 */
export const INPUT_ONLY_REFUSALS: readonly DomainErrorCode[] = ['INVALID_INPUT', 'REASON_REQUIRED', 'HANDOVER_INCOMPLETE', 'STANDARD_SOLUTION_UNAVAILABLE', 'BUDGET_ABOVE_POLICY'];

export interface AvailableAction {
  command: ActionType;
  variant?: string;
  label: string;
  allowed: boolean;
  /** Why a step is not open to the caller now: the refusal the command itself would meet. */
  refusal?: { code: DomainErrorCode; message: string };
}

/** 我现在能做什么: each action of the catalogue as `decide` answers it for this caller, now. */
export function availableActions(project: Project, context: DecisionContext): AvailableAction[] {
  return ACTIONS.map((action) => ({ command: action.command, ...(action.variant ? { variant: action.variant } : {}), label: action.label, ...verdict(action, project, context) }));
}

/**
 * Open when any probe is; else the refusal of a probe that got past who may act (a signer in their own
 * capacity is told what else stops them), or the first probe's.
 */
function verdict(action: Action, project: Project, context: DecisionContext): Pick<AvailableAction, 'allowed' | 'refusal'> {
  const refusals = action.probes(project, context).map((command) => refusalOf(() => decide(command, project, context)));
  const refusal = refusals.includes(undefined) ? undefined : (refusals.find((found) => found?.code !== 'NOT_ALLOWED_FOR_ROLE') ?? refusals[0]);
  return refusal ? { allowed: false, refusal: { code: refusal.code, message: refusal.message } } : { allowed: true };
}

function refusalOf(run: () => unknown): DomainError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return INPUT_ONLY_REFUSALS.includes(error.code) ? undefined : error;
  }
}
