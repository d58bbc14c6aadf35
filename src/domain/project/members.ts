import type { ProjectEvent } from './events.js';
import type { Role } from './vocabulary.js';

/** The roles that work on the projects they are named on (and see only those): a step must name such a person. */
export const MEMBER_ROLES: readonly Role[] = ['ACCOUNT_MANAGER', 'PRESALES_ENGINEER', 'REVIEWER'];

/** The people an event names as working on the project: its members, with the owner. Acting names nobody. */
export function namedIn(event: ProjectEvent): string[] {
  switch (event.type) {
    case 'LeadRegistered':
      return [event.data.ownerId];
    case 'ProjectApproved':
      return [event.data.sponsorId, ...(event.data.presalesEngineerId ? [event.data.presalesEngineerId] : [])];
    case 'SolutionSubmitted':
    case 'TechnicalAgreementSubmitted':
      return event.data.reviewers;
    case 'ContractDrafted':
      return event.data.chain.flatMap((step) => (step.userId ? [step.userId] : []));
    case 'ProjectHandedOver':
      return [event.data.receivedBy];
    default:
      return [];
  }
}
