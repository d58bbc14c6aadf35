import { SummaryKnowledgeBase } from '../../projections/project-summaries/summary-search.query.js';
import { projectSummariesProjection } from '../../projections/project-summaries/project-summaries.projection.js';
import { TrackingTable } from '../../projections/tracking-table/tracking-table.query.js';
import { trackingTableProjection } from '../../projections/tracking-table/tracking-table.projection.js';
import { WinLossAnalysis } from '../../projections/win-loss/win-loss-analysis.js';
import { winLossProjection } from '../../projections/win-loss/win-loss.projection.js';
import { visibleProjects } from '../../src/auth/project-visibility.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import { projectAll, storedEvents } from '../support/stored-events.js';
import { AM, ENGINEER, history, leadRegistered, won } from '../unit/domain/fixtures.js';

const SUPERVISOR = { userId: 'sup-zhao', roles: ['SALES_SUPERVISOR' as const], businessUnit: undefined };
const OTHER_AM = { userId: 'am-zhang', roles: ['ACCOUNT_MANAGER' as const], businessUnit: undefined };
const ENGINEER_VIEW = { userId: ENGINEER, roles: ['PRESALES_ENGINEER' as const], businessUnit: undefined };

/** A project of its own id, region and owner, with these events after its registration. */
function project(id: string, region: string, ownerId: string, events: ProjectEvent[], start = '2026-11-02T02:00:00Z'): StoredEvent[] {
  const registered = leadRegistered() as Extract<ProjectEvent, { type: 'LeadRegistered' }>;
  const lead: ProjectEvent = { type: 'LeadRegistered', data: { ...registered.data, projectId: id, region, ownerId, customer: `${id} 客户` } };
  return storedEvents(id, [lead, ...events], start).map((event) => ({ ...event, metadata: { ...event.metadata, dimensions: { ownerId, region, productLine: 'ROBOT_CELL', projectClass: null, businessUnit: null } } }));
}
const note = (nextActionOn?: string, contactedOn = '2026-11-05'): ProjectEvent => ({
  type: 'TrackingNoteAdded',
  data: { kind: 'VISIT', note: `visit before ${nextActionOn ?? 'nothing'}`, contactedOn, place: '客户工厂', participants: [AM, '陈工'], customerFeedback: '满意', ...(nextActionOn ? { nextAction: 'send the quotation', nextActionOn } : {}) },
});

describe('the tracking table 项目跟踪表', () => {
  const events = [
    // A: the latest note's next action is due on 11-20; a challenge raised and one answered, two weeks reported
    ...project('p-a', 'EAST', AM, [
      note('2026-11-10'), note('2026-11-20', '2026-11-06'),
      { type: 'ChallengeRaised', data: { number: 1, question: 'why?', raisedBy: 'sup-zhao' } },
      { type: 'ChallengeRaised', data: { number: 2, question: 'when?', raisedBy: 'sup-zhao' } },
      { type: 'ChallengeAnswered', data: { number: 1, answer: 'because', answeredBy: AM } },
      { type: 'WeeklyTrackingReported', data: { weekStartingOn: '2026-11-09', summary: 's', reportedBy: AM } },
      { type: 'WeeklyTrackingReported', data: { weekStartingOn: '2026-11-02', summary: 's', reportedBy: AM } },
    ]),
    // B: a later note names no next action: none stands
    ...project('p-b', 'EAST', 'am-zhang', [note('2026-11-03'), note()]),
    // C: its next action is due the day the table is read for: not yet overdue; the engineer is named on it
    ...project('p-c', 'WEST', 'am-zhang', [...history('PSM030').slice(1), note('2026-11-21')]),
    // D: closed, off the table
    ...project('p-d', 'WEST', AM, [...won().slice(1), note('2026-11-01')]),
  ];
  // Saturday 2026-11-21, 01:00 in Beijing (Friday 17:00 UTC)
  const at = new Date('2026-11-20T17:00:00Z');
  const read = async (filter = {}, viewer: Parameters<typeof visibleProjects>[0] = SUPERVISOR) =>
    new TrackingTable(await projectAll(trackingTableProjection, events)).page(filter, 0, 20, visibleProjects(viewer), at);

  it('shows each open project\'s latest contact, the next action it named and its date, overdue once its day is over in Beijing', async () => {
    const { total, items } = await read();
    expect(total).toBe(3);
    expect(items.map(({ projectId, region, ownerId, nextActionOn, nextActionOverdue }) => [projectId, region, ownerId, nextActionOn, nextActionOverdue])).toEqual([
      ['p-a', 'EAST', AM, '2026-11-20', true],
      ['p-b', 'EAST', 'am-zhang', null, false],
      ['p-c', 'WEST', 'am-zhang', '2026-11-21', false],
    ]);
    expect(items[0]).toMatchObject({
      lastContact: { kind: 'VISIT', contactedOn: '2026-11-06', place: '客户工厂', customerFeedback: '满意' }, nextAction: 'send the quotation',
      notes: 2, openChallenges: 1, lastWeekReported: '2026-11-09', customer: 'p-a 客户',
    });
    expect(items[1]).toMatchObject({ notes: 2, nextAction: null, openChallenges: 0, lastWeekReported: null });
  });

  it('filters by owner, region and overdue next actions', async () => {
    expect((await read({ ownerId: 'am-zhang' })).items.map((row) => row.projectId)).toEqual(['p-b', 'p-c']);
    expect((await read({ region: 'WEST' })).items.map((row) => row.projectId)).toEqual(['p-c']);
    expect((await read({ overdueOnly: true })).items.map((row) => row.projectId)).toEqual(['p-a']);
    expect((await read({ overdueOnly: true, region: 'WEST' })).total).toBe(0);
  });

  it('shows an account manager or engineer only the projects they own or are named on', async () => {
    expect((await read({}, OTHER_AM)).items.map((row) => row.projectId)).toEqual(['p-b', 'p-c']);
    expect((await read({}, ENGINEER_VIEW)).items.map((row) => row.projectId)).toEqual(['p-c']);
    expect((await read({ overdueOnly: true }, OTHER_AM)).total).toBe(0);
  });

  it('dates a note recorded before its contact day was asked by the day it was recorded', async () => {
    const old = project('p-old', 'EAST', AM, [{ type: 'TrackingNoteAdded', data: { kind: 'CALL', note: 'called', participants: [] } }]);
    const { items } = await new TrackingTable(await projectAll(trackingTableProjection, old)).page({}, 0, 20, visibleProjects(SUPERVISOR), at);
    expect(items[0].lastContact).toEqual({ kind: 'CALL', contactedOn: '2026-11-03', note: 'called', place: null, customerFeedback: null });
  });
});

