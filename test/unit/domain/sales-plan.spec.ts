import { fold, type Project } from '../../../src/domain/project/state.js';
import { AM, history } from './fixtures.js';
import { as, given } from './given-when-then.js';
import { after, am, confirmedBook, executive, gm, otherDirector, plan, planned, sponsor } from './sales-control-fixtures.js';

const stop = { heldOn: '2026-11-23', attendees: ['dir-sun', AM], minutes: '客户宣布预算冻结', decision: 'PROPOSE_STOP' as const, stopReason: '触发撤出标准：预算冻结' };

describe('项目销售策划案 (document 004 step 3, 表2): the plan after 立项, revised with a reason, every version kept', () => {
  it('files version 1 with its analysis, goals, work items with owner and due date, risks and withdrawal criteria, by whom', () => {
    given(history('PSM030')).when({ type: 'FileSalesPlan', data: plan }, am).then([{ type: 'SalesPlanFiled', data: { version: 1, ...plan, filedBy: AM } }]);
  });

  it('revises it as a new version that says why; a revision without a reason is refused', () => {
    given(planned()).when({ type: 'FileSalesPlan', data: { ...plan, goals: '2027 年二季度签约', revisionReason: '客户推迟立项' } }, am)
      .then([{ type: 'SalesPlanFiled', data: { version: 2, ...plan, goals: '2027 年二季度签约', filedBy: AM, revisionReason: '客户推迟立项' } }]);
    given(planned()).when({ type: 'FileSalesPlan', data: plan }, am).thenThrows('REASON_REQUIRED');
  });

  it('is refused before 立项, without work items or withdrawal criteria, and to a role the policy does not give it', () => {
    given(history('QUALIFIED')).when({ type: 'FileSalesPlan', data: plan }, am).thenThrows('INVALID_TRANSITION');
    given(history('PSM030')).when({ type: 'FileSalesPlan', data: { ...plan, workItems: [] } }, am).thenThrows('INVALID_INPUT');
    given(history('PSM030')).when({ type: 'FileSalesPlan', data: { ...plan, workItems: [{ ...plan.workItems[0], dueOn: '2026-13-01' }] } }, am).thenThrows('INVALID_INPUT');
    given(history('PSM030')).when({ type: 'FileSalesPlan', data: { ...plan, withdrawalCriteria: ' ' } }, am).thenThrows('REASON_REQUIRED');
    given(history('PSM030')).when({ type: 'FileSalesPlan', data: plan }, as('pe-wang', 'PRESALES_ENGINEER')).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });
});

