import { dimensionsOf, occurredAt, projectIdOf, stageBeforeOf } from '../../src/application/project-event-metadata.js';
import { toDomainEvent } from '../../src/application/project-stream.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import { STAGE_CHANGING_TYPES, stageEnteredBy } from '../../src/domain/project/stage-of.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import { shanghaiDate } from '../../src/domain/policy/working-calendar.js';
import type { Change } from '../../src/read-store/read-store.port.js';
import type { Projection } from '../runtime/projection.js';
import { PROJECT_FIGURE_COLLECTIONS, PROJECT_FIGURE_EVENT_TYPES, projectFigureChanges } from './project-figures.projection.js';

export const MONTHLY_STATISTICS = 'monthly_statistics';
/** One document per demo held, in the month it was held: the report counts them per presenter. */
export const DEMOS_HELD = 'demos_held';
export const DIMENSIONS = ['all', 'region', 'productLine', 'owner'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The counters of 每月信息统计表 one event adds to, by dotted field name. */
export function countersOf(event: ProjectEvent): Record<string, number> {
  switch (event.type) {
    case 'LeadRegistered':
      return { leads: 1, [`leadsByChannel.${event.data.channel}`]: 1 };
    // 筛选: a screening ends qualified, rejected or forwarded (once the forward is approved)
    case 'LeadQualified':
      return { leadsScreened: 1, leadsQualified: 1 };
    case 'LeadRejected':
      return { leadsScreened: 1, leadsRejected: 1 };
    case 'LeadForwarded':
      return { leadsScreened: 1, leadsForwarded: 1 };
    // 分派: every assignment, a reassignment too
    case 'LeadAssigned':
      return { leadsAssigned: 1 };
    case 'ProjectApproved':
      return { approvals: 1, [`approvalsByClass.${event.data.projectClass}`]: 1 };
    // every version; the projects with a solution are counted once each (project-figures)
    case 'SolutionSubmitted':
      return { solutionVersions: 1 };
    case 'ReviewPassed':
      return event.data.subject === 'SOLUTION'
        ? { solutionReviewsPassed: 1, ...(event.data.version === 1 ? { firstReviewsConcluded: 1, firstReviewsPassed: 1 } : {}) }
        : { agreementReviewsPassed: 1 };
    case 'ReviewFailed':
      return event.data.subject === 'SOLUTION'
        ? { solutionReviewsFailed: 1, ...(event.data.version === 1 ? { firstReviewsConcluded: 1 } : {}) }
        : { agreementReviewsFailed: 1 };
    case 'BidDecided':
      // not bidding is counted on its own, not as a loss, whenever it is said; a decision to bid once it is final (the intent is not yet a bid)
      if (event.data.decision === 'NO_BID') return { noBidDecisions: 1 };
      return event.data.phase === 'INTENT' ? {} : { bidDecisions: 1 };
    case 'BidSubmitted':
      return { bidsSubmitted: 1 };
    case 'BidWon':
      return { bidsWon: 1 };
    case 'BidLost':
      return { bidsLost: 1, losses: 1, ...Object.fromEntries(event.data.reasons.map((reason) => [`lossesByReason.${reason}`, 1])) };
    case 'ContractSigned':
      return { contractsSigned: 1, contractAmount: event.data.amount.amount };
    case 'ProjectTerminated':
      return { terminations: 1 };
    default:
      return {};
  }
}

const DAY_MS = 86_400_000;

/** A stage left by this event: its days and one more interval, counted in the month it ended. */
function stageTimeOf(stored: StoredEvent, event: ProjectEvent): Record<string, number> {
  const before = stageBeforeOf(stored);
  if (!before || !stageEnteredBy(event)) return {};
  const days = (Date.parse(occurredAt(stored)) - Date.parse(before.enteredAt)) / DAY_MS;
  return { [`stageDays.${before.stage}`]: days, [`stageIntervals.${before.stage}`]: 1 };
}

/** A demo held, with the project's dimensions: upserted by its id, so a redelivered event changes nothing. */
function demoHeldChange(stored: StoredEvent, event: ProjectEvent, projectId: string): Change[] {
  if (event.type !== 'DemoHeld') return [];
  const dims = dimensionsOf(stored);
  const { number, presenters, heldOn } = event.data;
  return [{
    collection: DEMOS_HELD,
    updateOne: {
      filter: { _id: `${projectId}|${number}` },
      update: {
        $set: {
          projectId, month: heldOn.slice(0, 7), presenters, businessUnit: dims?.businessUnit ?? null,
          ...(dims ? { ownerId: dims.ownerId, region: dims.region, productLine: dims.productLine } : {}),
        },
      },
      upsert: true,
    },
  }];
}

/** 每月信息统计表: counters per month (Asia/Shanghai) and business unit, for the whole unit and per region, product line, owner. */
export const monthlyStatisticsProjection: Projection = {
  name: 'monthly-statistics',
  // 2: a no-bid decision is no longer counted as a loss; the project's last stage is CLOSED, not LOST; 3: demos held, per presenter;
  // 4: a decision to bid counts once final, not at the intent too
  // 5: leads screened, rejected, forwarded and assigned; solutions and quotations once per project (a quotation at its
  // latest approved version); terminations by the reason of their request
  version: 5,
  // the counters' events, every stage change (days per stage), the demos held and the figures counted once per project
  eventTypes: [...new Set([...STAGE_CHANGING_TYPES, ...PROJECT_FIGURE_EVENT_TYPES, ...(['ReviewFailed', 'BidSubmitted', 'DemoHeld', 'LeadAssigned'] as const)])],
  rebuildCost: 1.2,
  collections: [
    { name: MONTHLY_STATISTICS, indexes: [{ name: 'by_month', key: { month: 1, dimension: 1 } }] },
    { name: DEMOS_HELD, indexes: [{ name: 'by_month', key: { month: 1 } }] },
    ...PROJECT_FIGURE_COLLECTIONS,
  ],
  project(stored) {
    const projectId = projectIdOf(stored);
    if (!projectId) return [];
    const event = toDomainEvent(stored);
    const counters = Object.assign(countersOf(event), stageTimeOf(stored, event));
    const perProject = projectFigureChanges(stored, event, projectId);
    if (Object.keys(counters).length === 0) return [...perProject, ...demoHeldChange(stored, event, projectId)]; // a demo changes no counter
    const month = shanghaiDate(new Date(occurredAt(stored))).slice(0, 7);
    const dims = dimensionsOf(stored);
    const values: Record<Dimension, string | undefined> = { all: '*', region: dims?.region, productLine: dims?.productLine, owner: dims?.ownerId };
    const businessUnit = dims?.businessUnit ?? null;
    return [...perProject, ...DIMENSIONS.flatMap((dimension): Change[] => {
      const value = values[dimension];
      if (value === undefined) return [];
      return [{
        collection: MONTHLY_STATISTICS,
        updateOne: {
          filter: { _id: `${month}|${businessUnit ?? ''}|${dimension}|${value}` },
          update: { $setOnInsert: { month, businessUnit, dimension, value }, $inc: counters },
          upsert: true,
        },
      }];
    })];
  },
};
