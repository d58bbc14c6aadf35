import type { Policy } from '../../domain/policy/policy.js';
import type { WorkingCalendar } from '../../domain/policy/working-calendar.js';
import { wasOverdue, type Deadline, type DeadlineKind } from '../../domain/project/deadlines.js';
import { deadlinesEndedBy, deadlinesStartedBy } from '../../domain/project/deadlines-of-events.js';
import { deadlineUnder } from '../../domain/project/deadlines-under-policy.js';
import type { Role } from '../../domain/project/vocabulary.js';
import type { KnownPolicy, Period, Step } from './decided-history.js';

/** A time-limited step's limit and verdict as of the period's end. */
export interface Verdict {
  dueAt: string;
  overdueAt: string;
  overdue: boolean;
}

/** A step started in the period whose on-time/overdue verdict the candidate's limits change. */
export interface DeadlineDifference {
  projectId: string;
  kind: DeadlineKind;
  startedAt: string;
  /** When the step was done or lapsed; null if it still ran at the period's end. */
  stoppedAt: string | null;
  inForce: Verdict;
  candidate: Verdict;
}

export interface DeadlineComparison {
  /** Time-limited steps started in the period. */
  steps: number;
  overdueInForce: number;
  overdueUnderCandidate: number;
  becameOverdue: number;
  becameOnTime: number;
  differences: DeadlineDifference[];
}

interface Clock {
  kind: DeadlineKind;
  startedAt: string;
  recorded: Deadline;
  candidate: Deadline;
  stoppedAt: string | null;
  counted: boolean;
}

/**
 * Every clock as the log ran it (the limit its event recorded, under the policy in force) beside the same
 * clock under the candidate (deadlineUnder: the deciders' own deadline rules), stopped as the read models
 * stop it; verdicts as of the period's end.
 */
export function deadlineDifferences(steps: readonly Step[], candidate: Policy, calendar: WorkingCalendar, known: KnownPolicy, period: Period): DeadlineComparison {
  const open = new Map<DeadlineKind, Clock>();
  const clocks: Clock[] = [];
  for (const step of steps) {
    const started = deadlinesStartedBy(step.event);
    for (const { kind, ifWaitingForCount } of deadlinesEndedBy(step.event)) {
      const clock = open.get(kind);
      if (!clock || started.some((deadline) => deadline.kind === kind)) continue;
      if (ifWaitingForCount !== undefined && clock.recorded.waitingFor.length !== ifWaitingForCount) continue;
      clock.stoppedAt = step.at;
      open.delete(kind);
    }
    if (step.before.stage === 'NONE' || started.length === 0) continue;
    const context = { actor: { userId: step.actor.userId, roles: step.actor.roles as Role[] }, now: new Date(step.at), policy: candidate, calendar };
    for (const recorded of started) {
      const running = open.get(recorded.kind);
      if (running) running.stoppedAt = step.at;
      const clock: Clock = {
        kind: recorded.kind, startedAt: step.at, recorded, stoppedAt: null, counted: step.inPeriod,
        candidate: deadlineUnder(recorded, step.event, step.before, context, running?.candidate, known(step.policy)),
      };
      open.set(recorded.kind, clock);
      clocks.push(clock);
    }
  }
  const result: DeadlineComparison = { steps: 0, overdueInForce: 0, overdueUnderCandidate: 0, becameOverdue: 0, becameOnTime: 0, differences: [] };
  const projectId = steps.length && steps[0].after.stage !== 'NONE' ? steps[0].after.id : '';
  for (const clock of clocks.filter((each) => each.counted)) {
    const verdict = (deadline: Deadline): Verdict => ({ dueAt: deadline.dueAt, overdueAt: deadline.overdueAt, overdue: wasOverdue(deadline, clock.stoppedAt, period.to) });
    const [inForce, underCandidate] = [verdict(clock.recorded), verdict(clock.candidate)];
    result.steps++;
    if (inForce.overdue) result.overdueInForce++;
    if (underCandidate.overdue) result.overdueUnderCandidate++;
    if (inForce.overdue === underCandidate.overdue) continue;
    if (underCandidate.overdue) result.becameOverdue++;
    else result.becameOnTime++;
    result.differences.push({ projectId, kind: clock.kind, startedAt: clock.startedAt, stoppedAt: clock.stoppedAt, inForce, candidate: underCandidate });
  }
  return result;
}
