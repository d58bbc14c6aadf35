import { shanghaiDate } from '../policy/working-calendar.js';
import type { BookSigning, RecordCustomerConfirmation, SendToCustomer } from './commands.js';
import { requireSameDocument, requireStage, requireText, type DecisionContext } from './decision-context.js';
import { isFullyApproved } from './decide-quotation.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import { CLOSED_STAGES, type Project } from './state.js';
import type { ConfirmedSubject, CustomerDocument, DocumentRef } from './vocabulary.js';

/** A version of a document that may go to the customer now. */
interface Shown { document: CustomerDocument; version: number; ref: DocumentRef }

const NAMES: Record<CustomerDocument, string> = {
  EXCHANGE_MEMO: 'exchange memo', SOLUTION: 'solution', QUOTATION: 'quotation', TECHNICAL_AGREEMENT: 'technical agreement', CONTRACT: 'contract',
};

/** The stages where a solution, passed, stands before the customer: its revisions in tender and negotiation too. */
export const SOLUTION_BEFORE_CUSTOMER = ['PSM040_QUOTATION', 'PSM050_TENDER', 'PSM060_NEGOTIATION'] as const;

/** The version of each document in force that is ready for the customer: approved, and not yet signed. */
function ready(project: Project, document: CustomerDocument): Shown {
  const none = (why: string): never => refuse('INVALID_TRANSITION', `no ${NAMES[document]} is ready for the customer: ${why}`);
  switch (document) {
    case 'EXCHANGE_MEMO':
      return project.exchangeMemo ? { document, version: 1, ref: project.exchangeMemo } : none('the exchange filed no memo');
    case 'SOLUTION': {
      requireStage(project, ...SOLUTION_BEFORE_CUSTOMER);
      const { solution } = project;
      return solution?.status === 'PASSED' ? { document, version: solution.version, ref: solution.document } : none(`version ${solution?.version} has not passed its review`);
    }
    case 'QUOTATION': {
      const { quotation } = project;
      return quotation && isFullyApproved(quotation) ? { document, version: quotation.version, ref: quotation.document } : none('nothing goes out at an unapproved amount');
    }
    case 'TECHNICAL_AGREEMENT': {
      requireStage(project, 'PSM060_NEGOTIATION');
      const { agreement } = project;
      return agreement?.status === 'PASSED' ? { document, version: agreement.version, ref: agreement.document } : none('it has not passed its review');
    }
    case 'CONTRACT': {
      requireStage(project, 'PSM070_CONTRACT');
      const { contract } = project;
      return contract?.status === 'COUNTERSIGNED' ? { document, version: contract.version, ref: contract.document } : none('its countersigns are not done');
    }
  }
}

/** The document each confirmation speaks of: the intent to sign a contract is stated on the signed agreement. */
function confirmable(project: Project, subject: ConfirmedSubject): Shown {
  if (subject !== 'CONTRACT_INTENT') return ready(project, subject);
  requireStage(project, 'PSM070_CONTRACT');
  const { agreement } = project;
  if (!agreement?.signed) return refuse('INVALID_TRANSITION', 'a contract intent is stated on the signed technical agreement');
  return { document: 'TECHNICAL_AGREEMENT', version: agreement.version, ref: agreement.document };
}

/**
 * 客户确认: the customer confirmed the version in force, named by the sha256 they were shown: a stale one is refused, and a
 * version is confirmed once. The confirmation is also the customer's receipt of that version.
 */
export function recordCustomerConfirmation(project: Project, { data }: RecordCustomerConfirmation, context: DecisionContext): ProjectEvent[] {
  if (CLOSED_STAGES.includes(project.stage)) refuse('INVALID_TRANSITION', `the project is already ${project.stage}`);
  const { subject } = data;
  const shown = confirmable(project, subject);
  requireSameDocument(data.documentSha256, shown.ref.sha256, NAMES[shown.document]);
  if (project.confirmed?.[subject] === shown.version) refuse('INVALID_TRANSITION', `the customer already confirmed ${NAMES[shown.document]} v${shown.version} (${subject})`);
  const budget = subject === 'SOLUTION' && project.systemBudget ? { systemBudget: project.systemBudget } : {};
  return [{
    type: 'CustomerConfirmed',
    data: { subject, document: shown.document, version: shown.version, documentSha256: data.documentSha256, ...budget, recordedBy: context.actor.userId },
  }];
}

/** 提交给客户 / 审后发出: an approved version goes to the customer; what they last received is then known. */
export function sendToCustomer(project: Project, { data }: SendToCustomer, context: DecisionContext): ProjectEvent[] {
  if (CLOSED_STAGES.includes(project.stage)) refuse('INVALID_TRANSITION', `the project is already ${project.stage}`);
  const shown = ready(project, data.document);
  requireSameDocument(data.documentSha256, shown.ref.sha256, NAMES[data.document]);
  if (project.withCustomer?.[data.document] === shown.version) refuse('INVALID_TRANSITION', `the customer already has ${NAMES[data.document]} v${shown.version}`);
  return [{ type: 'SentToCustomer', data: { document: data.document, version: shown.version, documentSha256: data.documentSha256, sentBy: context.actor.userId } }];
}

/** 签约预约: the organiser books the signing of the version approved (agreement passed, contract countersigned), on a day still to come. */
export function bookSigning(project: Project, { data }: BookSigning, context: DecisionContext): ProjectEvent[] {
  const shown = ready(project, data.document);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(data.appointedOn)) refuse('INVALID_INPUT', 'the signing day is a date YYYY-MM-DD');
  if (data.appointedOn < shanghaiDate(context.now)) refuse('INVALID_INPUT', `a signing is booked for a day to come: ${data.appointedOn} is past`);
  const place = requireText(data.place, 'where the signing takes place').trim();
  return [{ type: 'SigningBooked', data: { document: data.document, version: shown.version, appointedOn: data.appointedOn, place, bookedBy: context.actor.userId } }];
}

/** The gates the customer's word sets: a step that waits for a confirmation of this version is refused without it. */
export function requireConfirmed(project: Project, subject: ConfirmedSubject, version: number, before: string): void {
  if (project.confirmed?.[subject] !== version) {
    const what = subject === 'CONTRACT_INTENT' ? 'stated its intent to sign a contract' : `confirmed ${NAMES[subject as CustomerDocument]} v${version}`;
    refuse('INVALID_TRANSITION', `the customer has not ${what}: ${before} waits for it (RecordCustomerConfirmation ${subject})`);
  }
}
