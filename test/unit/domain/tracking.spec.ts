import { projectUpcasters } from '../../../src/event-store/project-upcasters.js';
import type { ProjectEvent } from '../../../src/domain/project/events.js';
import { EQUIPMENT_MAKER } from '../../support/policies.js';
import { AM, doc, ENGINEER, handedOver, history, leadRegistered, won } from './fixtures.js';
import { as, given } from './given-when-then.js';

// NOW is Tuesday 2026-11-24, 10:00 in Beijing
const am = as(AM, 'ACCOUNT_MANAGER');
const supervisor = as('sup-zhao', 'SALES_SUPERVISOR');
const director = as('dir-sun', 'SALES_DIRECTOR');
const terminated: ProjectEvent = { type: 'ProjectTerminated', data: { decidedBy: 'dir-sun' } };

describe('tracking notes 项目跟踪 (S2 §沟通记录): time, place, participants, points, customer feedback, next action', () => {
  const note = {
    kind: 'MEETING' as const, note: '讨论节拍与换型', contactedOn: '2026-11-23', place: ' 苏州精工会议室 ', participants: [' 陈工 ', AM, AM],
    customerFeedback: '希望看演示', nextAction: '安排演示', nextActionOn: '2026-11-30',
  };

  it('keeps every field, the people trimmed and named once; the contact day defaults to today in Beijing', () => {
    given(history('PSM030')).when({ type: 'AddTrackingNote', data: note }, am)
      .then([{ type: 'TrackingNoteAdded', data: { ...note, place: ' 苏州精工会议室 ', participants: ['陈工', AM] } }]);
    given([leadRegistered()]).when({ type: 'AddTrackingNote', data: { kind: 'CALL', note: 'called' } }, as(ENGINEER, 'PRESALES_ENGINEER'))
      .then([{ type: 'TrackingNoteAdded', data: { kind: 'CALL', note: 'called', contactedOn: '2026-11-24', participants: [] } }]);
  });

  it('refuses a contact still to come, a next action dated before its contact or with no action, and a blank participant', () => {
    for (const data of [
      { ...note, contactedOn: '2026-11-25' },
      { ...note, nextActionOn: '2026-11-22' },
      { ...note, nextAction: undefined },
      { ...note, nextAction: '  ' },
      { ...note, participants: ['陈工', ' '] },
    ]) {
      given(history('PSM030')).when({ type: 'AddTrackingNote', data }, am).thenThrows('INVALID_INPUT');
    }
    given(history('PSM030')).when({ type: 'AddTrackingNote', data: { ...note, note: ' ' } }, am).thenThrows('REASON_REQUIRED');
    given(history('PSM030')).when({ type: 'AddTrackingNote', data: note }, director).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });

  it('reads a note of version 1 with no participants, its other fields as stored', () => {
    const stored = { kind: 'VISIT', note: 'visited', nextAction: 'quote', nextActionOn: '2026-01-05' };
    const read = projectUpcasters.upcast('TrackingNoteAdded', 1, stored, { stream: 'project-x', revision: 3, position: '9' });
    expect(read).toEqual({ schemaVersion: 2, data: { ...stored, participants: [] } });
    expect(projectUpcasters.upcast('ProjectSummarized', 1, { outcome: 'WON', reasons: ['PRICE'], text: 't' }, { stream: 'project-x', revision: 9, position: '19' }))
      .toEqual({ schemaVersion: 2, data: { outcome: 'WON', reasons: ['PRICE'], text: 't', participants: [] } });
  });
});

describe('weekly summaries 每周汇总 (S3 L51): the account manager reports a project\'s week to the supervisor', () => {
  const report = (weekStartingOn: string) => ({ type: 'ReportWeeklyTracking' as const, data: { weekStartingOn, summary: '两次电话，一次拜访' } });

  it('a week named by its Monday, begun, once per project; the reporter is who records it', () => {
    given(history('PSM030')).when(report('2026-11-23'), am).then([{ type: 'WeeklyTrackingReported', data: { ...report('2026-11-23').data, reportedBy: AM } }]);
    given(history('PSM030')).when(report('2026-11-16'), am).then([{ type: 'WeeklyTrackingReported', data: { ...report('2026-11-16').data, reportedBy: AM } }]);
    const reported: ProjectEvent = { type: 'WeeklyTrackingReported', data: { ...report('2026-11-23').data, reportedBy: AM } };
    given([...history('PSM030'), reported]).when(report('2026-11-23'), am).thenThrows('INVALID_TRANSITION');
    given(history('PSM030')).when(report('2026-11-24'), am).thenThrows('INVALID_INPUT');
    given(history('PSM030')).when(report('2026-11-30'), am).thenThrows('INVALID_INPUT');
    given(history('PSM030')).when({ ...report('2026-11-23'), data: { weekStartingOn: '2026-11-23', summary: '' } }, am).thenThrows('REASON_REQUIRED');
  });

  it('the supervisor files it, and does not write it', () => {
    given(history('PSM030')).when(report('2026-11-23'), supervisor).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(history('PSM030')).when(report('2026-11-23'), supervisor, { policy: EQUIPMENT_MAKER }).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });
});

