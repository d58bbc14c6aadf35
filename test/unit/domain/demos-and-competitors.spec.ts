import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { EQUIPMENT_MAKER } from '../../support/policies.js';
import { AM, ENGINEER, MARKETING, cny, history, leadRegistered, negotiating, won } from './fixtures.js';
import { as, given } from './given-when-then.js';

const engineer = as(ENGINEER, 'PRESALES_ENGINEER');
const plan = { audience: '厂长与工艺科', environment: '展厅焊接工作站', agenda: '上下料、焊接两种工件、节拍', durationMinutes: 90, plannedOn: '2026-11-26' };
const planned = (number = 1): ProjectEvent => ({ type: 'DemoPlanned', data: { number, ...plan, plannedBy: ENGINEER } });
const held = (number = 1): ProjectEvent => ({ type: 'DemoHeld', data: { number, presenters: [ENGINEER], heldOn: '2026-11-24' } });
const terminated: ProjectEvent = { type: 'ProjectTerminated', data: { decidedBy: 'dir-sun' } };
const holding = (number = 1) => ({ type: 'RecordDemoHeld' as const, data: { number, presenters: [ENGINEER], heldOn: '2026-11-24' } });

describe('demos 演示: plan, held, customer feedback, at any open stage', () => {
  it('a demo is planned at any open stage from the first contact, numbered in order, by whom the policy names', () => {
    for (const events of [[leadRegistered()], history('PSM030'), negotiating()]) {
      given(events).when({ type: 'PlanDemo', data: plan }, engineer).then([planned()]);
    }
    given([...history('PSM030'), planned()]).when({ type: 'PlanDemo', data: plan }, as('tm-he', 'TECH_MANAGER')).then([{ type: 'DemoPlanned', data: { number: 2, ...plan, plannedBy: 'tm-he' } }]);
  });

  it('a role without the responsibility is refused: the account manager, and the tech manager under equipment-maker', () => {
    given(history('PSM030')).when({ type: 'PlanDemo', data: plan }, as(AM, 'ACCOUNT_MANAGER')).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(history('PSM030')).when({ type: 'PlanDemo', data: plan }, as('tm-he', 'TECH_MANAGER'), { policy: EQUIPMENT_MAKER }).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });

  it('no demo is planned or held on a closed project', () => {
    given(won()).when({ type: 'PlanDemo', data: plan }, engineer).thenThrows('INVALID_TRANSITION');
    given([...history('PSM030'), planned(), terminated]).when(holding(), engineer).thenThrows('INVALID_TRANSITION');
  });

  it('a plan names its audience, environment and agenda, and lasts 1 to 480 minutes', () => {
    given(history('PSM030')).when({ type: 'PlanDemo', data: { ...plan, audience: ' ' } }, engineer).thenThrows('REASON_REQUIRED');
    for (const durationMinutes of [0, -5, 481, 1.5]) {
      given(history('PSM030')).when({ type: 'PlanDemo', data: { ...plan, durationMinutes } }, engineer).thenThrows('INVALID_INPUT');
    }
  });

  it('a planned demo is held once, by its presenters, on a day not yet to come', () => {
    given([...history('PSM030'), planned()]).when(holding(), engineer).then([held()]);
    given([...history('PSM030'), planned(), held()]).when(holding(), engineer).thenThrows('INVALID_TRANSITION');
    given([...history('PSM030'), planned()]).when(holding(2), engineer).thenThrows('INVALID_INPUT');
    given(history('PSM030')).when(holding(), engineer).thenThrows('INVALID_TRANSITION');
    given([...history('PSM030'), planned()]).when({ ...holding(), data: { ...holding().data, presenters: [] } }, engineer).thenThrows('INVALID_INPUT');
    given([...history('PSM030'), planned()]).when({ ...holding(), data: { ...holding().data, heldOn: '2026-11-25' } }, engineer).thenThrows('INVALID_INPUT');
  });

  it('the customer\'s feedback follows a demo held, once, even after the project closed', () => {
    const feedback = { type: 'RecordDemoFeedback' as const, data: { number: 1, feedback: '节拍满足要求，希望看换型' } };
    given([...history('PSM030'), planned()]).when(feedback, engineer).thenThrows('INVALID_TRANSITION');
    given([...history('PSM030'), planned(), held()]).when(feedback, engineer).then([{ type: 'DemoFeedbackRecorded', data: feedback.data }]);
    given([...history('PSM030'), planned(), held(), { type: 'DemoFeedbackRecorded', data: feedback.data }]).when(feedback, engineer).thenThrows('INVALID_TRANSITION');
    given([...history('PSM030'), planned(), held(), terminated]).when(feedback, engineer).then([{ type: 'DemoFeedbackRecorded', data: feedback.data }]);
    given([...history('PSM030'), planned(), held()]).when({ ...feedback, data: { number: 1, feedback: '' } }, engineer).thenThrows('REASON_REQUIRED');
  });
});

describe('competitor intelligence 竞争信息: on any path and stage, by whom the policy names', () => {
  const note = { competitor: ' KUKA ', strengths: '品牌', weaknesses: '交期长', price: cny(850_000) };
  const noted = (reportedBy: string): ProjectEvent => ({ type: 'CompetitorNoted', data: { ...note, competitor: 'KUKA', reportedBy } });

  it('the account manager, the engineer or 市场部 notes a competitor, before or after the result; the reporter is who records it', () => {
    given([leadRegistered()]).when({ type: 'NoteCompetitor', data: note }, as(AM, 'ACCOUNT_MANAGER')).then([noted(AM)]);
    given(negotiating()).when({ type: 'NoteCompetitor', data: note }, engineer).then([noted(ENGINEER)]);
    given(won()).when({ type: 'NoteCompetitor', data: note }, as(MARKETING, 'MARKETING')).then([noted(MARKETING)]);
  });

  it('a name alone is enough; the price is whole fen in the policy\'s currency', () => {
    given(negotiating()).when({ type: 'NoteCompetitor', data: { competitor: 'Estun' } }, as(AM, 'ACCOUNT_MANAGER'))
      .then([{ type: 'CompetitorNoted', data: { competitor: 'Estun', reportedBy: AM } }]);
    given(negotiating()).when({ type: 'NoteCompetitor', data: { competitor: '  ' } }, as(AM, 'ACCOUNT_MANAGER')).thenThrows('INVALID_INPUT');
    for (const price of [{ amount: 0, currency: 'CNY' }, { amount: 100, currency: 'USD' }]) {
      given(negotiating()).when({ type: 'NoteCompetitor', data: { competitor: 'Estun', price } }, as(AM, 'ACCOUNT_MANAGER')).thenThrows('INVALID_INPUT');
    }
  });

  it('a role without the responsibility is refused: 市场部 under equipment-maker, the reviewer under either', () => {
    given(negotiating()).when({ type: 'NoteCompetitor', data: note }, as(MARKETING, 'MARKETING'), { policy: EQUIPMENT_MAKER }).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(negotiating()).when({ type: 'NoteCompetitor', data: note }, as('sup-zhao', 'SALES_SUPERVISOR'), { policy: EQUIPMENT_MAKER }).then([noted('sup-zhao')]);
    given(negotiating()).when({ type: 'NoteCompetitor', data: note }, as('rv-1', 'REVIEWER')).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });
});
