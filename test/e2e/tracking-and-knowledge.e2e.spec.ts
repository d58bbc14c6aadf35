import { randomUUID } from 'node:crypto';
import { cny, docOf, PsmApp } from '../support/psm-app.js';

import { stepsOn, type Hand } from '../support/project-steps.js';

/** Who questions a project's tracking and who records a meeting besides the team, where the two shipped profiles differ. */
const HANDS: Record<'enterprise-standard' | 'equipment-maker', { raiseChallenge: Hand; recordMeetingMemo: Hand }> = {
  // document 000 names no questioner: the supervisor, or the director above them; the tech manager keeps a meeting's memo too
  'enterprise-standard': { raiseChallenge: ['dir-sun', 'SALES_DIRECTOR'], recordMeetingMemo: ['tm-he', 'TECH_MANAGER'] },
  // document 003 L53: 业务主管 checks every region's tracking and raises the challenge
  'equipment-maker': { raiseChallenge: ['sup-zhao', 'SALES_SUPERVISOR'], recordMeetingMemo: ['pe-wang', 'PRESALES_ENGINEER'] },
};
const PROFILES = Object.keys(HANDS) as Array<keyof typeof HANDS>;
const am: Hand = ['am-li', 'ACCOUNT_MANAGER'];
const supervisor: Hand = ['sup-zhao', 'SALES_SUPERVISOR'];
const director: Hand = ['dir-sun', 'SALES_DIRECTOR'];
const beijingDay = (daysFromToday: number) => new Date(Date.now() + 8 * 3_600_000 + daysFromToday * 86_400_000).toISOString().slice(0, 10);
const monday = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
};

