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
  /** COO / CTO / 总经理: confirms oral agreements put in writing (the profile says so). */
  'EXECUTIVE',
  /** 施工部门的网络工程师: the delivery team's engineer a won project is handed over to. */
  'DELIVERY_ENGINEER',
  'SALES_ASSISTANT',
  /** 销售策划: follows the quarterly analysis up with market actions (document 003 L95). */
  'SALES_PLANNER',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

/** What a customer may decline, ending the project (PSM030, PSM060, the contract intent after it). */
export const DECLINED_SUBJECTS = ['SOLUTION', 'TECHNICAL_AGREEMENT', 'CONTRACT_INTENT'] as const;
export type DeclinedSubject = (typeof DECLINED_SUBJECTS)[number];

/**
 * What the customer confirms (document 000 §5.1–5.8): the exchange memo, the solution with its budget, the technical
 * agreement's terms, the intent to sign a contract (stated on the signed agreement) and the contract's terms.
 */
export const CONFIRMED_SUBJECTS = ['EXCHANGE_MEMO', 'SOLUTION', 'TECHNICAL_AGREEMENT', 'CONTRACT_INTENT', 'CONTRACT'] as const;
export type ConfirmedSubject = (typeof CONFIRMED_SUBJECTS)[number];

/** The documents that go to the customer, each by its version: what a confirmation or a sending names. */
export const CUSTOMER_DOCUMENTS = ['EXCHANGE_MEMO', 'SOLUTION', 'QUOTATION', 'TECHNICAL_AGREEMENT', 'CONTRACT'] as const;
export type CustomerDocument = (typeof CUSTOMER_DOCUMENTS)[number];

/** The documents sent to the customer once approved (提交给客户, 审后发出, 发送给客户). */
export const SENT_DOCUMENTS = ['SOLUTION', 'QUOTATION', 'TECHNICAL_AGREEMENT', 'CONTRACT'] as const;
export type SentDocument = (typeof SENT_DOCUMENTS)[number];

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

/** 上门拜访、电话、邮件、传真, and a meeting with the customer (DOMAIN.md, tracking). */
export const TRACKING_KINDS = ['VISIT', 'CALL', 'EMAIL', 'FAX', 'MEETING'] as const;
export type TrackingKind = (typeof TRACKING_KINDS)[number];

/** 借款单 signed, documents bought, bond paid, documents checked, bound and sealed, bid submitted. */
export const BID_STEPS = ['LOAN_SIGNED', 'DOCUMENTS_PURCHASED', 'BOND_PAID', 'DOCUMENTS_CHECKED', 'DOCUMENTS_SEALED', 'BID_SUBMITTED'] as const;
export type BidStep = (typeof BID_STEPS)[number];

/**
 * 网络工程售前阶段项目文档移交清单: the kinds of document the handover list holds (S1-DY 6.7 a–d, and the
 * customer's needs and product configuration S2 passes to after-sales); UNCLASSIFIED only on lists
 * handed over before items had kinds.
 */
export const HANDOVER_KINDS = [
  'CONTRACT',
  'SUPPLEMENTARY_AGREEMENT',
  'ORAL_AGREEMENT',
  'SOLUTION',
  'BID_DOCUMENTS',
  'TECHNICAL_AGREEMENT',
  'QUOTATION',
  'CONTRACT_REVIEW_SHEET',
  'REVIEW_ISSUES_SHEET',
  'CUSTOMER_NEEDS',
  'PRODUCT_CONFIGURATION',
  'UNCLASSIFIED',
] as const;
export type HandoverKind = (typeof HANDOVER_KINDS)[number];
/** The kinds a list is handed over with now. */
export const LISTED_HANDOVER_KINDS = HANDOVER_KINDS.filter((kind) => kind !== 'UNCLASSIFIED');

/** One document of the handover list: what it is in the list, which version, and the file itself. */
export interface HandoverItem extends DocumentRef {
  kind: HandoverKind;
  version: string;
}

/** How the sealed bid goes to the opening: 邮寄, 快递, or carried there (带往). */
export const BID_DELIVERIES = ['POST', 'COURIER', 'IN_PERSON'] as const;
export type BidDelivery = (typeof BID_DELIVERIES)[number];

/** Which bid decision: the intent before the documents are bought, or the final one once they are evaluated. */
export type BidDecisionPhase = 'INTENT' | 'FINAL';

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