describe('challenges 质询 (S3 L53): the supervisor questions an open project\'s tracking, the account manager answers', () => {
  const raise = { type: 'RaiseChallenge' as const, data: { question: '本月为何没有拜访？' } };
  const raised = (number = 1, raisedBy = 'sup-zhao'): ProjectEvent => ({ type: 'ChallengeRaised', data: { number, question: raise.data.question, raisedBy } });
  const answer = (number = 1) => ({ type: 'AnswerChallenge' as const, data: { number, answer: '客户停产检修，下周拜访' } });

  it('is raised by the supervisor, numbered in order; under enterprise-standard the director raises it too, under equipment-maker not', () => {
    given(history('PSM030')).when(raise, supervisor).then([raised()]);
    given([...history('PSM030'), raised()]).when(raise, director).then([raised(2, 'dir-sun')]);
    given(history('PSM030')).when(raise, director, { policy: EQUIPMENT_MAKER }).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given(history('PSM030')).when(raise, am).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });

  it('questions an open project only; the answer may come after it closed', () => {
    given(won()).when(raise, supervisor).thenThrows('INVALID_TRANSITION');
    given([...history('PSM030'), raised(), terminated]).when(answer(), am)
      .then([{ type: 'ChallengeAnswered', data: { ...answer().data, answeredBy: AM } }]);
  });

  it('is answered once, by the account manager, naming a challenge raised', () => {
    given(history('PSM030')).when(answer(), am).thenThrows('INVALID_TRANSITION');
    given([...history('PSM030'), raised()]).when(answer(2), am).thenThrows('INVALID_INPUT');
    const answered: ProjectEvent = { type: 'ChallengeAnswered', data: { ...answer().data, answeredBy: AM } };
    given([...history('PSM030'), raised(), raised(2), answered]).when(answer(1), am).thenThrows('INVALID_TRANSITION');
    given([...history('PSM030'), raised()]).when(answer(), supervisor).thenThrows('NOT_ALLOWED_FOR_ROLE');
    given([...history('PSM030'), raised()]).when({ ...answer(), data: { number: 1, answer: ' ' } }, am).thenThrows('REASON_REQUIRED');
  });
});

describe('meeting memos 会议备忘录 (S1-DY L645): a record of their own', () => {
  const memo = { heldOn: '2026-11-24', place: '公司 3 楼会议室', participants: [AM, ENGINEER], subject: '投标策略', decisions: '按已批准报价投标', memo: doc('memo') };

  it('records day, place, people, subject, decisions and the memo filed, and who recorded it; the tech manager under enterprise-standard only', () => {
    given(history('PSM030')).when({ type: 'RecordMeetingMemo', data: memo }, am).then([{ type: 'MeetingMemoRecorded', data: { ...memo, recordedBy: AM } }]);
    given(won()).when({ type: 'RecordMeetingMemo', data: memo }, as('tm-he', 'TECH_MANAGER')).then([{ type: 'MeetingMemoRecorded', data: { ...memo, recordedBy: 'tm-he' } }]);
    given(won()).when({ type: 'RecordMeetingMemo', data: memo }, as('tm-he', 'TECH_MANAGER'), { policy: EQUIPMENT_MAKER }).thenThrows('NOT_ALLOWED_FOR_ROLE');
  });

  it('refuses a meeting still to come, or with nobody, no subject or no decisions', () => {
    given(history('PSM030')).when({ type: 'RecordMeetingMemo', data: { ...memo, heldOn: '2026-11-25' } }, am).thenThrows('INVALID_INPUT');
    given(history('PSM030')).when({ type: 'RecordMeetingMemo', data: { ...memo, participants: [] } }, am).thenThrows('INVALID_INPUT');
    given(history('PSM030')).when({ type: 'RecordMeetingMemo', data: { ...memo, subject: ' ' } }, am).thenThrows('REASON_REQUIRED');
    given(history('PSM030')).when({ type: 'RecordMeetingMemo', data: { ...memo, decisions: '' } }, am).thenThrows('REASON_REQUIRED');
  });
});

describe('summaries 项目总结 (S4 第六步): the meeting\'s people and day, the reasons, the report, the lessons', () => {
  const handed = handedOver();
  const summary = { reasons: ['TECHNICAL' as const], text: '参考案例赢得客户', participants: ['gm-qian', AM, ' pe-wang '], meetingOn: '2026-11-24', lessons: '尽早安排现场调研' };

  it('keeps them all with the outcome', () => {
    given(handed).when({ type: 'SummarizeProject', data: summary }, am)
      .then([{ type: 'ProjectSummarized', data: { outcome: 'WON', ...summary, participants: ['gm-qian', AM, 'pe-wang'] } }]);
  });

  it('refuses a meeting still to come and a blank participant', () => {
    given(handed).when({ type: 'SummarizeProject', data: { ...summary, meetingOn: '2026-11-25' } }, am).thenThrows('INVALID_INPUT');
    given(handed).when({ type: 'SummarizeProject', data: { ...summary, participants: [''] } }, am).thenThrows('INVALID_INPUT');
  });
});
