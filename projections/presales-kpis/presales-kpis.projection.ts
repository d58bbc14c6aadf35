import { dimensionsOf, occurredAt, projectIdOf } from '../../src/application/project-event-metadata.js';
import { toAssessmentEvent } from '../../src/application/execute-assessment-command.js';
import { toDomainEvent } from '../../src/application/project-stream.js';
import {
  ASSESSMENT_EVENT_VERSIONS, ASSESSMENT_STREAM_PREFIX,
} from '../../src/domain/assessment/presales-assessment.js';
import { shanghaiDate } from '../../src/domain/policy/working-calendar.js';
import type { ProjectEvent, ProjectEventType } from '../../src/domain/project/events.js';
import type { ScaleUsed } from '../../src/domain/project/kpi-events.js';
import { REVIEW_SCORE_MAX } from '../../src/domain/project/vocabulary.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import type { Change } from '../../src/read-store/read-store.port.js';
import type { Projection } from '../runtime/projection.js';

/** One document per fact a KPI counts: a person, a kind, a month, and the event it comes from. */
export const KPI_FACTS = 'presales_kpi_facts';
/** One document per project and pre-sales person who worked on it: when first, and the contract that won it, if any. */
export const KPI_PARTICIPATION = 'presales_kpi_participation';
/** Who wrote each version of each solution: the reviewers' scores of it are its author's. */
export const SOLUTION_AUTHORS = 'presales_solution_authors';
/** 月度考核: one document per person and month, with every version. */
export const ASSESSMENTS = 'presales_assessments';

