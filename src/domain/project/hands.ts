import { hasRole, type DecisionContext } from './decision-context.js';
import { refuse } from './errors.js';
import type { Project, Signature } from './state.js';
import type { SignedDocument, SigningCapacity } from './vocabulary.js';

export const DOCUMENT_NAMES: Record<SignedDocument, string> = { TECHNICAL_AGREEMENT: 'technical agreement', CONTRACT: 'contract' };

const CAPACITY_NAMES: Record<SigningCapacity, string> = {
  TECHNICAL_LEAD: 'the technical lead',
  ACCOUNT_MANAGER: 'the account manager',
  DEPARTMENT_LEADER: 'a department leader',
  REPRESENTATIVE: "the department leader's representative",
};

/** 成熟產品或單機設備 / 複雜類設備或成線 (document 003): who drafts the technical agreement depends on the product kind. */
export function requireAgreementDrafter(project: Project, context: DecisionContext): void {
  const { singleEquipmentLines, matureOrSingleEquipment, complex } = context.policy.agreementDrafters;
  const simple = project.hasMatureReference === true || singleEquipmentLines.includes(project.lead.productLine);
  const drafters = simple ? matureOrSingleEquipment : complex;
  if (!hasRole(context, drafters)) {
    const kind = simple ? 'a mature product or single equipment' : 'complex equipment or a line';
    refuse('NOT_ALLOWED_FOR_ROLE', `the technical agreement for ${kind} is drafted by ${drafters.join(' or ')} under the ${context.policy.profile} policy`);
  }
}

/** The person a capacity names on this project; a department leader is anyone holding the role. */
function holderOf(project: Project, document: SignedDocument, capacity: Exclude<SigningCapacity, 'DEPARTMENT_LEADER'>): string | undefined {
  if (capacity === 'TECHNICAL_LEAD') return project.presalesEngineerId;
  if (capacity === 'ACCOUNT_MANAGER') return project.lead.ownerId;
  return project.representatives?.[document];
}

/** Who signs with the customer: a capacity the profile allows for this document, held by the caller. */
export function requireSigner(project: Project, document: SignedDocument, capacity: SigningCapacity, context: DecisionContext): Signature {
  const allowed = context.policy.signingCapacities[document];
  const what = DOCUMENT_NAMES[document];
  if (!allowed.includes(capacity)) {
    refuse('NOT_ALLOWED_FOR_ROLE', `the ${what} is signed by ${allowed.map((name) => CAPACITY_NAMES[name]).join(' or ')} under the ${context.policy.profile} policy, not ${CAPACITY_NAMES[capacity]}`);
  }
  const { userId } = context.actor;
  if (capacity === 'DEPARTMENT_LEADER') {
    if (!hasRole(context, ['DEPARTMENT_LEADER'])) refuse('NOT_ALLOWED_FOR_ROLE', `${userId} does not sign the ${what} as a department leader`);
  } else {
    const holder = holderOf(project, document, capacity);
    if (holder !== userId) refuse('NOT_ALLOWED_FOR_ROLE', holder ? `${CAPACITY_NAMES[capacity]} of this project is ${holder}` : `this project has no ${CAPACITY_NAMES[capacity].replace(/^the /, '')} to sign the ${what}`);
  }
  return { signerId: userId, capacity };
}
