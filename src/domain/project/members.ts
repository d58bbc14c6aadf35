import type { ProjectEvent } from './events.js';
import type { Role } from './vocabulary.js';

/** The roles that work on the projects they are named on (and see only those): a step must name such a person. */
export const MEMBER_ROLES: readonly Role[] = ['ACCOUNT_MANAGER', 'PRESALES_ENGINEER', 'REVIEWER', 'DELIVERY_ENGINEER'];

/** The owner an event makes: the registrant, then whoever the lead is assigned to. */
export function ownerSetBy(event: ProjectEvent): string | undefined {
  return event.type === 'LeadRegistered' || event.type === 'LeadAssigned' ? event.data.ownerId : undefined;
}

/** The types of the events that name an owner or members (`ownerSetBy`, `namedIn` name nobody else). */
export const NAMING_TYPES: ReadonlyArray<ProjectEvent['type']> = [
  'LeadRegistered', 'LeadAssigned', 'ProjectApproved', 'ReviewConvened', 'SolutionSubmitted', 'TechnicalAgreementSubmitted', 'ContractDrafted', 'SigningRepresentativeNamed', 'ProjectHandedOver',
];

/**
 * The people an event names as working on the project besides its owner: its members. Acting names
 * nobody; an owner who is reassigned stops being one unless a step named them too.
 */
export function namedIn(event: ProjectEvent): string[] {
  switch (event.type) {
    case 'ProjectApproved':
      return [event.data.sponsorId, ...(event.data.presalesEngineerId ? [event.data.presalesEngineerId] : [])];
    case 'ReviewConvened':
      return event.data.reviewers;
    // written before reviews were organised: the author named the reviewers at submission
    case 'SolutionSubmitted':
    case 'TechnicalAgreementSubmitted':
      return event.data.reviewers ?? [];
    case 'ContractDrafted':
      return event.data.chain.flatMap((step) => (step.userId ? [step.userId] : []));
    case 'SigningRepresentativeNamed':
      return [event.data.userId];
    case 'ProjectHandedOver':
      return [event.data.receivedBy];
    default:
      return [];
  }
}