export const FACT_KINDS = ['WORKED', 'SATISFACTION', 'SOLUTION_SCORE', 'COLLABORATION', 'DEMO'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** The steps that are pre-sales work when done in the pre-sales engineer's role. */
const PRESALES_STEPS: readonly ProjectEventType[] = [
  'ExchangeRecorded', 'SurveyCompleted', 'SolutionSubmitted', 'TechnicalAgreementSubmitted', 'TechnicalBidSubmitted', 'SolutionRequestAnswered',
];

export const KPI_EVENT_TYPES: readonly string[] = [
  ...PRESALES_STEPS, 'ProjectApproved', 'DemoHeld', 'ContractSigned', 'ReviewVoteCast', 'SatisfactionSurveyAnswered', 'CollaborationRated',
  ...Object.keys(ASSESSMENT_EVENT_VERSIONS),
];

const monthOf = (instant: string) => shanghaiDate(new Date(instant)).slice(0, 7);
/** A score on its scale as a mark out of 100 (百分制), so that months scored on different scales fold together. */
export const outOf100 = (score: number, { min, max }: ScaleUsed) => ((score - min) / (max - min)) * 100;
const REVIEW_SCALE: ScaleUsed = { min: 1, max: REVIEW_SCORE_MAX };

/** The people an event makes a project's pre-sales people: who it names as such, or who did a pre-sales step in that role. */
export function presalesWorkersOf(stored: StoredEvent, event: ProjectEvent): string[] {
  if (event.type === 'ProjectApproved') return event.data.presalesEngineerId ? [event.data.presalesEngineerId] : [];
  if (event.type === 'DemoHeld') return event.data.presenters;
  if (!PRESALES_STEPS.includes(event.type)) return [];
  const actor = stored.metadata.actor as { userId?: string; roles?: string[] } | undefined;
  return actor?.userId && actor.roles?.includes('PRESALES_ENGINEER') ? [actor.userId] : [];
}

/** The facts an event gives, by person: its score out of 100 where it is a rating. */
function factsOf(stored: StoredEvent, event: ProjectEvent): Array<{ kind: FactKind; person: string | null; value?: number; month?: string; solution?: string }> {
  switch (event.type) {
    case 'SatisfactionSurveyAnswered': {
      const { answers, scale, rates } = event.data;
      const value = answers.reduce((sum, answer) => sum + outOf100(answer.score, scale), 0) / answers.length;
      return rates.map((person) => ({ kind: 'SATISFACTION', person, value }));
    }
    case 'CollaborationRated':
      return [{ kind: 'COLLABORATION', person: event.data.person, value: outOf100(event.data.score, event.data.scale) }];
    case 'ReviewVoteCast': {
      const { scores, subject, version } = event.data;
      if (!scores || subject !== 'SOLUTION') return [];
      const value = (outOf100(scores.rationality, REVIEW_SCALE) + outOf100(scores.innovation, REVIEW_SCALE) + outOf100(scores.completeness, REVIEW_SCALE)) / 3;
      // whose solution it is, the query reads from the authors (the vote does not say)
      return [{ kind: 'SOLUTION_SCORE', person: null, value, solution: `${projectIdOf(stored)}|${version}` }];
    }
    // a demo given is pre-sales work on the project (when recorded) and a demo of the month it was held
    case 'DemoHeld':
      return event.data.presenters.flatMap((person) => [{ kind: 'DEMO' as const, person, month: event.data.heldOn.slice(0, 7) }, { kind: 'WORKED' as const, person }]);
    default:
      return presalesWorkersOf(stored, event).map((person) => ({ kind: 'WORKED', person }));
  }
}

function projectChanges(stored: StoredEvent, projectId: string): Change[] {
  const event = toDomainEvent(stored);
  const at = occurredAt(stored);
  const businessUnit = dimensionsOf(stored)?.businessUnit ?? null;
  const source = { projectId, revision: stored.revision, eventId: stored.id, type: stored.type, at, businessUnit };
  const changes: Change[] = factsOf(stored, event).map(({ kind, person, value, month, solution }) => ({
    collection: KPI_FACTS,
    updateOne: {
      filter: { _id: `${stored.stream}|${stored.revision}|${kind}|${person ?? ''}` },
      update: { $set: { ...source, kind, person, month: month ?? monthOf(at), ...(value === undefined ? {} : { value }), ...(solution ? { solution } : {}) } },
      upsert: true,
    },
  }));
  for (const person of new Set(presalesWorkersOf(stored, event))) {
    changes.push({
      collection: KPI_PARTICIPATION,
      updateOne: { filter: { _id: `${projectId}|${person}` }, update: { $setOnInsert: { projectId, person, businessUnit, firstRevision: stored.revision, firstAt: at } }, upsert: true },
    });
  }
  if (event.type === 'SolutionSubmitted') {
    const author = event.data.authorId ?? (stored.metadata.actor as { userId: string }).userId;
    changes.push({ collection: SOLUTION_AUTHORS, updateOne: { filter: { _id: `${projectId}|${event.data.version}` }, update: { $set: { author } }, upsert: true } });
  }
  // 成交: the project is won for each of its pre-sales people who worked on it before the contract was signed
  if (event.type === 'ContractSigned') {
    changes.push({
      collection: KPI_PARTICIPATION,
      updateMany: { filter: { projectId, firstRevision: { $lt: stored.revision } }, update: { $set: { wonMonth: monthOf(at), wonAt: at, wonRevision: stored.revision, wonEventId: stored.id } } },
    });
  }
  return changes;
}

function assessmentChanges(stored: StoredEvent): Change[] {
  const event = toAssessmentEvent(stored);
  const version = { ...event.data, assessedAt: occurredAt(stored), revision: stored.revision };
  if (event.type === 'PresalesAssessed') {
    const { person, month } = event.data;
    return [{
      collection: ASSESSMENTS,
      replaceOne: { filter: { _id: stored.stream }, replacement: { _id: stored.stream, person, month, revision: stored.revision, inForce: version, versions: [version] }, upsert: true },
    }];
  }
  return [{
    collection: ASSESSMENTS,
    updateOne: { filter: { _id: stored.stream, revision: { $lt: stored.revision } }, update: { $set: { revision: stored.revision, inForce: version }, $push: { versions: version } } },
  }];
}

/**
 * 售前考核: the facts each KPI of a pre-sales person is computed from (document 002 §考核指標), each keyed by the event it
 * comes from, so that a redelivered event changes nothing and every figure opens to its events; the month's assessments.
 * The on-time rate reads the SLA clocks of stage-history (due_steps).
 */
export const presalesKpisProjection: Projection = {
  name: 'presales-kpis',
  eventTypes: KPI_EVENT_TYPES,
  rebuildCost: 0.3,
  collections: [
    { name: KPI_FACTS, indexes: [{ name: 'by_month_kind', key: { month: 1, kind: 1 } }, { name: 'by_person_month', key: { person: 1, month: 1 } }] },
    { name: KPI_PARTICIPATION, indexes: [{ name: 'by_project', key: { projectId: 1 } }, { name: 'by_won_month', key: { wonMonth: 1 } }] },
    { name: SOLUTION_AUTHORS },
    { name: ASSESSMENTS, indexes: [{ name: 'by_month', key: { month: 1, person: 1 } }] },
  ],
  project(stored) {
    if (stored.stream.startsWith(ASSESSMENT_STREAM_PREFIX)) return assessmentChanges(stored);
    const projectId = projectIdOf(stored);
    return projectId ? projectChanges(stored, projectId) : [];
  },
};
