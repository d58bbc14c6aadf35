import type { Scale } from '../policy/policy.js';
import type { RateCollaboration, SendSatisfactionSurvey } from './commands.js';
import { requireText, type DecisionContext } from './decision-context.js';
import { refuse } from './errors.js';
import type { ProjectEvent } from './events.js';
import type { Project, SatisfactionSurvey } from './state.js';

const DAY_MS = 86_400_000;
/** A customer's comment on a survey: a few paragraphs at most. */
export const MAX_SURVEY_COMMENT = 2000;

/** The pre-sales people of a project, as its state knows them: the engineer named at 立项 and the solution's author. */
export const presalesPeopleOf = (project: Project): string[] =>
  [...new Set([project.presalesEngineerId, project.solution?.authorId].filter((person): person is string => Boolean(person)))];

const onScale = (score: number, { min, max }: Scale, what: string): number =>
  (Number.isInteger(score) && score >= min && score <= max ? score : refuse('INVALID_INPUT', `${what} is a whole number from ${min} to ${max}`));

/** The people named, each one of the project's pre-sales people; with none yet, the step is not open. */
function requirePresalesPeople(project: Project, people: string[], what: string): string[] {
  const known = presalesPeopleOf(project);
  if (known.length === 0) refuse('INVALID_TRANSITION', 'the project has no pre-sales people yet: its engineer is named at 立项');
  const named = [...new Set(people.map((person) => person.trim()))];
  if (named.length === 0 || named.includes('')) refuse('INVALID_INPUT', `name ${what}`);
  const strangers = named.filter((person) => !known.includes(person));
  if (strangers.length) refuse('INVALID_INPUT', `${strangers.join(', ')} did no pre-sales work on this project (its pre-sales people: ${known.join(', ')})`);
  return named;
}

/** 客户满意度调查: sent to one of the customer's contacts once the project has pre-sales people; its link is valid for the policy's days. */
export function sendSatisfactionSurvey(project: Project, { data }: SendSatisfactionSurvey, context: DecisionContext): ProjectEvent[] {
  const rates = requirePresalesPeople(project, data.rates, 'the pre-sales people the survey rates');
  if (!/^[0-9a-f]{64}$/.test(data.tokenSha256)) refuse('INVALID_INPUT', 'the survey token is kept as its sha256 (64 hex digits)');
  if ((project.surveys ?? []).some((survey) => survey.tokenSha256 === data.tokenSha256)) refuse('INVALID_INPUT', 'this survey token is already used');
  const { questions, scale, linkValidDays } = context.policy.kpis.satisfactionSurvey;
  const { name, email, phone } = data.contact;
  return [{
    type: 'SatisfactionSurveySent',
    data: {
      number: (project.surveys?.length ?? 0) + 1,
      contact: { name: requireText(name, 'the customer contact the survey goes to'), ...(email?.trim() ? { email } : {}), ...(phone?.trim() ? { phone } : {}) },
      rates,
      tokenSha256: data.tokenSha256,
      expiresAt: new Date(context.now.getTime() + linkValidDays * DAY_MS).toISOString(),
      questions: questions.map(({ id, text }) => ({ id, text })),
      scale: { min: scale.min, max: scale.max },
      sentBy: context.actor.userId,
    },
  }];
}

/** The survey a link's token opens, while it may still be answered: refused as a wrong, expired or used link otherwise. */
export function openSurvey(project: Project | undefined, tokenSha256: string, now: Date): SatisfactionSurvey {
  const survey = project?.surveys?.find((candidate) => candidate.tokenSha256 === tokenSha256);
  if (!survey) return refuse('SURVEY_LINK_INVALID', 'this survey link is not valid');
  if (survey.answered) return refuse('SURVEY_ALREADY_ANSWERED', 'this survey was already answered: a link answers once');
  if (Date.parse(survey.expiresAt) <= now.getTime()) return refuse('SURVEY_LINK_EXPIRED', `this survey link expired at ${survey.expiresAt}`);
  return survey;
}

export interface SurveyAnswers {
  answers: Array<{ questionId: string; score: number }>;
  comment?: string;
}

/** The customer's answer through the link, with no account: every question of the survey once, on its scale. */
export function answerSatisfactionSurvey(project: Project | undefined, tokenSha256: string, { answers, comment }: SurveyAnswers, now: Date): ProjectEvent[] {
  const survey = openSurvey(project, tokenSha256, now);
  const asked = survey.questions.map((question) => question.id);
  const given = answers.map((answer) => answer.questionId);
  if (given.length !== asked.length || asked.some((id) => !given.includes(id))) refuse('INVALID_INPUT', `answer each question once: ${asked.join(', ')}`);
  const scored = survey.questions.map(({ id }) => ({ questionId: id, score: onScale(answers.find((answer) => answer.questionId === id)!.score, survey.scale, `the answer to ${id}`) }));
  const said = comment?.trim();
  if (said && said.length > MAX_SURVEY_COMMENT) refuse('INVALID_INPUT', `a comment is at most ${MAX_SURVEY_COMMENT} characters`);
  return [{ type: 'SatisfactionSurveyAnswered', data: { number: survey.number, rates: survey.rates, answers: scored, scale: survey.scale, ...(said ? { comment: said } : {}) } }];
}

/** 沟通协作评价: a department's rating of one of the project's pre-sales people, on the policy's scale; once per rater and person. */
export function rateCollaboration(project: Project, { data }: RateCollaboration, context: DecisionContext): ProjectEvent[] {
  const [person] = requirePresalesPeople(project, [data.person], 'the pre-sales person rated');
  const ratedBy = context.actor.userId;
  if (person === ratedBy) refuse('INVALID_INPUT', 'nobody rates their own collaboration');
  if ((project.collaborationRatings ?? []).includes(`${ratedBy}|${person}`)) refuse('INVALID_TRANSITION', `${ratedBy} already rated ${person} on this project`);
  const scale = context.policy.kpis.collaborationScale;
  return [{
    type: 'CollaborationRated',
    data: { person, score: onScale(data.score, scale, 'the rating'), scale: { min: scale.min, max: scale.max }, comment: requireText(data.comment, 'what the rating rests on'), ratedBy },
  }];
}
