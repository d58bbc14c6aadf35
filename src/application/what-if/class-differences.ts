import type { Money, ProjectClass } from '../../domain/project/vocabulary.js';
import type { Step } from './decided-history.js';

/** A project whose class (MAJOR/GENERAL) at the period's end would differ under the candidate's thresholds. */
export interface ClassDifference {
  projectId: string;
  title: string;
  estimatedAmount: Money;
  /** The latest quotation's amount, when one was submitted: it may raise a GENERAL project to MAJOR. */
  quotedAmount: Money | null;
  inForce: ProjectClass;
  candidate: ProjectClass;
}

export interface ClassComparison {
  /** Projects whose class was decided in the period: approved (立项), or quoted. */
  projects: number;
  becameMajor: number;
  becameGeneral: number;
  differences: ClassDifference[];
}

const decidesClass = (step: Step) => step.inPeriod && ['ProjectApproved', 'ProjectClassRaised', 'QuotationSubmitted'].includes(step.event.type);

/** A project approved or quoted in the period, its class as the log holds it beside the candidate's. */
export function classDifference(steps: readonly Step[]): { decided: boolean; difference?: ClassDifference } {
  const last = steps[steps.length - 1];
  if (!last || last.after.stage === 'NONE' || !steps.some(decidesClass)) return { decided: false };
  const project = last.after;
  const [inForce, candidate] = [project.projectClass, last.candidateClass];
  if (!inForce || !candidate || inForce === candidate) return { decided: true };
  return {
    decided: true,
    difference: {
      projectId: project.id, title: project.lead.title, estimatedAmount: project.lead.estimatedAmount, quotedAmount: project.quotation?.amount ?? null, inForce, candidate,
    },
  };
}
