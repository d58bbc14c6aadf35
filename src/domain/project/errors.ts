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
  // document 004's controls
  'NOT_THE_SPONSOR',
  'NOT_THE_PROJECT_MANAGER',
  'BUDGET_ABOVE_POLICY',
  'ADJUSTMENT_NOT_CONFIRMED',
  'EXECUTIVE_APPROVAL_REQUIRED',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** What a refusal names besides its message, for a client to act on: the kinds a handover list lacks. */
export interface RefusalDetails {
  missingKinds?: readonly string[];
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
