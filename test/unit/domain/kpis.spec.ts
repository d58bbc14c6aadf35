import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { EQUIPMENT_MAKER } from '../../support/policies.js';
import { AM, ENGINEER, MARKETING, history, won } from './fixtures.js';
import { as, given } from './given-when-then.js';

const rate = (person = ENGINEER, score = 4, comment = '响应及时，配合交付') => ({ type: 'RateCollaboration' as const, data: { person, score, comment } });
const rated = (ratedBy: string, person = ENGINEER, score = 4): ProjectEvent => ({
  type: 'CollaborationRated', data: { person, score, scale: { min: 1, max: 5 }, comment: '响应及时，配合交付', ratedBy },
});

describe('沟通协作评价: the departments that worked with a pre-sales person rate them (document 002 §溝通協作能力)', () => {
  it('a department the policy names rates one of the project\'s pre-sales people on the policy\'s scale, with what it rests on', () => {
    given(history('PSM040')).when(rate(), as(AM, 'ACCOUNT_MANAGER')).then([rated(AM)]);
    given(won()).when(rate(ENGINEER, 5), as(MARKETING, 'MARKETING')).then([rated(MARKETING, ENGINEER, 5)]);
    given(won()).when(rate(), as('de-lin', 'DELIVERY_ENGINEER'), { policy: EQUIPMENT_MAKER }).then([rated('de-lin')]);
  });

  it('a role the policy does not name is refused: reviewers and other pre-sales engineers do not rate', () => {
    given(history('PSM040')).when(rate(), as('rv-1', 'REVIEWER')).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(history('PSM040')).when(rate(), as('pe-zhang', 'PRESALES_ENGINEER')).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });

  it('once per rater and person on a project; another rater may rate too', () => {
    given([...history('PSM040'), rated(AM)]).when(rate(), as(AM, 'ACCOUNT_MANAGER')).thenThrows('INVALID_TRANSITION');
    given([...history('PSM040'), rated(AM)]).when(rate(), as(MARKETING, 'MARKETING')).then([rated(MARKETING)]);
  });

  it('rates a pre-sales person of the project only, never oneself, on the scale, and says why', () => {
    given(history('PSM040')).when(rate('pe-zhang'), as(AM, 'ACCOUNT_MANAGER')).thenThrows('INVALID_INPUT');
    given(history('PSM040')).when(rate(ENGINEER), as(ENGINEER, 'TECH_MANAGER')).thenThrows('INVALID_INPUT');
    for (const score of [0, 6, 3.5]) given(history('PSM040')).when(rate(ENGINEER, score), as(AM, 'ACCOUNT_MANAGER')).thenThrows('INVALID_INPUT');
    given(history('PSM040')).when(rate(ENGINEER, 4, ' '), as(AM, 'ACCOUNT_MANAGER')).thenThrows('REASON_REQUIRED');
  });
});
