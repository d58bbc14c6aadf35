import { dimensionsOf, occurredAt } from '../../src/application/project-event-metadata.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import { shanghaiDate } from '../../src/domain/policy/working-calendar.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import type { Change, CollectionDefinition } from '../../src/read-store/read-store.port.js';

/** One document per quotation version: its amount, the approvals it needs and those given, with when. */
export const QUOTATION_VERSIONS = 'quotation_versions';
/** One document per project and month in which a solution (any version) was submitted. */
export const SOLUTION_MONTHS = 'solution_months';
/** One document per project whose termination was requested: the reason, and the month it was terminated in. */
export const TERMINATIONS = 'terminations';

export const PROJECT_FIGURE_COLLECTIONS: CollectionDefinition[] = [
  { name: QUOTATION_VERSIONS, indexes: [{ name: 'by_approval', key: { businessUnit: 1, lastApprovalAt: 1 } }] },
  { name: SOLUTION_MONTHS, indexes: [{ name: 'by_month', key: { month: 1, businessUnit: 1 } }] },
  { name: TERMINATIONS, indexes: [{ name: 'by_month', key: { month: 1, businessUnit: 1 } }] },
];

/** The event types whose figures count once per project, from the documents above. */
export const PROJECT_FIGURE_EVENT_TYPES = ['SolutionSubmitted', 'QuotationSubmitted', 'QuotationApproved', 'TerminationRequested', 'ProjectTerminated'] as const;

/** Where the project stood when the event was written: its unit, owner, region and product line. */
function whereOf(stored: StoredEvent) {
  const dims = dimensionsOf(stored);
  return { businessUnit: dims?.businessUnit ?? null, ...(dims ? { ownerId: dims.ownerId, region: dims.region, productLine: dims.productLine } : {}) };
}

/**
 * The documents behind the figures counted once per project: every write is a `$set` or `$max` of what the
 * event says, so a redelivered event changes nothing.
 */
export function projectFigureChanges(stored: StoredEvent, event: ProjectEvent, projectId: string): Change[] {
  const at = occurredAt(stored);
  switch (event.type) {
    case 'SolutionSubmitted': {
      const month = shanghaiDate(new Date(at)).slice(0, 7);
      return [{ collection: SOLUTION_MONTHS, updateOne: { filter: { _id: `${month}|${projectId}` }, update: { $set: { month, projectId, ...whereOf(stored) } }, upsert: true } }];
    }
    case 'QuotationSubmitted': {
      const { version, amount, requiredApprovals } = event.data;
      // a version no one needs to approve is approved as it is submitted
      const approvedNow = requiredApprovals.length === 0 ? { lastApprovalAt: at } : {};
      return [{
        collection: QUOTATION_VERSIONS,
        updateOne: { filter: { _id: `${projectId}|${version}` }, update: { $set: { projectId, version, amount: amount.amount, requiredApprovals, ...approvedNow, ...whereOf(stored) } }, upsert: true },
      }];
    }
    case 'QuotationApproved':
      return [{
        collection: QUOTATION_VERSIONS,
        updateOne: { filter: { _id: `${projectId}|${event.data.version}` }, update: { $set: { [`approvals.${event.data.role}`]: at, ...whereOf(stored) }, $max: { lastApprovalAt: at } } },
      }];
    case 'TerminationRequested':
      return [{ collection: TERMINATIONS, updateOne: { filter: { _id: projectId }, update: { $set: { projectId, reason: event.data.reason.trim() } }, upsert: true } }];
    case 'ProjectTerminated':
      return [{ collection: TERMINATIONS, updateOne: { filter: { _id: projectId }, update: { $set: { month: shanghaiDate(new Date(at)).slice(0, 7), ...whereOf(stored) } }, upsert: true } }];
    default:
      return [];
  }
}
