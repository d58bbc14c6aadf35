import { policyRef, type Policy } from '../../domain/policy/policy.js';
import type { WorkingCalendar } from '../../domain/policy/working-calendar.js';
import { CLOSED_STAGES, type Project } from '../../domain/project/state.js';
import { approvalDifferences, type ApprovalComparison } from './approval-differences.js';
import { classDifference, type ClassComparison } from './class-differences.js';
import { deadlineDifferences, type DeadlineComparison } from './deadline-differences.js';
import { stepsOf, type DecidedEvent, type KnownPolicy, type Period, type PolicyRef, type Step } from './decided-history.js';
import { weightedPipeline, type WeightedPipeline } from './weighted-pipeline.js';

export interface WhatIfInput {
  /** Each project's events in stream order (those after the period's end are not replayed). */
  histories: ReadonlyArray<readonly DecidedEvent[]>;
  period: Period;
  /** The policy file in force now: the pipeline's weights, and the rules of every decision taken under its version. */
  inForce: Policy;
  candidate: Policy;
  calendar: WorkingCalendar;
}

/** A policy version decisions of the period were taken under, with how many and when. */
export interface PolicyVersionUse extends PolicyRef {
  decisions: number;
  first: string;
  last: string;
}

/** What the period's log would have shown under the candidate, beside what it shows. */
export interface PolicyWhatIf {
  period: Period;
  inForce: PolicyRef;
  candidate: PolicyRef;
  /** The versions the period's decisions recorded, oldest first; decisions recorded without one are not listed. */
  versionsInPeriod: PolicyVersionUse[];
  projects: number;
  approvals: ApprovalComparison;
  deadlines: DeadlineComparison;
  classes: ClassComparison;
  pipeline: WeightedPipeline;
}

function versionsIn(steps: readonly Step[], into: Map<string, PolicyVersionUse>, seen: Set<string>): void {
  for (const step of steps) {
    if (!step.inPeriod || !step.policy || seen.has(step.commandId)) continue;
    seen.add(step.commandId);
    const key = `${step.policy.profile}@${step.policy.version}`;
    const use = into.get(key) ?? { ...step.policy, decisions: 0, first: step.at, last: step.at };
    into.set(key, { ...use, decisions: use.decisions + 1, first: step.at < use.first ? step.at : use.first, last: step.at > use.last ? step.at : use.last });
  }
}

/** Replays each project's history under the candidate: pure, over events and two policies. */
export function policyWhatIf({ histories, period, inForce, candidate, calendar }: WhatIfInput): PolicyWhatIf {
  const loaded = policyRef(inForce);
  const known: KnownPolicy = (ref) => (ref && ref.profile === loaded.profile && ref.version === loaded.version ? inForce : undefined);
  const approvals: ApprovalComparison = { decisions: 0, deciders: 0, routings: 0, differences: [] };
  const deadlines: DeadlineComparison = { steps: 0, overdueInForce: 0, overdueUnderCandidate: 0, becameOverdue: 0, becameOnTime: 0, differences: [] };
  const classes: ClassComparison = { projects: 0, becameMajor: 0, becameGeneral: 0, differences: [] };
  const versions = new Map<string, PolicyVersionUse>();
  const open: Project[] = [];
  let projects = 0;
  for (const history of histories) {
    const steps = stepsOf(history, candidate, period);
    const last = steps[steps.length - 1]?.after;
    if (!last || last.stage === 'NONE') continue;
    projects++;
    const seen = new Set<string>();
    versionsIn(steps, versions, seen);
    const decided = approvalDifferences(steps, candidate, known);
    approvals.decisions += decided.decisions;
    approvals.deciders += decided.deciders;
    approvals.routings += decided.routings;
    approvals.differences.push(...decided.differences);
    const clocks = deadlineDifferences(steps, candidate, calendar, known, period);
    for (const key of ['steps', 'overdueInForce', 'overdueUnderCandidate', 'becameOverdue', 'becameOnTime'] as const) deadlines[key] += clocks[key];
    deadlines.differences.push(...clocks.differences);
    const { decided: classed, difference } = classDifference(steps);
    if (classed) classes.projects++;
    if (difference) {
      classes.differences.push(difference);
      if (difference.candidate === 'MAJOR') classes.becameMajor++;
      else classes.becameGeneral++;
    }
    if (!CLOSED_STAGES.includes(last.stage)) open.push(last);
  }
  approvals.differences.sort((a, b) => a.at.localeCompare(b.at));
  deadlines.differences.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  classes.differences.sort((a, b) => a.projectId.localeCompare(b.projectId));
  return {
    period, inForce: loaded, candidate: policyRef(candidate),
    versionsInPeriod: [...versions.values()].sort((a, b) => a.first.localeCompare(b.first)),
    projects, approvals, deadlines, classes, pipeline: weightedPipeline(open, inForce, candidate),
  };
}
