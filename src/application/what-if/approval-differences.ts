import { quotationApprovers, type Policy } from '../../domain/policy/policy.js';
import { commandRoleTable } from '../../domain/policy/responsibilities.js';
import type { ProjectCommandType } from '../../domain/project/commands.js';
import type { ProjectClass, Role } from '../../domain/project/vocabulary.js';
import type { KnownPolicy, PolicyRef, Step } from './decided-history.js';

/**
 * A decision the candidate would have routed to other roles. DECIDER: the one who decided holds none of
 * the roles the candidate requires for it. ROUTING: the roles a submission sent its approval to (a
 * quotation's approvers, a termination's deciders, a contract's countersign chain) differ.
 */
export interface ApprovalDifference {
  projectId: string;
  at: string;
  kind: 'DECIDER' | 'ROUTING';
  /** The command decided. */
  decision: string;
  decidedBy: string;
  /** DECIDER: the roles the decider acted in; ROUTING: the roles the decision routed to. */
  decidedAs: Role[];
  /** The roles the policy in force required; null when its version is not the loaded file's (only its number is recorded). */
  inForce: Role[] | null;
  candidate: Role[];
  policy: PolicyRef | null;
}

export interface ApprovalComparison {
  /** Decisions (commands) in the period whose roles a policy decides. */
  decisions: number;
  deciders: number;
  routings: number;
  differences: ApprovalDifference[];
}

const sameSet = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((role) => b.includes(role));

/** The roles a policy requires of the command a step decided, the class being `projectClass` under that policy. */
function requiredRoles(policy: Policy, type: ProjectCommandType, step: Step, projectClass: ProjectClass): Role[] {
  const { before } = step;
  switch (type) {
    case 'ApproveProject':
      return policy.projectApprovers[projectClass];
    case 'ApproveQuotation':
      return before.stage !== 'NONE' && before.quotation ? quotationApprovers(policy, projectClass, before.quotation.amount.amount) : commandRoleTable(policy)[type];
    case 'DecideTermination':
      return policy.terminationDeciders[projectClass];
    default:
      return commandRoleTable(policy)[type];
  }
}

const classIn = (step: Step): ProjectClass => (step.after.stage !== 'NONE' ? step.after.projectClass : undefined) ?? 'GENERAL';

function deciderDifference(step: Step, type: ProjectCommandType, candidate: Policy, known: KnownPolicy): ApprovalDifference | undefined {
  const required = requiredRoles(candidate, type, step, step.candidateClass ?? 'GENERAL');
  // a quotation is approved in one role; any other decision in whichever the decider holds
  const decidedAs = step.event.type === 'QuotationApproved' ? [step.event.data.role] : [...step.actor.roles];
  if (decidedAs.some((role) => required.includes(role))) return undefined;
  const inForce = known(step.policy);
  return {
    projectId: projectOf(step), at: step.at, kind: 'DECIDER', decision: type, decidedBy: step.actor.userId, decidedAs,
    inForce: inForce ? requiredRoles(inForce, type, step, classIn(step)) : null, candidate: required, policy: step.policy ?? null,
  };
}

/** The countersign chain the candidate would have drafted with the same inserted signers (known only under a known policy). */
function candidateChain(recorded: readonly Role[], decidedUnder: Policy, candidate: Policy): Role[] {
  const fixed = decidedUnder.countersignChain;
  const extras = recorded.slice(fixed.length - 1, recorded.length - 1);
  const chain = candidate.countersignChain;
  return [...chain.slice(0, -1), ...extras, ...chain.slice(-1)];
}

function routingDifference(step: Step, candidate: Policy, known: KnownPolicy): ApprovalDifference | undefined {
  const { event } = step;
  const candidateClass = step.candidateClass ?? 'GENERAL';
  let routed: Role[];
  let wanted: Role[];
  let ordered = false;
  if (event.type === 'QuotationSubmitted') {
    [routed, wanted] = [event.data.requiredApprovals, quotationApprovers(candidate, candidateClass, event.data.amount.amount)];
  } else if (event.type === 'TerminationRequested') {
    [routed, wanted] = [event.data.deciders, candidate.terminationDeciders[candidateClass]];
  } else if (event.type === 'ContractDrafted' && known(step.policy)) {
    routed = event.data.chain.map((signer) => signer.role);
    [wanted, ordered] = [candidateChain(routed, known(step.policy)!, candidate), true];
  } else {
    return undefined;
  }
  const same = ordered ? routed.join() === wanted.join() : sameSet(routed, wanted);
  if (same) return undefined;
  return {
    projectId: projectOf(step), at: step.at, kind: 'ROUTING', decision: step.commandType ?? event.type, decidedBy: step.actor.userId,
    decidedAs: routed, inForce: routed, candidate: wanted, policy: step.policy ?? null,
  };
}

const projectOf = (step: Step) => (step.after.stage !== 'NONE' ? step.after.id : '');

/** Each command of the period once (its first event), compared with the roles the candidate requires of it. */
export function approvalDifferences(steps: readonly Step[], candidate: Policy, known: KnownPolicy): ApprovalComparison {
  const commands = commandRoleTable(candidate) as Partial<Record<string, Role[]>>;
  const seen = new Set<string>();
  const result: ApprovalComparison = { decisions: 0, deciders: 0, routings: 0, differences: [] };
  for (const step of steps) {
    if (!step.inPeriod) continue;
    const routing = routingDifference(step, candidate, known);
    if (routing) result.differences.push(routing);
    const type = step.commandType;
    if (!type || !commands[type] || seen.has(step.commandId)) continue;
    seen.add(step.commandId);
    result.decisions++;
    const decider = deciderDifference(step, type as ProjectCommandType, candidate, known);
    if (decider) result.differences.push(decider);
  }
  result.deciders = result.differences.filter((difference) => difference.kind === 'DECIDER').length;
  result.routings = result.differences.length - result.deciders;
  return result;
}