describe('the summaries knowledge base 项目总结知识库', () => {
  const summarized = (reasons: Array<'PRICE' | 'TECHNICAL' | 'RELATIONSHIP'>, text: string, lessons?: string): ProjectEvent => ({
    type: 'ProjectSummarized', data: { outcome: 'WON', reasons, text, participants: ['gm-qian', AM], meetingOn: '2026-11-30', ...(lessons ? { lessons } : {}) },
  });
  const handed: ProjectEvent = { type: 'ProjectHandedOver', data: { receivedBy: 'delivery', items: [], oralAgreementConfirmers: [] } };
  const events = [
    ...project('p-a', 'EAST', AM, [...won().slice(1), handed, summarized(['TECHNICAL'], 'Reference case (C++ cell) won it', '尽早调研')]),
    ...project('p-b', 'EAST', 'am-zhang', [...won().slice(1), handed, summarized(['PRICE', 'RELATIONSHIP'], '价格与客户关系')]),
    // closed, its summary not yet written
    ...project('p-c', 'EAST', AM, [...won().slice(1)]),
  ];
  const search = async (query = {}, viewer: Parameters<typeof visibleProjects>[0] = SUPERVISOR) =>
    new SummaryKnowledgeBase(await projectAll(projectSummariesProjection, events)).search(query, 0, 20, visibleProjects(viewer));

  it('lists the summaries written, with their people, meeting, lessons, and when each was due and written', async () => {
    const { total, items } = await search();
    expect(total).toBe(2);
    const entry = items.find((item) => item.projectId === 'p-a')!;
    expect(entry).toMatchObject({ customer: 'p-a 客户', productLine: 'ROBOT_CELL', outcome: 'WON', reasons: ['TECHNICAL'], participants: ['gm-qian', AM], meetingOn: '2026-11-30', lessons: '尽早调研' });
    expect(entry.summarizedAt > entry.closedAt!).toBe(true);
  });

  it('finds them by customer, product line, reason and words, whatever the case, the words taken literally', async () => {
    const ids = async (query: object) => (await search(query)).items.map((item) => item.projectId).sort();
    expect(await ids({ customer: 'p-b' })).toEqual(['p-b']);
    expect(await ids({ productLine: 'ROBOT_CELL' })).toEqual(['p-a', 'p-b']);
    expect(await ids({ productLine: 'WELDING_LINE' })).toEqual([]);
    expect(await ids({ reason: 'RELATIONSHIP' })).toEqual(['p-b']);
    expect(await ids({ text: 'reference CASE' })).toEqual(['p-a']);
    expect(await ids({ text: '(C++' })).toEqual(['p-a']);
    expect(await ids({ text: '.*' })).toEqual([]);
    expect(await ids({ text: '调研' })).toEqual(['p-a']);
  });

  it('answers only with the projects the caller may see', async () => {
    expect((await search({}, OTHER_AM)).items.map((item) => item.projectId)).toEqual(['p-b']);
    expect((await search({}, ENGINEER_VIEW)).items.map((item) => item.projectId).sort()).toEqual(['p-a', 'p-b']);
    expect((await search({}, { userId: 'rv-9', roles: ['REVIEWER'], businessUnit: undefined })).total).toBe(0);
    expect((await search({}, { userId: 'sup-9', roles: ['SALES_SUPERVISOR'], businessUnit: 'BU-2' })).total).toBe(0);
  });

  it('brings a won project\'s summary reasons to the win/loss analysis as its win reasons', async () => {
    const reads = await projectAll(winLossProjection, events);
    const [group] = await new WinLossAnalysis(reads).groups('2026-11', '2026-12', 'all', {}, null);
    expect(group).toMatchObject({ won: 3, winReasons: [{ key: 'PRICE', count: 1 }, { key: 'RELATIONSHIP', count: 1 }, { key: 'TECHNICAL', count: 1 }] });
  });
});
