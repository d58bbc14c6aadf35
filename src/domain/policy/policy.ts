import type { ProjectClass, Role } from '../project/vocabulary.js';

/**
 * The department's rules that are data, not code: thresholds, routing, quorum, chain and time
 * limits. Decisions record what they used, so a changed policy applies to new decisions only.
 */
export interface Policy {
  currency: string;
  /** Above this estimated amount (fen) a project is MAJOR. */
  majorProjectAbove: number;
  /** Quotations up to this amount (fen) are approved at the lower level. */
  quotationApprovalLevel: number;
  quotationApprovers: { upToLevel: Role[]; aboveLevel: Role[]; majorAlso: Role[] };
  /** Who approves a project (立项) of each class. */
  projectApprovers: Record<ProjectClass, Role[]>;
  /** Who decides a termination of a project of each class. */
  terminationDeciders: Record<ProjectClass, Role[]>;
  review: Record<ProjectClass, { minReviewers: number; rule: 'ONE_APPROVAL' | 'MAJORITY' }>;
  /** The fixed countersign chain; extra parties are inserted before its last step. */
  countersignChain: Role[];
  /** Win probability (percent) of an open project at each stage: weights the pipeline. */
  stageProbability: Record<string, number>;
  sla: {
    /** Working days from exchange/survey to the solution, per product line. */
    solutionWorkingDays: Record<string, number>;
    defaultSolutionWorkingDays: number;
    solutionRequestAnswerWorkingDays: number;
    reviewWorkingDays: number;
    /** Calendar days the bid documents must be checked before the opening. */
    bidCheckDaysBeforeOpening: number;
  };
}

export const DEFAULT_POLICY: Policy = {
  currency: 'CNY',
  majorProjectAbove: 5_000_000_00,
  quotationApprovalLevel: 100_000_00,
  quotationApprovers: { upToLevel: ['TECH_MANAGER'], aboveLevel: ['OPERATIONS_CENTER'], majorAlso: ['BU_GENERAL_MANAGER'] },
  projectApprovers: { GENERAL: ['SALES_DIRECTOR', 'BU_GENERAL_MANAGER'], MAJOR: ['BU_GENERAL_MANAGER'] },
  terminationDeciders: { GENERAL: ['SALES_DIRECTOR'], MAJOR: ['BU_GENERAL_MANAGER'] },
  review: { GENERAL: { minReviewers: 1, rule: 'ONE_APPROVAL' }, MAJOR: { minReviewers: 3, rule: 'MAJORITY' } },
  countersignChain: ['ACCOUNT_MANAGER', 'MARKETING', 'BU_GENERAL_MANAGER'],
  stageProbability: {
    LEAD: 5, QUALIFIED: 10, PSM010_EXCHANGE: 15, PSM020_SURVEY: 20, PSM030_SOLUTION: 30,
    PSM040_QUOTATION: 40, PSM050_TENDER: 50, PSM060_NEGOTIATION: 60, PSM070_CONTRACT: 80,
  },
  sla: {
    solutionWorkingDays: { SINGLE_EQUIPMENT: 2, ROBOT_CELL: 3, PRODUCTION_LINE: 10 },
    defaultSolutionWorkingDays: 3,
    solutionRequestAnswerWorkingDays: 1,
    reviewWorkingDays: 1,
    bidCheckDaysBeforeOpening: 3,
  },
};

/** Approvals a review needs with these reviewers under this class's rule. */
export function approvalsNeeded(policy: Policy, projectClass: ProjectClass, reviewers: number): number {
  return policy.review[projectClass].rule === 'ONE_APPROVAL' ? 1 : Math.floor(reviewers / 2) + 1;
}

/** The roles whose approval a quotation of this amount needs, in the order they are listed. */
export function quotationApprovers(policy: Policy, projectClass: ProjectClass, amount: number): Role[] {
  const { upToLevel, aboveLevel, majorAlso } = policy.quotationApprovers;
  const base = amount <= policy.quotationApprovalLevel ? upToLevel : aboveLevel;
  return [...new Set([...base, ...(projectClass === 'MAJOR' ? majorAlso : [])])];
}
