import { weightedAmount, type Policy } from '../../domain/policy/policy.js';
import type { Project } from '../../domain/project/state.js';

/** One open stage of the pipeline at the period's end: its amount weighted by the policy in force and by the candidate. */
export interface WeightedStage {
  stage: string;
  count: number;
  amount: number;
  inForceWeight: number;
  candidateWeight: number;
  inForceWeighted: number;
  candidateWeighted: number;
}

export interface WeightedPipeline {
  currency: string;
  stages: WeightedStage[];
  amount: number;
  inForceWeighted: number;
  candidateWeighted: number;
}

/** The amount a card of the board carries: the signed amount, else the latest quotation's, else the lead's estimate. */
const amountOf = (project: Project): number => (project.signedAmount ?? project.quotation?.amount ?? project.lead.estimatedAmount).amount;

/** The open projects at the period's end by stage (the board's columns), weighted as the board weighs them. */
export function weightedPipeline(projects: readonly Project[], inForce: Policy, candidate: Policy): WeightedPipeline {
  const stages = Object.keys(inForce.stageProbability).map((stage): WeightedStage => {
    const column = projects.filter((project) => project.stage === stage);
    const amount = column.reduce((sum, project) => Math.min(sum + amountOf(project), Number.MAX_SAFE_INTEGER), 0);
    return {
      stage, count: column.length, amount,
      inForceWeight: inForce.stageProbability[stage] ?? 0, candidateWeight: candidate.stageProbability[stage] ?? 0,
      inForceWeighted: weightedAmount(inForce, stage, amount), candidateWeighted: weightedAmount(candidate, stage, amount),
    };
  });
  const total = (pick: (stage: WeightedStage) => number) => stages.reduce((sum, stage) => sum + pick(stage), 0);
  return { currency: inForce.currency, stages, amount: total((s) => s.amount), inForceWeighted: total((s) => s.inForceWeighted), candidateWeighted: total((s) => s.candidateWeighted) };
}
