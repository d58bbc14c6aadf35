import { shanghaiDate } from '../policy/working-calendar.js';
import { requireResponsibility, requireText, type DecisionContext } from '../project/decision-context.js';
import { refuse } from '../project/errors.js';

/**
 * 月度考核 (document 002 §考核周期): each month the manager rates each pre-sales person's work, with a comment.
 * One stream per person and month (`presales-assessment-<month>-<person>`); a revision keeps every earlier version.
 */
type Command<Type extends string, Data> = { type: Type; data: Data };
type Event<Type extends string, Data> = { type: Type; data: Data };

/** What the manager saw when assessing: the month's KPIs, frozen in the assessment (counts, not only ratios). */
export type FrozenKpis = Record<string, unknown>;

export type AssessPresales = Command<'AssessPresales', { person: string; month: string; rating: number; comment: string; kpis: FrozenKpis }>;
export type ReviseAssessment = Command<'ReviseAssessment', { rating: number; comment: string; reason: string; kpis: FrozenKpis }>;
export type AssessmentCommand = AssessPresales | ReviseAssessment;

/** One version of an assessment: the rating on the policy's scale, the comment, who gave it and the KPIs they saw. */
export interface AssessmentVersion {
  version: number;
  rating: number;
  scale: { min: number; max: number };
  comment: string;
  assessedBy: string;
  kpis: FrozenKpis;
  reason?: string;
}

export type PresalesAssessed = Event<'PresalesAssessed', { person: string; month: string } & AssessmentVersion>;
export type PresalesAssessmentRevised = Event<'PresalesAssessmentRevised', AssessmentVersion & { reason: string }>;
export type AssessmentEvent = PresalesAssessed | PresalesAssessmentRevised;
export type AssessmentEventType = AssessmentEvent['type'];

export const ASSESSMENT_EVENT_VERSIONS: Readonly<Record<AssessmentEventType, number>> = {
  PresalesAssessed: 1,
  PresalesAssessmentRevised: 1,
};

export interface Assessment {
  person: string;
  month: string;
  /** Every version, in order; the last is the one in force. */
  versions: AssessmentVersion[];
}

export const ASSESSMENT_STREAM_PREFIX = 'presales-assessment-';
export const assessmentStream = (person: string, month: string) => `${ASSESSMENT_STREAM_PREFIX}${month}-${encodeURIComponent(person)}`;
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function evolveAssessment(assessment: Assessment | undefined, event: AssessmentEvent): Assessment | undefined {
  switch (event.type) {
    case 'PresalesAssessed': {
      const { person, month, ...version } = event.data;
      return { person, month, versions: [version] };
    }
    case 'PresalesAssessmentRevised':
      return assessment && { ...assessment, versions: [...assessment.versions, event.data] };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const foldAssessment = (events: AssessmentEvent[]): Assessment | undefined => events.reduce<Assessment | undefined>(evolveAssessment, undefined);

function rated(rating: number, context: DecisionContext): { rating: number; scale: { min: number; max: number } } {
  const { min, max } = context.policy.kpis.assessmentScale;
  if (!Number.isInteger(rating) || rating < min || rating > max) refuse('INVALID_INPUT', `the rating is a whole number from ${min} to ${max}`);
  return { rating, scale: { min, max } };
}

/** Who assesses is the profile's (assessPresales); once per person and month, a month already begun, never one's own. */
export function decideAssessment(command: AssessmentCommand, assessment: Assessment | undefined, context: DecisionContext): AssessmentEvent[] {
  requireResponsibility(context, 'assessPresales');
  const assessedBy = context.actor.userId;
  switch (command.type) {
    case 'AssessPresales': {
      const { person, month, comment, kpis } = command.data;
      if (assessment) refuse('INVALID_TRANSITION', `${person} is already assessed for ${month}: revise the assessment, giving the reason`);
      if (!MONTH.test(month)) refuse('INVALID_INPUT', 'the month is YYYY-MM');
      if (month > shanghaiDate(context.now).slice(0, 7)) refuse('INVALID_INPUT', `${month} has not begun: a month is assessed once it has`);
      if (!person.trim()) refuse('INVALID_INPUT', 'name the pre-sales person assessed');
      if (person === assessedBy) refuse('INVALID_INPUT', 'nobody assesses themselves');
      return [{ type: 'PresalesAssessed', data: { person, month, version: 1, ...rated(command.data.rating, context), comment: requireText(comment, 'the comment'), assessedBy, kpis } }];
    }
    case 'ReviseAssessment': {
      if (!assessment) return refuse('INVALID_TRANSITION', 'no assessment to revise: assess the month first');
      const { comment, reason, kpis } = command.data;
      return [{
        type: 'PresalesAssessmentRevised',
        data: {
          version: assessment.versions.length + 1, ...rated(command.data.rating, context), comment: requireText(comment, 'the comment'),
          assessedBy, kpis, reason: requireText(reason, 'why the assessment is revised'),
        },
      }];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