describe('项目进展分析会 (document 004 step 5): minutes and a decision; the sponsor may propose to stop, the termination rules decide', () => {
  it('records a meeting that continues, numbered, by the account manager or a sponsor-side role', () => {
    const meeting = { heldOn: '2026-11-24', attendees: ['dir-sun', AM], minutes: '对手降价，我方强调服务', decision: 'CONTINUE' as const };
    given(planned()).when({ type: 'HoldWarRoomMeeting', data: meeting }, am).then([{ type: 'WarRoomMeetingHeld', data: { number: 1, ...meeting, recordedBy: AM } }]);
    given(planned()).when({ type: 'HoldWarRoomMeeting', data: meeting }, gm).then([{ type: 'WarRoomMeetingHeld', data: { number: 1, ...meeting, recordedBy: 'gm-zhang' } }]);
    given(history('PSM030')).when({ type: 'HoldWarRoomMeeting', data: meeting }, am).thenThrows('INVALID_TRANSITION');
    given(planned()).when({ type: 'HoldWarRoomMeeting', data: { ...meeting, heldOn: '2026-11-25' } }, am).thenThrows('INVALID_INPUT');
  });

  it('turns the sponsor\'s proposal to stop into a termination request for the deciders of the class', () => {
    given(planned()).when({ type: 'HoldWarRoomMeeting', data: stop }, sponsor).then([
      { type: 'WarRoomMeetingHeld', data: { number: 1, heldOn: stop.heldOn, attendees: stop.attendees, minutes: stop.minutes, decision: 'PROPOSE_STOP', recordedBy: 'dir-sun', stopReason: stop.stopReason } },
      { type: 'TerminationRequested', data: { reason: stop.stopReason, requestedBy: 'dir-sun', deciders: ['SALES_DIRECTOR'], warRoomMeeting: 1 } },
    ]);
  });

  it('leaves the stop to the termination rules: the class\'s decider approves or declines it, nobody else', () => {
    const proposed = after(planned(), [{ type: 'HoldWarRoomMeeting', data: stop }, sponsor]);
    const decided = after(proposed, [{ type: 'DecideTermination', data: { approve: true } }, otherDirector]);
    expect((fold(decided) as Project).stage).toBe('TERMINATED');
    given(proposed).when({ type: 'DecideTermination', data: { approve: false, comments: '客户仍有意向' } }, otherDirector)
      .then([{ type: 'TerminationDeclined', data: { decidedBy: 'dir-qian', comments: '客户仍有意向' } }]);
    given(proposed).when({ type: 'DecideTermination', data: { approve: true } }, gm).thenThrows('APPROVAL_LEVEL_REQUIRED');
    // a MAJOR project's stop is the BU general manager's to decide
    const major = after(history('PSM030', 'MAJOR', ['rv-1', 'rv-2', 'rv-3']), [{ type: 'FileSalesPlan', data: plan }, am], [{ type: 'HoldWarRoomMeeting', data: stop }, sponsor]);
    expect((fold(major) as Project).termination?.deciders).toEqual(['BU_GENERAL_MANAGER']);
  });

  it('refuses a stop proposed by anyone but the sponsor, without a reason, or while a termination waits', () => {
    given(planned()).when({ type: 'HoldWarRoomMeeting', data: stop }, am).thenThrows('NOT_THE_SPONSOR');
    given(planned()).when({ type: 'HoldWarRoomMeeting', data: stop }, otherDirector).thenThrows('NOT_THE_SPONSOR');
    given(planned()).when({ type: 'HoldWarRoomMeeting', data: stop }, executive).thenThrows('NOT_THE_SPONSOR');
    given(planned()).when({ type: 'HoldWarRoomMeeting', data: { ...stop, stopReason: undefined } }, sponsor).thenThrows('REASON_REQUIRED');
    const waiting = after(planned(), [{ type: 'RequestTermination', data: { reason: '客户转向对手' } }, am]);
    given(waiting).when({ type: 'HoldWarRoomMeeting', data: stop }, sponsor).thenThrows('INVALID_TRANSITION');
  });
});

describe('项目月度进展情况报告 (document 004 step 5): one a month per project, by its manager', () => {
  const report = { month: '2026-11', progress: '完成技术交流', nextSteps: '准备方案评审', risks: '对手低价' };

  it('is written by the owner for a month begun, once; the milestones it reports reached are so from today', () => {
    const [event] = given(confirmedBook()).when({ type: 'ReportMonthlyProgress', data: { ...report, milestonesReached: ['solution'] } }, am).events();
    expect(event).toEqual({
      type: 'MonthlyProgressReported',
      data: { ...report, milestonesReached: ['solution'], reportedBy: AM, milestones: [{ name: 'solution', dueOn: '2026-12-01', reachedOn: '2026-11-24' }, { name: 'contract', dueOn: '2027-02-28' }] },
    });
    const reported = after(confirmedBook(), [{ type: 'ReportMonthlyProgress', data: report }, am]);
    given(reported).when({ type: 'ReportMonthlyProgress', data: report }, am).thenThrows('INVALID_TRANSITION');
    expect(given(reported).when({ type: 'ReportMonthlyProgress', data: { ...report, month: '2026-10' } }, am).events().map(({ type }) => type)).toEqual(['MonthlyProgressReported']);
  });

  it('refuses another account manager, a month to come, and a milestone not in force', () => {
    given(planned()).when({ type: 'ReportMonthlyProgress', data: report }, as('am-zhou', 'ACCOUNT_MANAGER')).thenThrows('NOT_THE_PROJECT_MANAGER');
    given(planned()).when({ type: 'ReportMonthlyProgress', data: { ...report, month: '2026-12' } }, am).thenThrows('INVALID_INPUT');
    given(planned()).when({ type: 'ReportMonthlyProgress', data: { ...report, milestonesReached: ['handover'] } }, am).thenThrows('INVALID_INPUT');
    given(planned()).when({ type: 'ReportMonthlyProgress', data: report }, sponsor).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });
});
