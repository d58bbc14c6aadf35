import type {
  MonthlyProgressReported, PlanAdjustmentRequested, PresalesCostBooked, ProjectEvent, SalesPlanFiled, TaskBookFiled, WarRoomMeetingHeld,
} from '../domain/project/events.js';
import type { StoredEvent } from '../event-store/event-store.port.js';
import { occurredAt } from './project-event-metadata.js';
import { toDomainEvent } from './project-stream.js';

type At = { at: string };

/** An adjustment form as it went: asked, confirmed by the sponsor, decided. */
export type AdjustmentRecord = PlanAdjustmentRequested['data'] & At & {
  status: 'REQUESTED' | 'CONFIRMED' | 'APPROVED' | 'DECLINED';
  confirmedBy?: string;
  decidedBy?: string;
  comments?: string;
};

/** 售前项目管理 as the events recorded it: every plan and task-book version, cost, meeting, report and adjustment, each with when. */
export interface SalesControlRecord {
  plans: Array<SalesPlanFiled['data'] & At>;
  taskBooks: Array<TaskBookFiled['data'] & At & { confirmedBy?: string }>;
  costs: Array<PresalesCostBooked['data'] & At>;
  meetings: Array<WarRoomMeetingHeld['data'] & At>;
  progressReports: Array<MonthlyProgressReported['data'] & At>;
  adjustments: AdjustmentRecord[];
}

function recordControl(into: SalesControlRecord, event: ProjectEvent, at: string): void {
  const adjustment = (number: number) => into.adjustments.find((entry) => entry.number === number);
  switch (event.type) {
    case 'SalesPlanFiled':
      into.plans.push({ ...event.data, at });
      return;
    case 'TaskBookFiled':
      into.taskBooks.push({ ...event.data, at });
      return;
    case 'TaskBookConfirmed': {
      const book = into.taskBooks.find(({ version }) => version === event.data.version);
      if (book) book.confirmedBy = event.data.confirmedBy;
      return;
    }
    case 'PresalesCostBooked':
      into.costs.push({ ...event.data, at });
      return;
    case 'WarRoomMeetingHeld':
      into.meetings.push({ ...event.data, at });
      return;
    case 'MonthlyProgressReported':
      into.progressReports.push({ ...event.data, at });
      return;
    case 'PlanAdjustmentRequested':
      into.adjustments.push({ ...event.data, at, status: 'REQUESTED' });
      return;
    case 'PlanAdjustmentConfirmed':
      Object.assign(adjustment(event.data.number) ?? {}, { status: 'CONFIRMED', confirmedBy: event.data.confirmedBy });
      return;
    case 'PlanAdjustmentApproved':
      Object.assign(adjustment(event.data.number) ?? {}, { status: 'APPROVED', decidedBy: event.data.approvedBy, ...(event.data.comments ? { comments: event.data.comments } : {}) });
      return;
    case 'PlanAdjustmentDeclined':
      Object.assign(adjustment(event.data.number) ?? {}, { status: 'DECLINED', decidedBy: event.data.decidedBy, comments: event.data.comments });
      return;
    default:
      return;
  }
}

/** The record of a project's controls, folded from its stored events in order (their instants are the "when"). */
export function salesControlRecordOf(history: readonly StoredEvent[]): SalesControlRecord {
  const into: SalesControlRecord = { plans: [], taskBooks: [], costs: [], meetings: [], progressReports: [], adjustments: [] };
  for (const stored of history) recordControl(into, toDomainEvent(stored), occurredAt(stored));
  return into;
}
