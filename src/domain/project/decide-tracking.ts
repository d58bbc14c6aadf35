import { shanghaiDate } from '../policy/working-calendar.js';
import type { AddTrackingNote, AnswerChallenge, RaiseChallenge, RecordMeetingMemo, ReportWeeklyTracking } from './commands.js';
import { requireText, type DecisionContext } from './decision-context.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import { CLOSED_STAGES, type Project } from './state.js';

/** The names given, trimmed and once each; a blank name is refused. */
export function namesOf(names: readonly string[] | undefined, what: string): string[] {
  const trimmed = [...new Set((names ?? []).map((name) => name.trim()))];
  if (trimmed.includes('')) refuse('INVALID_INPUT', `${what}: a name is blank`);
  return trimmed;
}

/** A day that has begun in Beijing: records are of what happened. */
export function requirePastDay(day: string, what: string, context: DecisionContext): string {
  if (day > shanghaiDate(context.now)) refuse('INVALID_INPUT', `${what} ${day} is still to come`);
  return day;
}

const optionalText = (value: string | undefined) => (value?.trim() ? value : undefined);
const withOptional = <T extends Record<string, unknown>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };

/**
 * 项目跟踪 (S2 §沟通记录): a contact on a day not to come, where, with whom, what the customer said, and
 * the next action: a date needs the action it dates, and is not before the contact.
 */
export function addTrackingNote({ data }: AddTrackingNote, context: DecisionContext): ProjectEvent[] {
  const note = requireText(data.note, 'the note');
  const contactedOn = requirePastDay(data.contactedOn ?? shanghaiDate(context.now), 'the contact day', context);
  const nextAction = optionalText(data.nextAction);
  if (data.nextActionOn && !nextAction) refuse('INVALID_INPUT', 'a next action\'s date needs the action it dates');
  if (data.nextActionOn && data.nextActionOn < contactedOn) refuse('INVALID_INPUT', `the next action (${data.nextActionOn}) comes after the contact (${contactedOn})`);
  return [{
    type: 'TrackingNoteAdded',
    data: {
      kind: data.kind, note, contactedOn,
      participants: namesOf(data.participants, 'the participants'),
      ...withOptional({ place: optionalText(data.place), customerFeedback: optionalText(data.customerFeedback), nextAction, nextActionOn: data.nextActionOn }),
    },
  }];
}

const isMonday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() === 1;

/** The Monday (YYYY-MM-DD) of the week a day falls in. */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** 每周汇总后报业务主管存档 (S3 L51): one summary per project and week, of a week that has begun. */
export function reportWeeklyTracking(project: Project, { data }: ReportWeeklyTracking, context: DecisionContext): ProjectEvent[] {
  if (!isMonday(data.weekStartingOn)) refuse('INVALID_INPUT', `a week is named by its Monday; ${data.weekStartingOn} is not one`);
  requirePastDay(data.weekStartingOn, 'the week of', context);
  if (project.weeksReported.includes(data.weekStartingOn)) refuse('INVALID_TRANSITION', `the week of ${data.weekStartingOn} is already reported on this project`);
  return [{ type: 'WeeklyTrackingReported', data: { weekStartingOn: data.weekStartingOn, summary: requireText(data.summary, 'the weekly summary'), reportedBy: context.actor.userId } }];
}

/** 提出质询 (S3 L53): the supervisor questions an open project's tracking; numbered in order. */
export function raiseChallenge(project: Project, { data }: RaiseChallenge, context: DecisionContext): ProjectEvent[] {
  if (CLOSED_STAGES.includes(project.stage)) refuse('INVALID_TRANSITION', `a challenge questions an open project; it is ${project.stage}`);
  return [{ type: 'ChallengeRaised', data: { number: project.challenges.length + 1, question: requireText(data.question, 'the question'), raisedBy: context.actor.userId } }];
}

/** The answer to a challenge, once; also after the project closed. */
export function answerChallenge(project: Project, { data }: AnswerChallenge, context: DecisionContext): ProjectEvent[] {
  if (!project.challenges.some((challenge) => !challenge.answered)) refuse('INVALID_TRANSITION', 'no challenge waits for an answer');
  const challenge = project.challenges.find((entry) => entry.number === data.number) ?? refuse('INVALID_INPUT', `no challenge ${data.number} was raised on this project`);
  if (challenge.answered) refuse('INVALID_TRANSITION', `challenge ${data.number} is already answered`);
  return [{ type: 'ChallengeAnswered', data: { number: data.number, answer: requireText(data.answer, 'the answer'), answeredBy: context.actor.userId } }];
}

/** 会议备忘录 (S1-DY L645): a meeting held, with at least one participant, its subject and its decisions. */
export function recordMeetingMemo({ data }: RecordMeetingMemo, context: DecisionContext): ProjectEvent[] {
  const participants = namesOf(data.participants, 'the participants');
  if (participants.length === 0) refuse('INVALID_INPUT', 'name who took part in the meeting');
  return [{
    type: 'MeetingMemoRecorded',
    data: {
      heldOn: requirePastDay(data.heldOn, 'the meeting day', context),
      ...withOptional({ place: optionalText(data.place) }),
      participants,
      subject: requireText(data.subject, 'the subject'),
      decisions: requireText(data.decisions, 'the decisions'),
      ...withOptional({ memo: data.memo }),
      recordedBy: context.actor.userId,
    },
  }];
}
