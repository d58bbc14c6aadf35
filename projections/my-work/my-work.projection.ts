import { occurredAt, projectIdOf } from '../../src/application/project-event-metadata.js';
import { toDomainEvent } from '../../src/application/project-stream.js';
import { STAGE_CHANGING_TYPES, stageEnteredBy } from '../../src/domain/project/stage-of.js';
import { CLOSED_STAGES } from '../../src/domain/project/state.js';
import type { Change } from '../../src/read-store/read-store.port.js';
import type { Projection } from '../runtime/projection.js';

export const WORK_ITEMS = 'work_items';

type Kind = 'REVIEW' | 'QUOTATION_APPROVAL' | 'COUNTERSIGN' | 'TERMINATION_DECISION';
type Assignee = { assigneeType: 'USER' | 'ROLE'; assignee: string };

/** 我的待办: reviews, approvals, countersigns and decisions waiting for a person or a role. */
export const myWorkProjection: Projection = {
  name: 'my-work',
  eventTypes: [
    ...STAGE_CHANGING_TYPES,
    ...(['SolutionSubmitted', 'TechnicalAgreementSubmitted', 'ReviewVoteCast', 'ReviewFailed', 'QuotationSubmitted', 'QuotationApproved',
      'ContractDrafted', 'ContractCountersigned', 'CountersignRejected', 'TerminationRequested', 'TerminationDeclined'] as const),
  ],
  rebuildCost: 0.7,
  collections: [{
    name: WORK_ITEMS,
    indexes: [{ name: 'by_project', key: { projectId: 1, kind: 1 } }, { name: 'by_assignee', key: { assigneeType: 1, assignee: 1, active: 1 } }],
  }],
  project(stored) {
    const projectId = projectIdOf(stored);
    if (!projectId) return [];
    const event = toDomainEvent(stored);
    const since = occurredAt(stored);
    const clear = (kind?: Kind): Change => ({ collection: WORK_ITEMS, deleteMany: { filter: kind ? { projectId, kind } : { projectId } } });
    const add = (kind: Kind, who: Assignee, extra: Record<string, unknown> = {}, key = who.assignee): Change => ({
      collection: WORK_ITEMS,
      updateOne: {
        filter: { _id: `${projectId}|${kind}|${key}` },
        update: { $set: { projectId, kind, ...who, since, active: true, ...extra } },
        upsert: true,
      },
    });
    const user = (assignee: string): Assignee => ({ assigneeType: 'USER', assignee });
    const role = (assignee: string): Assignee => ({ assigneeType: 'ROLE', assignee });
    const stage = stageEnteredBy(event);
    if (stage && CLOSED_STAGES.includes(stage)) return [clear()];
    switch (event.type) {
      case 'SolutionSubmitted':
      case 'TechnicalAgreementSubmitted': {
        const subject = event.type === 'SolutionSubmitted' ? 'SOLUTION' : 'TECHNICAL_AGREEMENT';
        return [clear('REVIEW'), ...event.data.reviewers.map((reviewer) => add('REVIEW', user(reviewer), { subject, version: event.data.version, document: event.data.document }))];
      }
      case 'ReviewVoteCast':
        return [{ collection: WORK_ITEMS, deleteOne: { filter: { _id: `${projectId}|REVIEW|${event.data.reviewerId}` } } }];
      case 'ReviewPassed':
      case 'ReviewFailed':
        return [clear('REVIEW')];
      case 'QuotationSubmitted':
        return [clear('QUOTATION_APPROVAL'), ...event.data.requiredApprovals.map((required) =>
          add('QUOTATION_APPROVAL', role(required), { version: event.data.version, amount: event.data.amount, document: event.data.document }))];
      case 'QuotationApproved':
        return [{ collection: WORK_ITEMS, deleteOne: { filter: { _id: `${projectId}|QUOTATION_APPROVAL|${event.data.role}` } } }];
      case 'ContractDrafted':
        return [clear('COUNTERSIGN'), ...event.data.chain.map((step, index) =>
          add('COUNTERSIGN', step.userId ? user(step.userId) : role(step.role), { step: index, active: index === 0, version: event.data.version, document: event.data.document }, String(index)))];
      case 'ContractCountersigned':
        return [
          { collection: WORK_ITEMS, deleteOne: { filter: { _id: `${projectId}|COUNTERSIGN|${event.data.step}` } } },
          { collection: WORK_ITEMS, updateOne: { filter: { _id: `${projectId}|COUNTERSIGN|${event.data.step + 1}` }, update: { $set: { active: true, since } } } },
        ];
      case 'CountersignRejected':
        return [clear('COUNTERSIGN')];
      case 'TerminationRequested':
        return event.data.deciders.map((decider) => add('TERMINATION_DECISION', role(decider), { reason: event.data.reason }));
      case 'ProjectTerminated':
      case 'TerminationDeclined':
        return [clear('TERMINATION_DECISION')];
      default:
        return [];
    }
  },
};
