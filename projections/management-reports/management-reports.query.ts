import { Inject, Injectable } from '@nestjs/common';
import type { Figure } from '../../src/domain/reports/figures.js';
import { monthlyReportStream } from '../../src/domain/reports/monthly-report.js';
import { quarterlyAnalysisStream, type ComparedQuarter, type ReportUsed } from '../../src/domain/reports/quarterly-analysis.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { EmbeddedReadStore } from '../../src/read-store/embedded/embedded.read-store.js';
import { READ_STORE, type Document, type Filter, type ReadStore } from '../../src/read-store/read-store.port.js';
import { FOLLOW_UP_ACTIONS, managementReportsProjection, MONTHLY_REPORTS, QUARTERLY_ANALYSES } from './management-reports.projection.js';

export interface ReportVersionDocument {
  version: number;
  analysis: string;
  figures: Figure[];
  readAt: string;
  position: string | null;
  preparedBy: string;
  preparedAt: string;
}

export type MonthlyReportDocument = Document & {
  month: string;
  businessUnit: string | null;
  status: string;
  current: ReportVersionDocument;
  versions: ReportVersionDocument[];
  history: Array<{ kind: string; version: number; by: string; at: string; comments?: string }>;
};

export type FollowUpActionDocument = Document & {
  quarter: string;
  businessUnit: string | null;
  action: number;
  title: string;
  ownerId: string;
  dueOn: string;
  status: string;
  note?: string;
  updatedAt: string;
  history: Array<{ status: string; note: string; by: string; at: string }>;
};

export type QuarterlyAnalysisDocument = Document & {
  quarter: string;
  businessUnit: string | null;
  analysis: string;
  preparedBy: string;
  preparedAt: string;
  figures: Figure[];
  reports: ReportUsed[];
  previousQuarter: ComparedQuarter;
  sameQuarterLastYear: ComparedQuarter;
};

/** 每月信息统计表 and 季度信息分析报告 as documents, now or as they stood at an instant (their own streams replayed up to it). */
@Injectable()
export class ManagementReports {
  constructor(
    @Inject(READ_STORE) private readonly reads: ReadStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async monthly(month: string, businessUnit: string | null, asOf?: Date): Promise<MonthlyReportDocument | null> {
    const stream = monthlyReportStream(month, businessUnit);
    return (await this.at(asOf, [stream])).findOne<MonthlyReportDocument>(MONTHLY_REPORTS, { _id: stream });
  }

  /** The reports of a year's months, January first. */
  monthlyOfYear(year: number, businessUnit: string | null): Promise<MonthlyReportDocument[]> {
    return this.reads.find<MonthlyReportDocument>(MONTHLY_REPORTS, { businessUnit, month: { $regex: `^${year}-` } }, { sort: { month: 1 }, limit: 12 });
  }

  async quarterly(quarter: string, businessUnit: string | null, asOf?: Date): Promise<{ analysis: QuarterlyAnalysisDocument; actions: FollowUpActionDocument[] } | null> {
    const stream = quarterlyAnalysisStream(quarter, businessUnit);
    const reads = await this.at(asOf, [stream]);
    const analysis = await reads.findOne<QuarterlyAnalysisDocument>(QUARTERLY_ANALYSES, { _id: stream });
    return analysis && { analysis, actions: await reads.find<FollowUpActionDocument>(FOLLOW_UP_ACTIONS, { stream }, { sort: { action: 1 } }) };
  }

  /** The follow-up actions `visible` lets through, of a quarter or all, in a status or any, the earliest due first. */
  actions(visible: Filter, { quarter, status }: { quarter?: string; status?: string }, limit: number): Promise<FollowUpActionDocument[]> {
    const filter: Filter = { $and: [visible, { ...(quarter ? { quarter } : {}), ...(status ? { status } : {}) }] };
    return this.reads.find<FollowUpActionDocument>(FOLLOW_UP_ACTIONS, filter, { sort: { dueOn: 1, _id: 1 }, limit });
  }

  /** The live read model, or the streams' events recorded by `asOf` folded into a throw-away one: a report's own history is short. */
  private async at(asOf: Date | undefined, streams: string[]): Promise<ReadStore> {
    if (!asOf) return this.reads;
    const reads = new EmbeddedReadStore(':memory:');
    await reads.defineCollections(managementReportsProjection.collections);
    for (const stream of streams) {
      const events = await this.events.readStream(stream, { until: asOf });
      if (events.length) await reads.commit(managementReportsProjection.name, events.flatMap((event) => managementReportsProjection.project(event)), events[events.length - 1].position);
    }
    return reads;
  }
}
