import { occurredAt } from '../../src/application/project-event-metadata.js';
import { MONTHLY_REPORT_STREAM_PREFIX, type MonthlyReportEvent } from '../../src/domain/reports/monthly-report.js';
import { QUARTERLY_ANALYSIS_STREAM_PREFIX, type QuarterlyAnalysisEvent } from '../../src/domain/reports/quarterly-analysis.js';
import type { StoredEvent } from '../../src/event-store/event-store.port.js';
import type { Change } from '../../src/read-store/read-store.port.js';
import type { Projection } from '../runtime/projection.js';

export const MONTHLY_REPORTS = 'monthly_reports';
export const QUARTERLY_ANALYSES = 'quarterly_analyses';
export const FOLLOW_UP_ACTIONS = 'follow_up_actions';

/** What the report's history shows of one step: who did what to which version, when, with which comments. */
const step = (stored: StoredEvent, kind: string, version: number, by: string, comments?: string) =>
  ({ kind, version, by, at: occurredAt(stored), ...(comments ? { comments } : {}) });

function monthlyChanges(stored: StoredEvent, event: MonthlyReportEvent): Change[] {
  const at = occurredAt(stored);
  // a later event changes the document only if it is newer than what it holds: a redelivered one changes nothing
  const newer = { _id: stored.stream, revision: { $lt: stored.revision } };
  const update = (status: string, history: ReturnType<typeof step>, extra: Record<string, unknown> = {}): Change =>
    ({ collection: MONTHLY_REPORTS, updateOne: { filter: newer, update: { $set: { status, revision: stored.revision, updatedAt: at, ...extra }, $push: { history } } } });
  switch (event.type) {
    case 'MonthlyReportPrepared': {
      const { month, businessUnit, ...version } = event.data;
      const prepared = { ...version, preparedAt: at };
      return [
        { collection: MONTHLY_REPORTS, updateOne: { filter: { _id: stored.stream }, update: { $setOnInsert: { month, businessUnit, revision: -1, versions: [], history: [] } }, upsert: true } },
        { collection: MONTHLY_REPORTS, updateOne: { filter: newer, update: { $set: { status: 'PREPARED', revision: stored.revision, updatedAt: at, current: prepared }, $push: { versions: prepared, history: step(stored, 'PREPARED', version.version, version.preparedBy) } } } },
      ];
    }
    case 'MonthlyReportSubmitted':
      return [update('SUBMITTED', step(stored, 'SUBMITTED', event.data.version, event.data.submittedBy))];
    case 'MonthlyReportAcknowledged':
      return [update('ACKNOWLEDGED', step(stored, 'ACKNOWLEDGED', event.data.version, event.data.acknowledgedBy, event.data.comments))];
    case 'MonthlyReportReturned':
      return [update('RETURNED', step(stored, 'RETURNED', event.data.version, event.data.returnedBy, event.data.comments))];
    default:
      return [];
  }
}

function quarterlyChanges(stored: StoredEvent, event: QuarterlyAnalysisEvent): Change[] {
  const at = occurredAt(stored);
  switch (event.type) {
    case 'QuarterlyAnalysisPrepared': {
      const { actions, ...analysis } = event.data;
      return [
        { collection: QUARTERLY_ANALYSES, replaceOne: { filter: { _id: stored.stream }, replacement: { _id: stored.stream, ...analysis, preparedAt: at, revision: stored.revision }, upsert: true } },
        ...actions.map((action): Change => ({
          collection: FOLLOW_UP_ACTIONS,
          replaceOne: {
            filter: { _id: `${stored.stream}|${action.action}` },
            replacement: { _id: `${stored.stream}|${action.action}`, stream: stored.stream, quarter: analysis.quarter, businessUnit: analysis.businessUnit, ...action, status: 'OPEN', revision: stored.revision, updatedAt: at, history: [] },
            upsert: true,
          },
        })),
      ];
    }
    case 'FollowUpActionUpdated': {
      const { action, status, note, updatedBy } = event.data;
      return [{
        collection: FOLLOW_UP_ACTIONS,
        updateOne: {
          filter: { _id: `${stored.stream}|${action}`, revision: { $lt: stored.revision } },
          update: { $set: { status, note, revision: stored.revision, updatedAt: at }, $push: { history: { status, note, by: updatedBy, at } } },
        },
      }];
    }
    default:
      return [];
  }
}

/** 每月信息统计表 and 季度信息分析报告 as documents: each report with its versions and history, each analysis with its follow-up actions. */
export const managementReportsProjection: Projection = {
  name: 'management-reports',
  // only the reports' own streams: every other event is skipped by its stream's name
  rebuildCost: 0.05,
  collections: [
    { name: MONTHLY_REPORTS, indexes: [{ name: 'by_month', key: { businessUnit: 1, month: 1 } }] },
    { name: QUARTERLY_ANALYSES, indexes: [{ name: 'by_quarter', key: { businessUnit: 1, quarter: 1 } }] },
    { name: FOLLOW_UP_ACTIONS, indexes: [{ name: 'by_owner', key: { ownerId: 1, status: 1 } }, { name: 'by_quarter', key: { businessUnit: 1, quarter: 1 } }] },
  ],
  project(stored): Change[] {
    if (stored.stream.startsWith(MONTHLY_REPORT_STREAM_PREFIX)) return monthlyChanges(stored, { type: stored.type, data: stored.data } as MonthlyReportEvent);
    if (stored.stream.startsWith(QUARTERLY_ANALYSIS_STREAM_PREFIX)) return quarterlyChanges(stored, { type: stored.type, data: stored.data } as QuarterlyAnalysisEvent);
    return [];
  },
};