describe.each(PROFILES)('tracking, weekly summaries, challenges, meeting memos and the summaries\' knowledge base under the %s profile', (profile) => {
  let psm: PsmApp;
  const hands = HANDS[profile];
  const other = HANDS[PROFILES.find((name) => name !== profile)!];
  beforeAll(async () => {
    psm = await PsmApp.start({ POLICY_FILE: profile });
  });
  afterAll(() => psm.stop());

  it('tracks a project by the hands the profile assigns, shows it on the tracking table, and finds its summary once it closed', async () => {
    const projectId = randomUUID();
    const { step, refusal } = stepsOn(psm, projectId);
    const refused = async (hand: Hand, mutation: string, input: Record<string, unknown>) =>
      expect(await refusal(hand, mutation, input)).toMatchObject({ code: 'FORBIDDEN', domainCode: 'NOT_ALLOWED_FOR_ROLE' });
    const read = (query: string, variables: Record<string, unknown> = {}) => psm.graphql(query, variables, psm.tokenFor(...supervisor));

    await step(am, 'registerLead', {
      title: '焊接机器人工作站', customer: '苏州精工', contact: { name: '陈工' }, need: 'welding cells',
      channel: 'EXHIBITION', estimatedAmount: cny(800_000), region: 'EAST', productLine: 'ROBOT_CELL',
    });
    await step(supervisor, 'screenLead', { decision: 'QUALIFY' });
    await step(director, 'approveProject', {
      sponsorId: 'dir-sun', presalesEngineerId: 'pe-wang', hasMatureReference: true, milestones: [{ name: 'solution', dueOn: '2027-03-01' }], presalesBudget: cny(20_000),
    });
    // 沟通记录: the next action was due yesterday
    const note = {
      kind: 'VISIT', note: '讨论两个焊接工位的节拍', contactedOn: beijingDay(-2), place: '苏州精工二号厂房', participants: ['am-li', '陈工'],
      customerFeedback: '希望先看演示', nextAction: '安排展厅演示', nextActionOn: beijingDay(-1),
    };
    await step(am, 'addTrackingNote', note);
    // 每周汇总: the account manager's, filed by the supervisor, who does not write it
    const week = { weekStartingOn: monday(beijingDay(0)), summary: '本周拜访一次，客户要求演示' };
    await refused(supervisor, 'reportWeeklyTracking', week);
    await step(am, 'reportWeeklyTracking', week);
    // 质询 by the profile's hand (the other profile's refused where it differs), answered by the account manager
    if (profile === 'equipment-maker') await refused(other.raiseChallenge, 'raiseChallenge', { question: 'x' });
    await step(hands.raiseChallenge, 'raiseChallenge', { question: '演示为何还没安排？' });
    await step(am, 'answerChallenge', { number: 1, answer: '展厅下周一可用，已约客户' });
    // 会议备忘录
    const meeting = { heldOn: beijingDay(0), place: '公司三楼会议室', participants: ['am-li', 'pe-wang', 'tm-he'], subject: '演示准备', decisions: '演示两种工件', memo: docOf('meeting memo') };
    if (profile === 'equipment-maker') await refused(other.recordMeetingMemo, 'recordMeetingMemo', meeting);
    const memo = await step(hands.recordMeetingMemo, 'recordMeetingMemo', meeting);
    expect(memo.events[0].data).toMatchObject({ recordedBy: hands.recordMeetingMemo[0] });

    await psm.caughtUp();
    const table = await read(`query($filter: TrackingTableFilterInput) { trackingTable(filter: $filter) { total items {
      projectId lastContact { kind contactedOn place customerFeedback } nextAction nextActionOn nextActionOverdue notes lastWeekReported openChallenges } } }`,
    { filter: { ownerId: 'am-li', region: 'EAST', overdueOnly: true } });
    expect(table.data.trackingTable).toEqual({ total: 1, items: [{
      projectId, lastContact: { kind: 'VISIT', contactedOn: note.contactedOn, place: note.place, customerFeedback: note.customerFeedback },
      nextAction: note.nextAction, nextActionOn: note.nextActionOn, nextActionOverdue: true, notes: 1, lastWeekReported: week.weekStartingOn, openChallenges: 0,
    }] });
    expect((await read('{ trackingTable(filter: { region: "WEST" }) { total } }')).data.trackingTable.total).toBe(0);

    // closed, then summarized: its meeting's people and day, its lessons; found by reason and by words
    await step(am, 'requestTermination', { reason: '客户预算取消' });
    await step(director, 'decideTermination', { approve: true });
    const summary = { reasons: ['BUDGET_CUT'], text: '客户预算取消，项目终止', participants: ['dir-sun', 'am-li', 'pe-wang'], meetingOn: beijingDay(0), lessons: 'Confirm the budget before the demo' };
    await step(am, 'summarizeProject', summary);
    await psm.caughtUp();
    const found = await read(`query($search: SummarySearchInput) { projectSummaries(search: $search) { total items { projectId outcome reasons participants meetingOn lessons dueAt } } }`,
      { search: { reason: 'BUDGET_CUT', text: 'budget BEFORE', customer: '精工', productLine: 'ROBOT_CELL' } });
    expect(found.data.projectSummaries).toEqual({ total: 1, items: [{
      projectId, outcome: 'TERMINATED', reasons: ['BUDGET_CUT'], participants: summary.participants, meetingOn: summary.meetingOn, lessons: summary.lessons, dueAt: expect.any(String),
    }] });
    expect((await read('{ projectSummaries(search: { reason: PRICE }) { total } }')).data.projectSummaries.total).toBe(0);
    // the tracking table holds open projects only
    expect((await read('{ trackingTable { total } }')).data.trackingTable.total).toBe(0);

    const { data } = await read(`query($id: ID!) { project(id: $id) {
      trackingNotes { kind place participants customerFeedback nextActionOn } weeklyReports { weekStartingOn reportedBy }
      challenges { number raisedBy answer answeredBy } meetingMemos { subject participants memo { sha256 } recordedBy } summary { participants lessons } } }`, { id: projectId });
    expect(data.project).toEqual({
      trackingNotes: [{ kind: 'VISIT', place: note.place, participants: note.participants, customerFeedback: note.customerFeedback, nextActionOn: note.nextActionOn }],
      weeklyReports: [{ weekStartingOn: week.weekStartingOn, reportedBy: 'am-li' }],
      challenges: [{ number: 1, raisedBy: hands.raiseChallenge[0], answer: '展厅下周一可用，已约客户', answeredBy: 'am-li' }],
      meetingMemos: [{ subject: '演示准备', participants: meeting.participants, memo: { sha256: docOf('meeting memo').sha256 }, recordedBy: hands.recordMeetingMemo[0] }],
      summary: { participants: summary.participants, lessons: summary.lessons },
    });
  });
});
