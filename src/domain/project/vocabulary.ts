/** The words of the PSM procedure shared by commands, events and state. */

export const ROLES = [
  'ACCOUNT_MANAGER',
  'PRESALES_ENGINEER',
  'SALES_SUPERVISOR',
  'SALES_DIRECTOR',
  'MARKETING',
  'REVIEWER',
  'TECH_MANAGER',
  'OPERATIONS_CENTER',
  'BU_GENERAL_MANAGER',
  'DEPARTMENT_LEADER',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** What a customer may decline, ending the project (PSM030, PSM060, the contract intent after it). */
export const DECLINED_SUBJECTS = ['SOLUTION', 'TECHNICAL_AGREEMENT', 'CONTRACT_INTENT'] as const;
export type DeclinedSubject = (typeof DECLINED_SUBJECTS)[number];

/** The documents signed with the customer (PSM060, PSM080): each has its signers and its paper scan. */
export const SIGNED_DOCUMENTS = ['TECHNICAL_AGREEMENT', 'CONTRACT'] as const;
export type SignedDocument = (typeof SIGNED_DOCUMENTS)[number];

/** In which capacity someone signs with the customer: the profile lists those it allows per document. */
export const SIGNING_CAPACITIES = ['TECHNICAL_LEAD', 'ACCOUNT_MANAGER', 'DEPARTMENT_LEADER', 'REPRESENTATIVE'] as const;
export type SigningCapacity = (typeof SIGNING_CAPACITIES)[number];

export const CHANNELS = ['WEB', 'DISTRIBUTOR', 'PHONE', 'FAX', 'EMAIL', 'REFERRAL', 'EXHIBITION', 'OUTBOUND'] as const;
export type Channel = (typeof CHANNELS)[number];

export const OUTCOME_REASONS = ['PRICE', 'TECHNICAL', 'RELATIONSHIP', 'QUALIFICATION', 'TIMING', 'COMPETITOR', 'BUDGET_CUT', 'OTHER'] as const;
export type OutcomeReason = (typeof OUTCOME_REASONS)[number];

/** 重要程度: what the director's evaluation of an unclear lead sets. */
export const LEAD_IMPORTANCE = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type LeadImportance = (typeof LEAD_IMPORTANCE)[number];

export const TRACKING_KINDS = ['VISIT', 'CALL', 'EMAIL', 'FAX'] as const;
export type TrackingKind = (typeof TRACKING_KINDS)[number];

export const BID_STEPS = ['DOCUMENTS_PURCHASED', 'BOND_PAID', 'DOCUMENTS_CHECKED', 'BID_SUBMITTED'] as const;
export type BidStep = (typeof BID_STEPS)[number];

export type ProjectClass = 'MAJOR' | 'GENERAL';
export type ProcurementMethod = 'TENDER' | 'NEGOTIATION';
export type ReviewSubject = 'SOLUTION' | 'TECHNICAL_AGREEMENT';
export type Vote = 'APPROVE' | 'REJECT';

/** 合理性, 创新性, 完整性: a reviewer's scores of a solution, each from 1 to REVIEW_SCORE_MAX. */
export interface ReviewScores {
  rationality: number;
  innovation: number;
  completeness: number;
}
export const REVIEW_SCORE_MAX = 5;

/** Amounts are integer minor units (fen) with a currency code; never floats. */
export interface Money {
  amount: number;
  currency: string;
}

/** A document version as the procedure files it; approvals are bound to its sha256. */
export interface DocumentRef {
  title: string;
  uri: string;
  sha256: string;
}

/** 申请派人交流单: whom the account manager asks the technical team to send on site, where, when and why. */
export interface Dispatch {
  site: string;
  purpose: string;
  /** The day wanted (YYYY-MM-DD). */
  wantedOn: string;
  people: number;
}

export interface Milestone {
  name: string;
  dueOn: string;
}

/** One place in the countersign chain: a role, or a named user when an extra party was inserted. */
export interface SignerStep {
  role: Role;
  userId?: string;
}

export interface Actor {
  userId: string;
  roles: readonly Role[];
  businessUnit?: string;
}
