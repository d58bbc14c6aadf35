import { randomUUID } from 'node:crypto';
import { projectStream } from '../../src/application/project-stream.js';
import { readPolicyFile } from '../../src/config/policy-file.js';
import type { Responsibility } from '../../src/domain/policy/responsibilities.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { stepsOn, type Hand } from '../support/project-steps.js';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

const PROFILES = ['enterprise-standard', 'equipment-maker'] as const;
const SPONSOR: Hand = ['dir-sun', 'SALES_DIRECTOR'];
const OTHER_DIRECTOR: Hand = ['dir-qian', 'SALES_DIRECTOR'];
const EXECUTIVE: Hand = ['ex-shen', 'EXECUTIVE'];
/** A day in Beijing, `days` from today: the service decides on the system clock. */
const day = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const CONTROL = `query($id: ID!) { project(id: $id) { stage termination { reason requestedBy deciders } salesControl {
  plans { version filedBy revisionReason withdrawalCriteria workItems { task ownerId dueOn } }
  taskBooks { version budget { amount } allowedBudget { amount } confirmedBy }
  milestones { name dueOn reachedOn overdue }
  budget { budget { amount } booked { amount } remaining { amount } overPlan basis }
  costs { number category amount { amount } bookedBy }
  meetings { number decision stopReason }
  progressReports { month milestonesReached reportedBy }
  adjustments { number kind status beyondLimit approvers confirmedBy decidedBy } } } }`;
const BOARD = `query($flag: BoardFlag) { pipelineBoard(flag: $flag) { cards { projectId sponsorId milestoneOverdue overBudget } } }`;
const MY_WORK = '{ myWork { projectId kind assignee overdue } }';

