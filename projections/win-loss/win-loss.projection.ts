import { dimensionsOf, occurredAt, projectIdOf } from '../../src/application/project-event-metadata.js';
import { toDomainEvent } from '../../src/application/project-stream.js';
import type { ProjectEvent } from '../../src/domain/project/events.js';
import { shanghaiDate } from '../../src/domain/policy/working-calendar.js';
import type { Update } from '../../src/read-store/read-store.port.js';
import type { Projection } from '../runtime/projection.js';

export const WIN_LOSS = 'win_loss';

/** How one event adds to a project's win/loss record; undefined when it does not. */
function updateOf(event: ProjectEvent, at: string): Update | undefined {
  switch (event.type) {
    case 'LeadRegistered':
      return { $set: { registeredAt: at, estimatedAmount: event.data.estimatedAmount.amount, customer: event.data.customer, title: event.data.title } };
    case 'ProjectApproved':
      return { $set: { projectClass: event.data.projectClass } };
    case 'ProjectClassRaised':
      return { $set: { projectClass: event.data.to } };
    case 'ReviewFailed':
      return { $inc: { failedReviews: 1 } };
    case 'CountersignRejected':
      return { $inc: { countersignRejections: 1 } };
    case 'QuotationSubmitted':
      return { $set: { quotedAmount: event.data.amount.amount } };
    case 'ProcurementChosen':
      return { $set: { procurement: event.data.method } };
    case 'BidSubmitted':
      return { $set: { bidSubmitted: true, ourPrice: event.data.price.amount } };
    // 分析中标原因: why a bid was won counts among the win reasons once the contract is signed
    case 'BidWon':
      return { $set: { bidWon: true }, $addToSet: { competitors: { $each: event.data.competitors ?? [] }, winReasons: { $each: event.data.reasons ?? [] } } };
    // 开标记录: every other bidder read out at the opening is a competitor met (beaten if the project is won)
    case 'BidOpeningRecorded':
      return { $addToSet: { competitors: { $each: event.data.bidders.map(({ bidder }) => bidder) } } };
    case 'BidDecided':
      return event.data.decision === 'NO_BID'
        ? { $set: { outcome: 'NOT_BID', noBid: true, closedAt: at, reasons: ['NO_BID'], lossNote: event.data.reason } }
        : undefined;
    case 'BidLost':
      return {
        $set: { outcome: 'LOST', closedAt: at, reasons: event.data.reasons, winner: event.data.winner, winningPrice: event.data.winningPrice?.amount ?? null, ourPrice: event.data.ourPrice.amount },
        $addToSet: { competitors: { $each: [event.data.winner, ...(event.data.competitors ?? [])] } },
      };
    // 竞争信息: a competitor noted on the project, on any path, is met; beaten if the project is won
    case 'CompetitorNoted':
      return { $addToSet: { competitors: { $each: [event.data.competitor] } } };
    case 'ContractSigned':
      return { $set: { outcome: 'WON', closedAt: at, wonAmount: event.data.amount.amount } };
    case 'ProjectTerminated':
      return { $set: { outcome: 'TERMINATED', closedAt: at } };
    case 'CustomerDeclined':
      return { $set: { outcome: 'CUSTOMER_DECLINED', closedAt: at, declined: event.data.subject } };
    // 项目总结: a won project's summary says why it was won, beside its bid result's reasons, each once
    case 'ProjectSummarized':
      return event.data.outcome === 'WON'
        ? { $set: { summaryReasons: event.data.reasons }, $addToSet: { winReasons: { $each: event.data.reasons } } }
        : { $set: { summaryReasons: event.data.reasons } };
    default:
      return undefined;
  }
}

/** 成败分析: one record per project — outcome, reasons, competitors, amounts, cycle, rework loops. */
export const winLossProjection: Projection = {
  name: 'win-loss',
  // 2: a tender not bid is its own outcome (NOT_BID), no longer a loss; 3: competitors noted on a project (竞争信息) count as met;
  // 4: the bidders read out at the opening count as met; why a bid was won, and a won project's summary reasons, are its win reasons
  version: 4,
  eventTypes: ['LeadRegistered', 'ProjectApproved', 'ProjectClassRaised', 'ReviewFailed', 'CountersignRejected', 'QuotationSubmitted', 'ProcurementChosen',
    'BidSubmitted', 'BidWon', 'BidDecided', 'BidLost', 'BidOpeningRecorded', 'CompetitorNoted', 'ContractSigned', 'ProjectTerminated', 'CustomerDeclined', 'ProjectSummarized'],
  rebuildCost: 0.8,
  collections: [{ name: WIN_LOSS, indexes: [{ name: 'by_closed_month', key: { closedMonth: 1 } }] }],
  project(stored) {
    const projectId = projectIdOf(stored);
    if (!projectId) return [];
    const update = updateOf(toDomainEvent(stored), occurredAt(stored));
    if (!update) return [];
    const dims = dimensionsOf(stored);
    const closedAt = update.$set?.closedAt as string | undefined;
    // assigned rather than spread into new objects, whose shapes V8 makes one per object, slowly
    const set: Record<string, unknown> = Object.assign({}, update.$set);
    if (closedAt) set.closedMonth = shanghaiDate(new Date(closedAt)).slice(0, 7);
    if (dims) Object.assign(set, { ownerId: dims.ownerId, region: dims.region, productLine: dims.productLine, businessUnit: dims.businessUnit ?? null });
    const withDimensions = Object.keys(set).length ? Object.assign({}, update, { $set: set }) : update;
    return [{ collection: WIN_LOSS, updateOne: { filter: { _id: projectId }, update: withDimensions, upsert: true } }];
  },
};
