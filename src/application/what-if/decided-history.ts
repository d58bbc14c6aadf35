import { raisedByQuotation, projectClassFor, type Policy } from '../../domain/policy/policy.js';
import type { ProjectEvent } from '../../domain/project/events.js';
import { evolve, initialState, type ProjectState } from '../../domain/project/state.js';
import type { ProjectClass, Role } from '../../domain/project/vocabulary.js';
import type { StoredEvent } from '../../event-store/event-store.port.js';
import { occurredAt, type ProjectEventMetadata } from '../project-event-metadata.js';
import { toDomainEvent } from '../project-stream.js';

export type PolicyRef = NonNullable<ProjectEventMetadata['policy']>;

/** One event of a project as the what-if reads it: the fact, when it was decided, by whom, by which command, under which policy. */
export interface DecidedEvent {
  event: ProjectEvent;
  /** Server time at the command (ISO-8601 UTC). */
  at: string;
  commandId: string;
  commandType?: string;
  actor: { userId: string; roles: readonly Role[] };
  /** Absent on events written before decisions recorded their policy. */
  policy?: PolicyRef;
}

export function decidedEventOf(stored: StoredEvent): DecidedEvent {
  const { actor, commandId, commandType, policy } = stored.metadata as Partial<ProjectEventMetadata>;
  return {
    event: toDomainEvent(stored), at: occurredAt(stored), commandId: commandId ?? stored.id, ...(commandType ? { commandType } : {}),
    actor: { userId: actor?.userId ?? '', roles: (actor?.roles ?? []) as Role[] }, ...(policy ? { policy } : {}),
  };
}

/** The period replayed: decisions at or after `from`, before `to` (ISO-8601 UTC instants). */
export interface Period {
  from: string;
  to: string;
}

/** One event with the project as it found it and left it, and its class under the candidate policy after it. */
export interface Step extends DecidedEvent {
  before: ProjectState;
  after: ProjectState;
  candidateClass?: ProjectClass;
  inPeriod: boolean;
}

/** The policy a decision was taken under, when its file is at hand (only its profile and version are recorded). */
export type KnownPolicy = (ref: PolicyRef | undefined) => Policy | undefined;

/** The class a project would have had under `candidate`: its class rule at 立项, raised by a quotation above its threshold. */
function candidateClassAfter(current: ProjectClass | undefined, { event }: DecidedEvent, before: ProjectState, candidate: Policy): ProjectClass | undefined {
  if (event.type === 'ProjectApproved' && before.stage !== 'NONE') return projectClassFor(candidate, before.lead.estimatedAmount.amount, event.data);
  if (event.type === 'QuotationSubmitted' && current && raisedByQuotation(candidate, current, event.data.amount.amount)) return 'MAJOR';
  return current;
}

/** A project's events up to the period's end, folded by the domain's own evolve, each with its state before and after. */
export function stepsOf(events: readonly DecidedEvent[], candidate: Policy, period: Period): Step[] {
  const steps: Step[] = [];
  let state = initialState();
  let candidateClass: ProjectClass | undefined;
  for (const decided of events) {
    if (decided.at >= period.to) break;
    const after = evolve(state, decided.event);
    const classAfter = candidateClassAfter(candidateClass, decided, state, candidate);
    steps.push({ ...decided, before: state, after, candidateClass: classAfter, inPeriod: decided.at >= period.from });
    state = after;
    candidateClass = classAfter;
  }
  return steps;
}
