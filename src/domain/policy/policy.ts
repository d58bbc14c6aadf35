import type { ProjectClass, Role, SignedDocument, SigningCapacity } from '../project/vocabulary.js';
import type { Responsibility } from './responsibilities.js';

/**
 * The department's rules that are data, not code: who holds each responsibility, thresholds,
 * routing, quorum, chain and time limits. A company's profile is a policy file (policies/); every
 * event records the profile and version it was decided under, so a changed policy applies to new
 * decisions only.
 */
export interface Policy {
  /** The profile this file is (enterprise-standard, equipment-maker, or a company's own). */
  profile: string;
  /** Raised whenever the file changes: decisions record it. */
  version: number;
  /** Who holds each responsibility of the step table. */
  responsibilities: Record<Responsibility, Role[]>;
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
  /** Who drafts the technical agreement, by product kind (document 003: 成熟產品或單機設備 / 複雜類設備或成線). */
  agreementDrafters: {
    /** Product lines that are single equipment (單機設備). */
    singleEquipmentLines: string[];
    /** A mature product (a mature reference at 立项) or single equipment. */
    matureOrSingleEquipment: Role[];
    /** Complex equipment and lines. */
    complex: Role[];
  };
  /** In which capacities the technical agreement and the contract are signed with the customer. */
  signingCapacities: Record<SignedDocument, SigningCapacity[]>;
  /** The fixed countersign chain; extra parties are inserted before its last step. */
  countersignChain: Role[];
  /** Win probability (percent) of an open project at each stage: weights the pipeline. */
  stageProbability: Record<string, number>;
  /** Time limits (DOMAIN.md "Time limits (SLA)"): working days on the calendar unless said otherwise. */
  sla: {
    /** Working days from exchange/survey to the solution, per product line. */
    solutionWorkingDays: Record<string, number>;
    defaultSolutionWorkingDays: number;
    /** Working days past its due date before a solution counts overdue (误差时间). */
    solutionToleranceWorkingDays: number;
    /** The technical team's answer to a solution request (starts with the solution-request command). */
    solutionRequestAnswerWorkingDays: number;
    /** A technical-agreement or contract review. */
    reviewWorkingDays: number;
    /** The same review when the signing is on site: hours, not working days. */
    onSiteReviewHours: number;
    /** Calendar days the bid documents must be checked before the opening. */
    bidCheckDaysBeforeOpening: number;
    /** Calendar days before the opening the bond is due when the tender documents state no deadline. */
    bondDaysBeforeOpening: number;
    /** Working days after a project closes within which its summary is due. */
    summaryWorkingDays: number;
  };
  /** 售前考核 (document 002 §售前工作考核): the scales the KPIs are scored by, and the customer's survey. */
  kpis: KpiPolicy;
  /** 售前项目管理 (document 004): the task book's budget, the adjustment form's approvers, the monthly progress report. */
  salesControl: SalesControlPolicy;
}

/** A scale of whole numbers, `min` the worst. */
export interface Scale {
  min: number;
  max: number;
}

export interface KpiPolicy {
  /** 客户满意度调查: its questions, each answered on the scale, and how many days its link stays valid. */
  satisfactionSurvey: { questions: Array<{ id: string; text: string }>; scale: Scale; linkValidDays: number };
  /** 沟通协作能力: the departments' rating of a pre-sales person on a project. */
  collaborationScale: Scale;
  /** 月度考核: the manager's rating of a month. */
  assessmentScale: Scale;
}

/** Document 004's controls of a project's sales plan, task book and costs. */
export interface SalesControlPolicy {
  /** 根据预期毛利额制定售前费用额度: the budget allowed is `percent` of the expected gross margin, by the band (fen, from) it falls in. */
  presalesBudgetBands: Array<{ grossMarginFrom: number; percent: number }>;
  /** 报总经理或销售总监审批: who approves a task-book adjustment within the limits. */
  adjustmentApprovers: Role[];
  /** 超过一定限度的由企业领导审批: who approves one beyond them. */
  executiveApprovers: Role[];
  /** The limits: extra budget (fen) and a milestone's delay (calendar days) beyond which only the executive approvers decide. */
  executiveAbove: { extraBudget: number; delayDays: number };
  /** 项目月度进展情况报告: a month's report is due by this working day of the next month. */
  progressReportWorkingDays: number;
}

/** The pre-sales budget the policy allows for an expected gross margin (fen): its band's percent of it, rounded down. */
export function allowedPresalesBudget(policy: Policy, grossMargin: number): number {
  const band = [...policy.salesControl.presalesBudgetBands].reverse().find(({ grossMarginFrom }) => grossMargin >= grossMarginFrom);
  return band ? Math.floor((grossMargin * band.percent) / 100) : 0;
}

/** What an event records of the policy its decision was taken under. */
export const policyRef = ({ profile, version }: Policy) => ({ profile, version });

/** Approvals a review needs with these reviewers under this class's rule. */
export function approvalsNeeded(policy: Policy, projectClass: ProjectClass, reviewers: number): number {
  return policy.review[projectClass].rule === 'ONE_APPROVAL' ? 1 : Math.floor(reviewers / 2) + 1;
}

/** The roles a capacity's signer holds; a representative holds whatever role the policy's signing responsibility lists. */
export const CAPACITY_ROLES: Record<Exclude<SigningCapacity, 'REPRESENTATIVE'>, Role> = {
  TECHNICAL_LEAD: 'PRESALES_ENGINEER',
  ACCOUNT_MANAGER: 'ACCOUNT_MANAGER',
  DEPARTMENT_LEADER: 'DEPARTMENT_LEADER',
};

/** 立项: MAJOR above the policy's amount, without a mature reference case, or with R&D changes; else GENERAL. */
export function projectClassFor(policy: Policy, estimatedAmount: number, facts: { hasMatureReference: boolean; needsRndChanges?: boolean }): ProjectClass {
  return estimatedAmount > policy.majorProjectAbove || !facts.hasMatureReference || facts.needsRndChanges === true ? 'MAJOR' : 'GENERAL';
}

/** A GENERAL project quoted above the MAJOR threshold becomes MAJOR. */
export const raisedByQuotation = (policy: Policy, projectClass: ProjectClass, amount: number): boolean =>
  projectClass === 'GENERAL' && amount > policy.majorProjectAbove;

/** An open stage's amount weighted by the policy's win probability there (fen, rounded). */
export const weightedAmount = (policy: Policy, stage: string, amount: number): number => Math.round((amount * (policy.stageProbability[stage] ?? 0)) / 100);

/** The roles whose approval a quotation of this amount needs, in the order they are listed. */
export function quotationApprovers(policy: Policy, projectClass: ProjectClass, amount: number): Role[] {
  const { upToLevel, aboveLevel, majorAlso } = policy.quotationApprovers;
  const base = amount <= policy.quotationApprovalLevel ? upToLevel : aboveLevel;
  return [...new Set([...base, ...(projectClass === 'MAJOR' ? majorAlso : [])])];
}
