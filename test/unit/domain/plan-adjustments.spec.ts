import { fold, type Project } from '../../../src/domain/project/state.js';
import { EQUIPMENT_MAKER } from '../../support/policies.js';
import { AM, cny } from './fixtures.js';
import { as, given } from './given-when-then.js';
import { after, am, confirmedBook, executive, gm, otherDirector, planned, sponsor } from './sales-control-fixtures.js';

const control = (events: Parameters<typeof fold>[0]) => (fold(events) as Project).control;
const late = { kind: 'MILESTONE' as const, milestone: 'solution', newDueOn: '2026-12-20', reason: '客户推迟方案评审' };
const extra = (yuan: number) => ({ kind: 'BUDGET' as const, extraBudget: cny(yuan), reason: '增加一次现场演示' });

describe('项目任务书调整表 (document 004 step 5): a late milestone or an overspend, confirmed by the sponsor, approved by the director or GM', () => {
  it('is requested by the project manager against the confirmed task book, for the approvers within the limits', () => {
    given(confirmedBook()).when({ type: 'RequestPlanAdjustment', data: late }, am).then([{
      type: 'PlanAdjustmentRequested',
      data: { number: 1, kind: 'MILESTONE', milestone: 'solution', fromDueOn: '2026-12-01', newDueOn: '2026-12-20', reason: late.reason, requestedBy: AM, sponsorId: 'dir-sun', approvers: ['SALES_DIRECTOR', 'BU_GENERAL_MANAGER'], beyondLimit: false },
    }]);
  });

  it('goes to the executive approvers beyond the policy\'s limits: more extra budget or a longer delay (each profile its own)', () => {
    const [budget] = given(confirmedBook()).when({ type: 'RequestPlanAdjustment', data: extra(20_001) }, am).events();
    expect(budget.data).toMatchObject({ approvers: ['EXECUTIVE'], beyondLimit: true });
    const [delay] = given(confirmedBook()).when({ type: 'RequestPlanAdjustment', data: { ...late, newDueOn: '2027-01-01' } }, am).events();
    expect(delay.data).toMatchObject({ approvers: ['EXECUTIVE'], beyondLimit: true });
    const [within] = given(confirmedBook()).when({ type: 'RequestPlanAdjustment', data: extra(20_000) }, am).events();
    expect(within.data).toMatchObject({ beyondLimit: false });
    const [equipment] = given(confirmedBook()).when({ type: 'RequestPlanAdjustment', data: extra(15_000) }, am, { policy: EQUIPMENT_MAKER }).events();
    expect(equipment.data).toMatchObject({ approvers: ['EXECUTIVE'], beyondLimit: true });
  });

  it('moves the milestone once confirmed by the sponsor and approved by the director', () => {
    const requested = after(confirmedBook(), [{ type: 'RequestPlanAdjustment', data: late }, am]);
    const confirmed = after(requested, [{ type: 'ConfirmPlanAdjustment', data: { number: 1 } }, sponsor]);
    given(confirmed).when({ type: 'DecidePlanAdjustment', data: { number: 1, approve: true } }, otherDirector).then([{
      type: 'PlanAdjustmentApproved',
      data: { number: 1, approvedBy: 'dir-qian', budget: cny(60_000), booked: cny(0), milestones: [{ name: 'solution', dueOn: '2026-12-20' }, { name: 'contract', dueOn: '2027-02-28' }] },
    }]);
  });

  it('adds the extra budget once approved by an EXECUTIVE beyond the limit; the director is refused with EXECUTIVE_APPROVAL_REQUIRED', () => {
    const confirmed = after(confirmedBook(), [{ type: 'RequestPlanAdjustment', data: extra(30_000) }, am], [{ type: 'ConfirmPlanAdjustment', data: { number: 1 } }, sponsor]);
    given(confirmed).when({ type: 'DecidePlanAdjustment', data: { number: 1, approve: true } }, otherDirector).thenThrows('EXECUTIVE_APPROVAL_REQUIRED');
    given(confirmed).when({ type: 'DecidePlanAdjustment', data: { number: 1, approve: true } }, gm).thenThrows('EXECUTIVE_APPROVAL_REQUIRED');
    const approved = after(confirmed, [{ type: 'DecidePlanAdjustment', data: { number: 1, approve: true, comments: '同意追加' } }, executive]);
    expect(control(approved)).toMatchObject({ budget: cny(90_000), adjustments: [{ number: 1, status: 'APPROVED' }] });
  });

  it('refuses an approval before the sponsor confirmed, a confirmation by anyone but the sponsor, and a request by anyone but the manager', () => {
    const requested = after(confirmedBook(), [{ type: 'RequestPlanAdjustment', data: extra(5_000) }, am]);
    given(requested).when({ type: 'DecidePlanAdjustment', data: { number: 1, approve: true } }, gm).thenThrows('ADJUSTMENT_NOT_CONFIRMED');
    given(requested).when({ type: 'ConfirmPlanAdjustment', data: { number: 1 } }, otherDirector).thenThrows('NOT_THE_SPONSOR');
    given(requested).when({ type: 'ConfirmPlanAdjustment', data: { number: 2 } }, sponsor).thenThrows('INVALID_INPUT');
    given(confirmedBook()).when({ type: 'RequestPlanAdjustment', data: late }, as('am-zhou', 'ACCOUNT_MANAGER')).thenThrows('NOT_THE_PROJECT_MANAGER');
    const confirmed = after(requested, [{ type: 'ConfirmPlanAdjustment', data: { number: 1 } }, sponsor]);
    given(confirmed).when({ type: 'ConfirmPlanAdjustment', data: { number: 1 } }, sponsor).thenThrows('INVALID_TRANSITION');
    given(confirmed).when({ type: 'DecidePlanAdjustment', data: { number: 1, approve: true } }, executive).thenThrows('APPROVAL_LEVEL_REQUIRED');
    given(confirmed).when({ type: 'DecidePlanAdjustment', data: { number: 1, approve: false } }, gm).thenThrows('REASON_REQUIRED');
    given(confirmed).when({ type: 'DecidePlanAdjustment', data: { number: 1, approve: false, comments: '先压缩差旅' } }, gm)
      .then([{ type: 'PlanAdjustmentDeclined', data: { number: 1, decidedBy: 'gm-zhang', comments: '先压缩差旅' } }]);
  });

  it('is one at a time, against a confirmed task book, for a milestone in force and a later date', () => {
    given(planned()).when({ type: 'RequestPlanAdjustment', data: late }, am).thenThrows('INVALID_TRANSITION');
    const requested = after(confirmedBook(), [{ type: 'RequestPlanAdjustment', data: extra(5_000) }, am]);
    given(requested).when({ type: 'RequestPlanAdjustment', data: late }, am).thenThrows('INVALID_TRANSITION');
    given(confirmedBook()).when({ type: 'RequestPlanAdjustment', data: { ...late, milestone: 'handover' } }, am).thenThrows('INVALID_INPUT');
    given(confirmedBook()).when({ type: 'RequestPlanAdjustment', data: { ...late, newDueOn: '2026-11-30' } }, am).thenThrows('INVALID_INPUT');
    given(confirmedBook()).when({ type: 'RequestPlanAdjustment', data: { ...late, reason: ' ' } }, am).thenThrows('REASON_REQUIRED');
  });
});
