import { Inject, Injectable } from '@nestjs/common';
import { shanghaiDate } from '../../src/domain/policy/working-calendar.js';
import type { TrackingKind } from '../../src/domain/project/vocabulary.js';
import type { Stage } from '../../src/domain/project/state.js';
import { READ_STORE, type Document, type Filter, type ReadStore } from '../../src/read-store/read-store.port.js';
import { TRACKING_ROWS } from './tracking-table.projection.js';
import type { ProjectHeading } from '../project-access-fields.js';

export interface TrackingTableFilter {
  ownerId?: string;
  region?: string;
  /** Only the rows whose next action is overdue. */
  overdueOnly?: boolean;
}

export interface LastContact {
  kind: TrackingKind;
  contactedOn: string;
  note: string;
  place: string | null;
  customerFeedback: string | null;
}

export interface TrackingRow extends ProjectHeading {
  stage: Stage;
  lastContact: LastContact | null;
  nextAction: string | null;
  nextActionOn: string | null;
  /** Its date is before the day (Beijing) the table is read for. */
  nextActionOverdue: boolean;
  notes: number;
  lastWeekReported: string | null;
  openChallenges: number;
}

type RowDocument = Document & Omit<TrackingRow, 'nextActionOverdue' | 'lastWeekReported'> & { lastWeekReported?: string };

const ROW_FIELDS = Object.fromEntries([
  'projectId', 'title', 'customer', 'ownerId', 'region', 'productLine', 'stage', 'lastContact', 'nextAction', 'nextActionOn', 'notes', 'lastWeekReported', 'openChallenges',
].map((field) => [field, 1 as const]));

/** 项目跟踪表: the open projects the caller may see, by region and owner, a page at a time. */
@Injectable()
export class TrackingTable {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  /** As read at `at`: a next action is overdue once its day is over in Beijing. */
  async page(filter: TrackingTableFilter, offset: number, limit: number, visible: Filter, at: Date): Promise<{ total: number; items: TrackingRow[] }> {
    const today = shanghaiDate(at);
    const chosen: Filter = { open: true };
    if (filter.ownerId) chosen.ownerId = filter.ownerId;
    if (filter.region) chosen.region = filter.region;
    // a date string before today; null (no next action) is no string, in either store
    if (filter.overdueOnly) chosen.nextActionOn = { $gt: '', $lt: today };
    const selection = { $and: [visible, chosen] };
    const [total, rows] = await Promise.all([
      this.reads.count(TRACKING_ROWS, selection),
      this.reads.find<RowDocument>(TRACKING_ROWS, selection, { sort: { region: 1, ownerId: 1, _id: 1 }, skip: offset, limit, projection: ROW_FIELDS }),
    ]);
    return {
      total,
      items: rows.map(({ _id, lastWeekReported, ...row }) => ({
        ...row, lastWeekReported: lastWeekReported ?? null, nextActionOverdue: row.nextActionOn !== null && row.nextActionOn < today,
      })),
    };
  }
}
