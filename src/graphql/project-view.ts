import type { FoundProject } from '../application/get-project.query.js';
import type { Deadline as Clock } from '../domain/project/deadlines.js';
import type { Contract, Quotation, Review } from '../domain/project/state.js';
import type { CustomerDocument, Role, SignedDocument } from '../domain/project/vocabulary.js';
import type { Deadline } from './deadline.types.js';
import type { ContractView, QuotationView, ReviewView } from './project-parts.types.js';
import type { ProjectView } from './project-view.types.js';
import { salesControlViewOf } from './sales-control-view.js';

const onClock = (clock: Clock, at: string): Deadline => ({ ...clock, overdue: clock.overdueAt < at });

const reviewView = ({ subject, version, document, authorId, reviewers, approvalsNeeded, votes, status, clock }: Review, at: string): ReviewView => ({
  subject, version, document, authorId, reviewers, approvalsNeeded, status,
  votes: Object.entries(votes).map(([reviewerId, vote]) => ({ reviewerId, vote })),
  clock: clock && onClock(clock, at),
});

/** The required approvals left once each approval given has taken one of its role. */
function approvalsMissing({ requiredApprovals, approvals }: Quotation): Role[] {
  const missing = [...requiredApprovals];
  for (const { role } of approvals) {
    const index = missing.indexOf(role);
    if (index >= 0) missing.splice(index, 1);
  }
  return missing;
}

const quotationView = (quotation: Quotation): QuotationView => ({ ...quotation, approvalsMissing: approvalsMissing(quotation) });

/** The chain's steps in order, the first ones signed by the signers in turn; the next step waits while countersigning. */
function contractView(contract: Contract): ContractView {
  const { chain, signers, ...rest } = contract;
  const next = chain[signers.length];
  return {
    ...rest,
    chain: chain.map((step, index) => ({ ...step, signed: index < signers.length, signedBy: signers[index] })),
    nextSigner: contract.status === 'COUNTERSIGNING' && next ? next : null,
  };
}

const customerReceivedOf = (held: Partial<Record<CustomerDocument, number>>) => ({
  exchangeMemoVersion: held.EXCHANGE_MEMO, solutionVersion: held.SOLUTION, quotationVersion: held.QUOTATION, agreementVersion: held.TECHNICAL_AGREEMENT, contractVersion: held.CONTRACT,
});

/** The project as GraphQL shows it: its state folded from the stream, what its history recorded, its open clocks as of `at`. */
export function projectViewOf({ project, revision, record, documents, salesControl }: FoundProject, at: string): ProjectView {
  const { lead, agreement, contract, quotation, solution } = project;
  return {
    ...project,
    ...record,
    revision,
    title: lead.title, customer: lead.customer, ownerId: lead.ownerId, region: lead.region, productLine: lead.productLine, estimatedAmount: lead.estimatedAmount,
    representatives: (Object.entries(project.representatives ?? {}) as Array<[SignedDocument, string]>).map(([document, userId]) => ({ document, userId })),
    solution: solution && reviewView(solution, at),
    quotation: quotation && quotationView(quotation),
    agreement: agreement && { ...reviewView(agreement, at), signed: agreement.signed, signature: agreement.signature, scan: agreement.scan },
    contract: contract && contractView(contract),
    documents,
    handover: record.handover,
    customerReceived: customerReceivedOf(project.withCustomer ?? {}),
    openDeadlines: record.openDeadlines.map((clock) => onClock(clock, at)),
    salesControl: salesControlViewOf(project, salesControl, at),
    details: project as unknown as Record<string, unknown>,
  };
}
