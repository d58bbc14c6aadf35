import type { Event } from './event-shape.js';
import type { ConfirmedSubject, CustomerDocument, DocumentRef, Money, SentDocument, SignedDocument, TrackingKind } from './vocabulary.js';

// The work around the steps: tracking, weekly summaries, challenges, meetings, demos, competitors, the customer's word.

/** 项目跟踪 (S2 §沟通记录, S3 L51): one contact with the customer and what comes next. */
export type TrackingNoteAdded = Event<'TrackingNoteAdded', {
  kind: TrackingKind;
  note: string;
  /** 沟通时间: the day of the contact (YYYY-MM-DD); notes of version 1 lack it: the day they were recorded stands for it. */
  contactedOn?: string;
  /** 地点 */
  place?: string;
  /** 参与人员: our people and the customer's; version 1 notes name nobody. */
  participants: string[];
  /** 客户反馈 */
  customerFeedback?: string;
  nextAction?: string;
  /** YYYY-MM-DD: overdue once a day after it has begun in Beijing and no later note replaced it. */
  nextActionOn?: string;
}>;
/** 每周汇总: the week's tracking of this project, reported to the supervisor who files it (S3 L51). */
export type WeeklyTrackingReported = Event<'WeeklyTrackingReported', {
  /** The Monday (YYYY-MM-DD) of the week it sums up. */
  weekStartingOn: string;
  summary: string;
  reportedBy: string;
}>;
/** 质询: the supervisor questions the project's tracking (S3 L53); numbered in order on the project. */
export type ChallengeRaised = Event<'ChallengeRaised', { number: number; question: string; raisedBy: string }>;
/** The answer to a challenge, recorded once: the project's 阶段性结果 as the supervisor registers it. */
export type ChallengeAnswered = Event<'ChallengeAnswered', { number: number; answer: string; answeredBy: string }>;
/** 会议备忘录 (S1-DY L645): a project meeting's day, place, people, subject and decisions, and the memo filed. */
export type MeetingMemoRecorded = Event<'MeetingMemoRecorded', {
  heldOn: string;
  place?: string;
  participants: string[];
  subject: string;
  decisions: string;
  memo?: DocumentRef;
  recordedBy: string;
}>;
/** 演示方案: a demo planned for the customer: who it is for, where it runs, what it shows and for how long. */
export type DemoPlanned = Event<'DemoPlanned', {
  number: number;
  audience: string;
  environment: string;
  agenda: string;
  durationMinutes: number;
  /** The day agreed with the customer (YYYY-MM-DD), when one is. */
  plannedOn?: string;
  plannedBy: string;
}>;
/** 演示实施: the demo was held, by whom and on which day; counted per presenter in the month it was held. */
export type DemoHeld = Event<'DemoHeld', { number: number; presenters: string[]; heldOn: string }>;
/** 客户反馈: what the customer said of the demo. */
export type DemoFeedbackRecorded = Event<'DemoFeedbackRecorded', { number: number; feedback: string }>;
/** 竞争信息: what is known of a competitor on this project, and who reported it. */
export type CompetitorNoted = Event<'CompetitorNoted', {
  competitor: string;
  strengths?: string;
  weaknesses?: string;
  /** Their price, where known. */
  price?: Money;
  reportedBy: string;
}>;
/**
 * 客户确认: the customer confirmed a subject on the version of the document named (its sha256 as shown to them): the exchange
 * memo, the solution and its budget, the agreement's terms, the intent to sign a contract (on the signed agreement), the contract's terms.
 */
export type CustomerConfirmed = Event<'CustomerConfirmed', {
  subject: ConfirmedSubject;
  document: CustomerDocument;
  version: number;
  documentSha256: string;
  /** SOLUTION: the system budget accepted with it, when one was set. */
  systemBudget?: Money;
  recordedBy: string;
}>;
/** 提交给客户: an approved version of a document went to the customer. */
export type SentToCustomer = Event<'SentToCustomer', { document: SentDocument; version: number; documentSha256: string; sentBy: string }>;
/** 签约预约: the day and place agreed with the customer to sign this version of the agreement or the contract. */
export type SigningBooked = Event<'SigningBooked', { document: SignedDocument; version: number; appointedOn: string; place: string; bookedBy: string }>;
