import type { Event } from './event-shape.js';

// What the KPIs of the pre-sales people (document 002 §售前工作考核) need beyond the steps: the customer's survey, the departments' rating.

/** A scale of whole numbers as the policy set it when the event was decided: its scores are read against it. */
export interface ScaleUsed {
  min: number;
  max: number;
}

/**
 * 客户满意度调查: a one-time survey link went to the customer's contact, rating the pre-sales people named.
 * Only the sha256 of its token is kept; the link itself was shown once, to whoever sent it.
 */
export type SatisfactionSurveySent = Event<'SatisfactionSurveySent', {
  number: number;
  contact: { name: string; email?: string; phone?: string };
  /** The pre-sales people it rates. */
  rates: string[];
  tokenSha256: string;
  /** ISO-8601 UTC: the link answers nothing after it. */
  expiresAt: string;
  /** The questions and scale of the policy in force when it was sent: the answers are scored by them. */
  questions: Array<{ id: string; text: string }>;
  scale: ScaleUsed;
  sentBy: string;
}>;
/** The customer answered a survey through its link, without an account: every question scored on the survey's scale. */
export type SatisfactionSurveyAnswered = Event<'SatisfactionSurveyAnswered', {
  number: number;
  /** The people the survey rates, as it named them. */
  rates: string[];
  answers: Array<{ questionId: string; score: number }>;
  scale: ScaleUsed;
  comment?: string;
}>;
/** 沟通协作评价: a department that worked on the project rated a pre-sales person's collaboration; once per rater and person. */
export type CollaborationRated = Event<'CollaborationRated', {
  person: string;
  score: number;
  scale: ScaleUsed;
  comment: string;
  ratedBy: string;
}>;
