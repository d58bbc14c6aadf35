import { decide } from '../../../src/domain/project/decide.js';
import { DomainError } from '../../../src/domain/project/errors.js';
import { fold, type Project } from '../../../src/domain/project/state.js';
import { EQUIPMENT_MAKER } from '../../support/policies.js';
import { AM, cny, history } from './fixtures.js';
import { as, contextFor, given } from './given-when-then.js';
import { after, am, confirmedBook, otherDirector, planned, sponsor, taskBook } from './sales-control-fixtures.js';

const control = (events: Parameters<typeof fold>[0]) => (fold(events) as Project).control;
const cost = { category: 'TRAVEL' as const, amount: cny(30_000), spentOn: '2026-11-20', note: '赴苏州技术交流差旅' };

describe('售前项目任务书 (document 004 step 4, 表3): the budget from the expected gross margin by policy, confirmed by the sponsor', () => {
  it('files the budget within the policy\'s band of the gross margin, with the milestones, waiting for the sponsor named at 立项', () => {
    given(planned()).when({ type: 'FileTaskBook', data: taskBook }, am).then([{
      type: 'TaskBookFiled',
      data: { version: 1, ...taskBook, allowedBudget: cny(80_000), filedBy: AM, sponsorId: 'dir-sun' },
    }]);
  });

  it('refuses a budget above what the policy allows, saying the allowed figure (each profile its own bands)', () => {
    const refusal = (policy = contextFor(am).policy, budget = cny(80_001)) => {
      try {
        decide({ type: 'FileTaskBook', data: { ...taskBook, budget } }, fold(planned()), contextFor(am, { policy }));
      } catch (error) {
        return error as DomainError;
      }
      throw new Error('accepted');
    };
    expect(refusal()).toMatchObject({ code: 'BUDGET_ABOVE_POLICY', details: { allowedBudget: cny(80_000) } });
    expect(refusal().message).toContain('8000000 fen');
    // equipment-maker: 8% up to 2,000,000 CNY of margin as well, 5% from there
    expect(refusal(EQUIPMENT_MAKER)).toMatchObject({ code: 'BUDGET_ABOVE_POLICY', details: { allowedBudget: cny(80_000) } });
    given(planned()).when({ type: 'FileTaskBook', data: { ...taskBook, expectedGrossMargin: cny(3_000_000), budget: cny(160_000) } }, am, { policy: EQUIPMENT_MAKER })
      .thenThrows('BUDGET_ABOVE_POLICY');
  });

  it('follows the plan, needs dated milestones, and changes only by adjustment once confirmed', () => {
    given(history('PSM030')).when({ type: 'FileTaskBook', data: taskBook }, am).thenThrows('INVALID_TRANSITION');
    given(planned()).when({ type: 'FileTaskBook', data: { ...taskBook, milestones: [] } }, am).thenThrows('INVALID_INPUT');
    given(planned()).when({ type: 'FileTaskBook', data: { ...taskBook, milestones: [taskBook.milestones[0], taskBook.milestones[0]] } }, am).thenThrows('INVALID_INPUT');
    const refiled = after(planned(), [{ type: 'FileTaskBook', data: taskBook }, am], [{ type: 'FileTaskBook', data: { ...taskBook, budget: cny(50_000) } }, am]);
    expect(control(refiled).taskBook).toMatchObject({ version: 2, confirmed: false, budget: cny(50_000) });
    given(confirmedBook()).when({ type: 'FileTaskBook', data: taskBook }, am).thenThrows('INVALID_TRANSITION');
  });

  it('is confirmed by the sponsor named at 立项 only: another director, or a role that is never sponsor-side, is refused', () => {
    const filed = after(planned(), [{ type: 'FileTaskBook', data: taskBook }, am]);
    given(filed).when({ type: 'ConfirmTaskBook', data: { version: 1 } }, sponsor).then([{
      type: 'TaskBookConfirmed',
      data: { version: 1, confirmedBy: 'dir-sun', budget: cny(60_000), booked: cny(0), milestones: taskBook.milestones },
    }]);
    given(filed).when({ type: 'ConfirmTaskBook', data: { version: 1 } }, otherDirector).thenThrows('NOT_THE_SPONSOR');
    given(filed).when({ type: 'ConfirmTaskBook', data: { version: 1 } }, am).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(filed).when({ type: 'ConfirmTaskBook', data: { version: 2 } }, sponsor).thenThrows('DOCUMENT_CHANGED');
    given(confirmedBook()).when({ type: 'ConfirmTaskBook', data: { version: 1 } }, sponsor).thenThrows('INVALID_TRANSITION');
  });

  it('puts 立项\'s budget and milestones in the state, and the confirmed task book\'s in their place', () => {
    expect(control(history('PSM030'))).toMatchObject({ budget: cny(20_000), booked: cny(0), milestones: [{ name: 'solution', dueOn: '2026-12-15' }] });
    expect(control(confirmedBook())).toMatchObject({ budget: cny(60_000), milestones: taskBook.milestones, taskBook: { version: 1, confirmed: true } });
  });
});

describe('售前费用 (document 004 step 5, 项目发起人定期对项目费用进行控制审核): costs booked against the confirmed task book', () => {
  it('books each cost numbered, with the budget in force and the total booked after it; over the plan it is still booked', () => {
    given(confirmedBook()).when({ type: 'BookPresalesCost', data: cost }, am).then([{
      type: 'PresalesCostBooked', data: { number: 1, ...cost, bookedBy: AM, budget: cny(60_000), booked: cny(30_000) },
    }]);
    const over = after(confirmedBook(), [{ type: 'BookPresalesCost', data: cost }, am], [{ type: 'BookPresalesCost', data: { ...cost, amount: cny(40_000) } }, am]);
    expect(control(over)).toMatchObject({ costs: 2, budget: cny(60_000), booked: cny(70_000) });
  });

  it('refuses a cost before the task book is confirmed, of an unknown category, in the future, or in another currency', () => {
    given(planned()).when({ type: 'BookPresalesCost', data: cost }, am).thenThrows('INVALID_TRANSITION');
    given(after(planned(), [{ type: 'FileTaskBook', data: taskBook }, am])).when({ type: 'BookPresalesCost', data: cost }, am).thenThrows('INVALID_TRANSITION');
    given(confirmedBook()).when({ type: 'BookPresalesCost', data: { ...cost, category: 'GIFTS' as never } }, am).thenThrows('INVALID_INPUT');
    given(confirmedBook()).when({ type: 'BookPresalesCost', data: { ...cost, spentOn: '2026-11-25' } }, am).thenThrows('INVALID_INPUT');
    given(confirmedBook()).when({ type: 'BookPresalesCost', data: { ...cost, amount: { amount: 100, currency: 'USD' } } }, am).thenThrows('INVALID_INPUT');
    given(confirmedBook()).when({ type: 'BookPresalesCost', data: cost }, as('pe-wang', 'PRESALES_ENGINEER')).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });
});
