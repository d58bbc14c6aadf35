import { occurredAt } from '../../src/application/project-event-metadata.js';
import { MONTHLY_REPORT_STREAM_PREFIX, type MonthlyReportEvent } from '../../src/domain/reports/monthly-report.js';
import { QUARTERLY_ANALYSIS_STREAM_PREFIX, type QuarterlyAnalysisEvent } from '../../src/domain/reports/quarterly-analysis.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import type { Change } from '../../src/read-store/read-store.port.js';

/** The events of the management reports that make or clear a work item. */
export const REPORT_WORK_EVENT_TYPES = ['MonthlyReportPrepared', 'MonthlyReportSubmitted', 'MonthlyReportAcknowledged', 'MonthlyReportReturned', 'QuarterlyAnalysisPrepared', 'FollowUpActionUpdated'] as const;

/** The end of a day of Asia/Shanghai, as an instant: when an action due that day becomes overdue. */
const endOfDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 16 * 3_600_000).toISOString();

/**
 * 我的待办 of the management reports: a submitted monthly report waits for its receivers (销售部长), a returned one for
 * its preparer; each follow-up action of a quarterly analysis waits for its owner (销售策划) until done, due on its day.
 * Items carry the report's business unit; they have no project.
 */
export function reportWork(stored: StoredEvent, collection: string): Change[] {
  const since = occurredAt(stored);
  const clear = (kind: string): Change => ({ collection, deleteMany: { filter: { stream: stored.stream, kind } } });
  const add = (kind: string, assigneeType: 'USER' | 'ROLE', assignee: string, about: Record<string, unknown>, key = assignee): Change => ({
    collection,
    updateOne: { filter: { _id: `${stored.stream}|${kind}|${key}` }, update: { $set: { stream: stored.stream, kind, assigneeType, assignee, since, active: true, ...about } }, upsert: true },
  });
  if (stored.stream.startsWith(MONTHLY_REPORT_STREAM_PREFIX)) {
    const event = { type: stored.type, data: stored.data } as MonthlyReportEvent;
    switch (event.type) {
      // prepared again: the returned report no longer waits for its preparer
      case 'MonthlyReportPrepared':
        return [clear('MONTHLY_REPORT_REVISION')];
      case 'MonthlyReportSubmitted':
        return event.data.receivers.map((role) => add('MONTHLY_REPORT_RECEIPT', 'ROLE', role, { ...periodOf(stored.stream), version: event.data.version }));
      case 'MonthlyReportAcknowledged':
        return [clear('MONTHLY_REPORT_RECEIPT')];
      case 'MonthlyReportReturned':
        return [clear('MONTHLY_REPORT_RECEIPT'), add('MONTHLY_REPORT_REVISION', 'USER', event.data.preparedBy, { ...periodOf(stored.stream), version: event.data.version, title: event.data.comments })];
      default:
        return [];
    }
  }
  if (!stored.stream.startsWith(QUARTERLY_ANALYSIS_STREAM_PREFIX)) return [];
  const event = { type: stored.type, data: stored.data } as QuarterlyAnalysisEvent;
  if (event.type === 'QuarterlyAnalysisPrepared') {
    const { quarter, businessUnit } = event.data;
    return event.data.actions.map(({ action, title, ownerId, dueOn }) =>
      add('FOLLOW_UP_ACTION', 'USER', ownerId, { period: quarter, businessUnit, action, title, dueAt: endOfDay(dueOn), overdueAt: endOfDay(dueOn) }, String(action)));
  }
  if (event.type === 'FollowUpActionUpdated' && event.data.status === 'DONE') return [{ collection, deleteOne: { filter: { _id: `${stored.stream}|FOLLOW_UP_ACTION|${event.data.action}` } } }];
  return [];
}

/** The month and business unit a monthly report's stream is named by (`monthly-report-<YYYY-MM>[@<unit>]`). */
function periodOf(stream: string): { period: string; businessUnit: string | null } {
  const [period, ...unit] = stream.slice(MONTHLY_REPORT_STREAM_PREFIX.length).split('@');
  return { period, businessUnit: unit.length ? unit.join('@') : null };
}
