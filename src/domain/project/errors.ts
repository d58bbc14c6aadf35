export const DOMAIN_ERROR_CODES = [
  'PROJECT_NOT_FOUND',
  'PROJECT_EXISTS',
  'INVALID_TRANSITION',
  'NOT_ALLOWED_FOR_ROLE',
  'APPROVAL_LEVEL_REQUIRED',
  'NOT_A_REVIEWER',
  'ALREADY_VOTED',
  'NOT_NEXT_SIGNER',
  'DOCUMENT_CHANGED',
  'REASON_REQUIRED',
  'INVALID_INPUT',
  'DEADLINE_PASSED',
  'QUOTATION_NOT_APPROVED',
  'COMMAND_ID_TAKEN',
  'HANDOVER_INCOMPLETE',
  'STANDARD_SOLUTION_UNAVAILABLE',
  // policy what-if
  'INVALID_POLICY',
  'PERIOD_TOO_LONG',
  'REPLAY_TOO_LARGE',
  // management reports (每月信息统计表, 季度信息分析报告) and their follow-up actions
  'REPORT_PERIOD_NOT_ENDED',
  'REPORT_NOT_PREPARED',
  'REPORT_NOT_SUBMITTED',
  'REPORT_MONTHS_MISSING',
  'NOT_ACTION_OWNER',
  /** 客户满意度调查: the link's token is no survey's, its survey expired, or it was answered already. */
  'SURVEY_LINK_INVALID',
  'SURVEY_LINK_EXPIRED',
  'SURVEY_ALREADY_ANSWERED',
  // document 004's controls
  'NOT_THE_SPONSOR',
  'NOT_THE_PROJECT_MANAGER',
  'BUDGET_ABOVE_POLICY',
  'ADJUSTMENT_NOT_CONFIRMED',
  'EXECUTIVE_APPROVAL_REQUIRED',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** What a refusal names besides its message, for a client to act on: the kinds a handover list lacks, the setting a policy gets wrong, the months a quarter lacks. */
export interface RefusalDetails {
  missingKinds?: readonly string[];
  /** Where a policy file is wrong (policy.sla.reviewWorkingDays…). */
  path?: string;
  /** The months of a quarter without an acknowledged monthly report. */
  missingMonths?: readonly string[];
  /** BUDGET_ABOVE_POLICY: the most the policy allows for the expected gross margin. */
  allowedBudget?: { amount: number; currency: string };
}

/** A rule of the procedure refused a command; nothing is appended. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: RefusalDetails = {},
  ) {
    // an answer, not a fault: no stack is ever shown, and what-may-I-do meets a hundred refusals a request
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'DomainError';
  }
}

export const refuse = (code: DomainErrorCode, message: string, details?: RefusalDetails): never => {
  throw new DomainError(code, message, details);
};
