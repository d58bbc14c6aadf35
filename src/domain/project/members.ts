import type { ProjectEvent } from './events.js';

/** The people an event names as working on the project, beside whoever issued it. */
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