describe.each(PROFILES)('售前项目管理 (document 004) under the %s profile: plan, task book, costs, war room, reports, adjustments', (profile) => {
  let psm: PsmApp;
  const policy = readPolicyFile(profile);
  /** The person this profile gives a responsibility to: the first role it names. */
  const hand = (responsibility: Responsibility, userId: string): Hand => [userId, policy.responsibilities[responsibility][0]];
  const AM = hand('fileSalesPlan', 'am-li');
  beforeAll(async () => {
    psm = await PsmApp.start({ POLICY_FILE: profile });
  });
  afterAll(() => psm.stop());

  async function approved(): Promise<string> {
    const projectId = randomUUID();
    const { step } = stepsOn(psm, projectId);
    await step(['am-li', 'ACCOUNT_MANAGER'], 'registerLead', {
      title: '焊接机器人工作站', customer: '苏州精工', contact: { name: '陈工' }, need: 'welding cells', channel: 'EXHIBITION',
      estimatedAmount: cny(800_000), region: 'EAST', productLine: 'ROBOT_CELL',
    });
    await step(['sup-zhao', 'SALES_SUPERVISOR'], 'screenLead', { decision: 'QUALIFY' });
    await step(SPONSOR, 'approveProject', {
      sponsorId: SPONSOR[0], presalesEngineerId: 'pe-wang', hasMatureReference: true, milestones: [{ name: '方案评审', dueOn: day(30) }], presalesBudget: cny(20_000),
    });
    return projectId;
  }
  const read = async (projectId: string, as: Hand = SPONSOR) => (await psm.graphql(CONTROL, { id: projectId }, psm.tokenFor(...as))).data.project;
  const work = async (who: Hand, projectId: string) =>
    (await psm.graphql(MY_WORK, {}, psm.tokenFor(...who))).data.myWork.filter((item: { projectId: string }) => item.projectId === projectId).map(({ kind }: { kind: string }) => kind).sort();
  const card = async (projectId: string, flag?: string) =>
    (await psm.graphql(BOARD, { flag }, psm.tokenFor(...SPONSOR))).data.pipelineBoard.flatMap((column: { cards: unknown[] }) => column.cards).find((found: { projectId: string }) => found.projectId === projectId);

  it('walks every command of document 004 by the hands the profile gives, refusing the wrong person, the wrong order and a budget beyond the policy', async () => {
    const projectId = await approved();
    const { step, refusal } = stepsOn(psm, projectId);
    const stream = () => psm.app.get<EventStore>(EVENT_STORE).readStream(projectStream(projectId));
    /** A refusal with its code, which appends nothing. */
    const refused = async (who: Hand, mutation: string, input: Record<string, unknown>, code: string) => {
      const before = (await stream()).length;
      expect(await refusal(who, mutation, input)).toMatchObject({ domainCode: code });
      expect((await stream()).length).toBe(before);
    };
    // 项目销售策划案: filed, revised with a reason
    const plan = {
      strengths: '设备处关系好', weaknesses: '价格偏高', goals: '下季度签约', risks: '预算削减', withdrawalCriteria: '客户改为公开招标且资质不符时撤出',
      participants: ['am-li', 'dir-sun'], workItems: [{ task: '技术交流', ownerId: 'pe-wang', dueOn: day(10), purpose: '确认节拍' }],
    };
    await refused(SPONSOR, 'fileTaskBook', { expectedGrossMargin: cny(1_000_000), budget: cny(50_000), milestones: [{ name: '方案', dueOn: day(5) }] }, policy.responsibilities.fileTaskBook.includes('SALES_DIRECTOR') ? 'INVALID_TRANSITION' : 'NOT_ALLOWED_FOR_ROLE');
    await step(AM, 'fileSalesPlan', plan);
    await refused(AM, 'fileSalesPlan', plan, 'REASON_REQUIRED');
    await step(AM, 'fileSalesPlan', { ...plan, goals: '本年度签约', revisionReason: '客户提前立项' });
    // 售前项目任务书: beyond the policy's band refused with the figure allowed (8% of a 1,000,000 CNY margin under both profiles)
    const book = { expectedGrossMargin: cny(1_000_000), budget: cny(50_000), milestones: [{ name: '方案评审', dueOn: day(-1) }, { name: '签约', dueOn: day(60) }] };
    expect(await refusal(hand('fileTaskBook', 'am-li'), 'fileTaskBook', { ...book, budget: cny(90_000) }))
      .toMatchObject({ code: 'BAD_USER_INPUT', domainCode: 'BUDGET_ABOVE_POLICY', allowedBudget: cny(80_000) });
    await step(hand('fileTaskBook', 'am-li'), 'fileTaskBook', book);
    await refused(OTHER_DIRECTOR, 'confirmTaskBook', { version: 1 }, 'NOT_THE_SPONSOR');
    await refused(['am-li', 'ACCOUNT_MANAGER'], 'confirmTaskBook', { version: 1 }, 'NOT_ALLOWED_FOR_ROLE');
    await psm.caughtUp();
    expect(await work(SPONSOR, projectId)).toContain('TASK_BOOK_CONFIRMATION');
    await step(SPONSOR, 'confirmTaskBook', { version: 1 });
    // costs: the second one passes the budget
    await step(hand('bookPresalesCost', 'am-li'), 'bookPresalesCost', { category: 'TRAVEL', amount: cny(30_000), spentOn: day(-2), note: '赴苏州差旅', document: docOf('报销单 001') });
    await step(hand('bookPresalesCost', 'am-li'), 'bookPresalesCost', { category: 'DEMO', amount: cny(25_000), spentOn: day(0), note: '现场演示' });
    await psm.caughtUp();
    let control = (await read(projectId)).salesControl;
    expect(control.plans.map(({ version, revisionReason }: { version: number; revisionReason: string | null }) => [version, revisionReason])).toEqual([[1, null], [2, '客户提前立项']]);
    expect(control.taskBooks).toEqual([{ version: 1, budget: { amount: 5_000_000 }, allowedBudget: { amount: 8_000_000 }, confirmedBy: 'dir-sun' }]);
    expect(control.budget).toEqual({ budget: { amount: 5_000_000 }, booked: { amount: 5_500_000 }, remaining: { amount: -500_000 }, overPlan: true, basis: 'TASK_BOOK' });
    expect(control.milestones.map(({ name, overdue }: { name: string; overdue: boolean }) => [name, overdue])).toEqual([['方案评审', true], ['签约', false]]);
    // the board and my work flag the overdue milestone and the overspend, for the manager and the sponsor
    expect(await card(projectId)).toEqual({ projectId, sponsorId: 'dir-sun', milestoneOverdue: true, overBudget: true });
    expect(await card(projectId, 'OVER_BUDGET')).toBeDefined();
    expect(await work(['am-li', 'ACCOUNT_MANAGER'], projectId)).toEqual(expect.arrayContaining(['MILESTONE_OVERDUE', 'OVER_BUDGET']));
    expect(await work(SPONSOR, projectId)).toEqual(['MILESTONE_OVERDUE', 'OVER_BUDGET']);
    // the monthly report reaches the late milestone
    await refused(['am-zhou', 'ACCOUNT_MANAGER'], 'reportMonthlyProgress', { month: day(0).slice(0, 7), progress: 'p', nextSteps: 'n', risks: 'r' }, 'PROJECT_NOT_FOUND');
    await step(hand('reportMonthlyProgress', 'am-li'), 'reportMonthlyProgress', { month: day(0).slice(0, 7), progress: '方案已评审', nextSteps: '准备报价', risks: '对手降价', milestonesReached: ['方案评审'] });
    await refused(hand('reportMonthlyProgress', 'am-li'), 'reportMonthlyProgress', { month: day(0).slice(0, 7), progress: 'p', nextSteps: 'n', risks: 'r' }, 'INVALID_TRANSITION');
    // the adjustment form: extra budget beyond the policy's limit goes to an EXECUTIVE, after the sponsor's confirmation
    await step(hand('requestPlanAdjustment', 'am-li'), 'requestPlanAdjustment', { kind: 'BUDGET', extraBudget: cny(40_000), reason: '增加一次演示' });
    await refused(EXECUTIVE, 'decidePlanAdjustment', { number: 1, approve: true }, 'ADJUSTMENT_NOT_CONFIRMED');
    await refused(OTHER_DIRECTOR, 'confirmPlanAdjustment', { number: 1 }, 'NOT_THE_SPONSOR');
    await step(SPONSOR, 'confirmPlanAdjustment', { number: 1 });
    await refused(OTHER_DIRECTOR, 'decidePlanAdjustment', { number: 1, approve: true }, 'EXECUTIVE_APPROVAL_REQUIRED');
    await psm.caughtUp();
    expect(await work(EXECUTIVE, projectId)).toEqual(['ADJUSTMENT_DECISION']);
    await step(EXECUTIVE, 'decidePlanAdjustment', { number: 1, approve: true, comments: '同意' });
    // a late milestone within the limit: the director approves the new date
    await step(hand('requestPlanAdjustment', 'am-li'), 'requestPlanAdjustment', { kind: 'MILESTONE', milestone: '签约', newDueOn: day(70), reason: '客户推迟招标' });
    await step(SPONSOR, 'confirmPlanAdjustment', { number: 2 });
    await step(OTHER_DIRECTOR, 'decidePlanAdjustment', { number: 2, approve: true });
    await psm.caughtUp();
    control = (await read(projectId)).salesControl;
    expect(control.budget).toMatchObject({ budget: { amount: 9_000_000 }, remaining: { amount: 3_500_000 }, overPlan: false });
    expect(control.milestones).toEqual([{ name: '方案评审', dueOn: day(-1), reachedOn: day(0), overdue: false }, { name: '签约', dueOn: day(70), reachedOn: null, overdue: false }]);
    expect(control.adjustments.map(({ status, beyondLimit, decidedBy }: Record<string, unknown>) => [status, beyondLimit, decidedBy])).toEqual([['APPROVED', true, 'ex-shen'], ['APPROVED', false, 'dir-qian']]);
    expect(await card(projectId)).toMatchObject({ milestoneOverdue: false, overBudget: false });
    expect(await work(SPONSOR, projectId)).toEqual([]);
    // 项目进展分析会: only the sponsor proposes to stop; the termination rules decide it
    const meeting = { heldOn: day(0), attendees: ['dir-sun', 'am-li'], minutes: '客户预算冻结' };
    await step(hand('holdWarRoomMeeting', 'am-li'), 'holdWarRoomMeeting', { ...meeting, decision: 'CONTINUE' });
    await refused(hand('holdWarRoomMeeting', 'am-li'), 'holdWarRoomMeeting', { ...meeting, decision: 'PROPOSE_STOP', stopReason: '触发撤出标准' }, 'NOT_THE_SPONSOR');
    const stop = await step(SPONSOR, 'holdWarRoomMeeting', { ...meeting, decision: 'PROPOSE_STOP', stopReason: '触发撤出标准' });
    expect(stop.events.map(({ type }) => type)).toEqual(['WarRoomMeetingHeld', 'TerminationRequested']);
    expect((await read(projectId)).termination).toEqual({ reason: '触发撤出标准', requestedBy: 'dir-sun', deciders: policy.terminationDeciders.GENERAL });
    const decided = await step([OTHER_DIRECTOR[0], policy.terminationDeciders.GENERAL[0]], 'decideTermination', { approve: true });
    expect(decided.stage).toBe('TERMINATED');
    await psm.caughtUp();
    expect((await read(projectId)).salesControl.meetings).toEqual([{ number: 1, decision: 'CONTINUE', stopReason: null }, { number: 2, decision: 'PROPOSE_STOP', stopReason: '触发撤出标准' }]);
  });
});
