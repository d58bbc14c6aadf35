import type { ProjectEvent } from './events.js';
import type { Stage } from './state.js';

/** The types of the events that may move a project into another stage (`stageEnteredBy` names no other). */
export const STAGE_CHANGING_TYPES: ReadonlyArray<ProjectEvent['type']> = [
  'LeadRegistered', 'LeadQualified', 'LeadRejected', 'LeadForwarded', 'ProjectApproved', 'ExchangeRecorded', 'SurveyCompleted',
  'ReviewPassed', 'ProcurementChosen', 'BidDecided', 'BidWon', 'BidLost', 'TechnicalAgreementSigned', 'ContractSigned', 'ProjectTerminated',
  'CustomerDeclined', 'StandardSolutionSent',
];

/** The stage an event moves a project into, if it moves it: read models follow the procedure with it. */
export function stageEnteredBy(event: ProjectEvent): Stage | undefined {
  switch (event.type) {
    case 'LeadRegistered':
      return 'LEAD';
    case 'LeadQualified':
      return 'QUALIFIED';
    case 'LeadRejected':
    case 'LeadForwarded':
      return 'CLOSED';
    case 'ProjectApproved':
      return 'PSM010_EXCHANGE';
    case 'ExchangeRecorded':
      return event.data.surveyNeeded ? 'PSM020_SURVEY' : 'PSM030_SOLUTION';
    case 'SurveyCompleted':
      return 'PSM030_SOLUTION';
    case 'ReviewPassed':
      return event.data.subject === 'SOLUTION' && !event.data.revision ? 'PSM040_QUOTATION' : undefined;
    // a standard product's reference solution goes on to the quotation without a committee review
    case 'StandardSolutionSent':
      return 'PSM040_QUOTATION';
    case 'ProcurementChosen':
      return event.data.method === 'TENDER' ? 'PSM050_TENDER' : 'PSM060_NEGOTIATION';
    case 'BidDecided':
      // not bidding is no loss: the project closes as not bid (win rates and 中标率 leave it out)
      return event.data.decision === 'NO_BID' ? 'CLOSED' : undefined;
    case 'BidWon':
      return 'PSM060_NEGOTIATION';
    case 'BidLost':
      return 'LOST';
    case 'TechnicalAgreementSigned':
      return 'PSM070_CONTRACT';
    case 'ContractSigned':
      return 'WON';
    case 'ProjectTerminated':
      return 'TERMINATED';
    case 'CustomerDeclined':
      return 'CLOSED';
    default:
      return undefined;
  }
}
