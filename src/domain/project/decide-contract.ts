import type { Countersign, DraftContract, SignContract } from './commands.js';
import { requireConfirmed } from './decide-customer.js';
import { approvedQuotation } from './decide-quotation.js';
import { hasRole, requireSameDocument, requireStage, requireText, type DecisionContext } from './decision-context.js';
import { reviewDeadline, summaryDeadline } from './deadlines.js';
import { refuse } from './errors.js';
import { requireSigner } from './hands.js';
import { MEMBER_ROLES } from './members.js';
import type { ProjectEvent } from './events.js';
import type { Contract, Project } from './state.js';
import type { Money, SignerStep } from './vocabulary.js';

/** No approving one amount and signing another: the contract carries the approved quotation's amount. */
function requireApprovedAmount(project: Project, amount: Money) {
  const quotation = approvedQuotation(project);
  if (amount.amount !== quotation.amount.amount || amount.currency !== quotation.amount.currency) {
    refuse('DOCUMENT_CHANGED', `the contract amount ${amount.amount} differs from approved quotation v${quotation.version} (${quotation.amount.amount})`);
  }
  return quotation;
}

/** A new draft restarts the countersign chain: signatures on an older draft cover another text. */
export function draftContract(project: Project, { data }: DraftContract, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM070_CONTRACT');
  if (project.contract?.status === 'SIGNED') refuse('INVALID_TRANSITION', 'the contract is already signed');
  // 已达成合同签订意向: the customer stated it on the signed agreement
  requireConfirmed(project, 'CONTRACT_INTENT', project.agreement?.version ?? 0, 'drafting the contract');
  const quotation = requireApprovedAmount(project, data.amount);
  const fixed = context.policy.countersignChain.map((role, index): SignerStep =>
    index === 0 ? { role, userId: context.actor.userId } : { role },
  );
  const extras = data.extraSigners.map(({ role, userId }): SignerStep => {
    // nobody of such a role would see the project to sign it: the chain would stop there
    if (!userId && MEMBER_ROLES.includes(role)) refuse('INVALID_INPUT', `an extra countersigner of role ${role} is a named person: give their userId`);
    if (!context.policy.responsibilities.countersign.includes(role)) refuse('INVALID_INPUT', `${role} does not countersign under the ${context.policy.profile} policy`);
    return userId ? { role, userId } : { role };
  });
  const chain = [...fixed.slice(0, -1), ...extras, ...fixed.slice(-1)];
  const version = (project.contract?.version ?? 0) + 1;
  const onSite = data.signingOnSite === true;
  const deadline = reviewDeadline('CONTRACT_REVIEW', onSite, chain.map(({ role, userId }) => (userId ? { userId } : { role })), context);
  return [{
    type: 'ContractDrafted',
    data: { version, document: data.document, amount: data.amount, quotationVersion: quotation.version, chain, ...(onSite ? { signingOnSite: true } : {}), deadlines: [deadline] },
  }];
}

function countersigning(project: Project): Contract {
  requireStage(project, 'PSM070_CONTRACT');
  const contract = project.contract;
  if (!contract) return refuse('INVALID_TRANSITION', 'no contract has been drafted');
  if (contract.status === 'REJECTED') refuse('INVALID_TRANSITION', 'the countersign was rejected: a new draft is needed');
  if (contract.status !== 'COUNTERSIGNING') refuse('INVALID_TRANSITION', 'every countersign is already done');
  return contract;
}

/** Only the next signer in the chain may sign or reject; one person signs one step. */
export function countersign(project: Project, { data }: Countersign, context: DecisionContext): ProjectEvent[] {
  const contract = countersigning(project);
  const step = contract.signers.length;
  const next = contract.chain[step];
  const { userId } = context.actor;
  const isNext = next.userId ? next.userId === userId : hasRole(context, [next.role]);
  if (!isNext || contract.signers.includes(userId)) {
    refuse('NOT_NEXT_SIGNER', `the next signer is ${next.userId ?? next.role} (step ${step + 1} of ${contract.chain.length})`);
  }
  requireSameDocument(data.documentSha256, contract.document.sha256, 'contract draft');
  const base = { version: contract.version, step, signerId: userId, role: next.role };
  if (data.decision === 'REJECT') {
    return [{ type: 'CountersignRejected', data: { ...base, comments: requireText(data.comments, 'comments on a rejection') } }];
  }
  return [{ type: 'ContractCountersigned', data: { ...base, documentSha256: data.documentSha256 } }];
}

/** The electronic version signed is the countersigned draft itself; its paper scan is archived on its own (ArchiveSignedScan). */
export function signContract(project: Project, { data }: SignContract, context: DecisionContext): ProjectEvent[] {
  requireStage(project, 'PSM070_CONTRACT');
  const contract = project.contract;
  if (contract?.status !== 'COUNTERSIGNED') return refuse('INVALID_TRANSITION', 'the contract is signed only when every countersign is done');
  const { signerId, capacity } = requireSigner(project, 'CONTRACT', data.capacity, context);
  requireApprovedAmount(project, contract.amount);
  requireSameDocument(data.document.sha256, contract.document.sha256, 'contract');
  requireConfirmed(project, 'CONTRACT', contract.version, 'signing the contract');
  return [{
    type: 'ContractSigned',
    data: { version: contract.version, amount: contract.amount, signedOn: data.signedOn, document: data.document, signerId, capacity, ...summaryDeadline(project, context) },
  }];
}
