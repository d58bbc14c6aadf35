import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DecisionContext } from '../domain/project/decision-context.js';
import {
  decideMonthlyReport, foldMonthlyReport, MONTHLY_REPORT_EVENT_VERSIONS, monthlyReportStream, type MonthlyReport, type MonthlyReportCommand, type MonthlyReportEvent,
} from '../domain/reports/monthly-report.js';
import {
  decideQuarterlyAnalysis, foldQuarterlyAnalysis, monthsReadFor, QUARTERLY_ANALYSIS_EVENT_VERSIONS, quarterlyAnalysisStream, type QuarterlyAnalysisCommand, type QuarterlyAnalysisEvent,
} from '../domain/reports/quarterly-analysis.js';
import { EVENT_STORE, type EventStore, type StoredEvent } from '../event-store/event-store.port.js';
import { appendAtRevision, decisionMetadata, type CommandMeta } from './append-decision.js';
import { Clock } from './clock.js';
import { PolicyProvider } from './policy.provider.js';
import { eventIdFor } from './project-stream.js';
import { StreamCache } from './stream-cache.js';

/** Which report a command is about: a month's or a quarter's, of a business unit (null: the company has none). */
export type ReportTarget = { kind: 'MONTHLY'; month: string; businessUnit: string | null; command: MonthlyReportCommand } | { kind: 'QUARTERLY'; quarter: string; businessUnit: string | null; command: QuarterlyAnalysisCommand };

export interface ReportCommandResult {
  stream: string;
  revision: number;
  events: Array<{ type: string; revision: number; data: Record<string, unknown> }>;
}

/** A command on a management report (每月信息统计表, 季度信息分析报告): documents with streams of their own. */
export class ExecuteReportCommand {
  constructor(
    readonly target: ReportTarget,
    readonly meta: CommandMeta,
  ) {}
}

const asMonthly = (stored: StoredEvent) => ({ type: stored.type, data: stored.data }) as MonthlyReportEvent;
const asQuarterly = (stored: StoredEvent) => ({ type: stored.type, data: stored.data }) as QuarterlyAnalysisEvent;

/** The project handler's shape for the reports' streams: load, decide, append at the exact revision, retry on a concurrent write. */
@CommandHandler(ExecuteReportCommand)
export class ExecuteReportCommandHandler implements ICommandHandler<ExecuteReportCommand, ReportCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly streams: StreamCache,
    private readonly policy: PolicyProvider,
    private readonly clock: Clock,
  ) {}

  async execute({ target, meta }: ExecuteReportCommand): Promise<ReportCommandResult> {
    const stream = target.kind === 'MONTHLY' ? monthlyReportStream(target.month, target.businessUnit) : quarterlyAnalysisStream(target.quarter, target.businessUnit);
    for (let attempt = 1; ; attempt++) {
      const history = await this.streams.read(stream);
      const earlier = history.filter((event) => event.metadata.commandId === meta.commandId);
      // a retried command id answers with what it first appended
      if (earlier.length > 0) return resultOf(stream, earlier);
      const context: DecisionContext = { actor: meta.actor, now: this.clock.now(), ...this.policy.current() };
      const decided = await this.decide(target, history, context);
      const versions: Record<string, number> = { ...MONTHLY_REPORT_EVENT_VERSIONS, ...QUARTERLY_ANALYSIS_EVENT_VERSIONS };
      const unchained = decided.map((event, index) => ({
        id: eventIdFor(stream, meta.actor.userId, meta.commandId, index),
        type: event.type,
        data: event.data as unknown as Record<string, unknown>,
        metadata: decisionMetadata(meta, target.command.type, versions[event.type], context.now, context.policy),
      }));
      if (!(await appendAtRevision(this.events, stream, history, unchained, attempt))) continue;
      const after = await this.streams.read(stream);
      return resultOf(stream, after.filter((event) => event.metadata.commandId === meta.commandId));
    }
  }

  private async decide(target: ReportTarget, history: StoredEvent[], context: DecisionContext): Promise<Array<MonthlyReportEvent | QuarterlyAnalysisEvent>> {
    if (target.kind === 'MONTHLY') return decideMonthlyReport(target.command, foldMonthlyReport(history.map(asMonthly)), context);
    // the quarter, the previous quarter and the same quarter a year before, as their reports' streams hold them now
    const months = target.command.type === 'PrepareQuarterlyAnalysis' ? monthsReadFor(target.quarter) : [];
    const reports = new Map<string, MonthlyReport>();
    for (const month of months) {
      const report = foldMonthlyReport((await this.streams.read(monthlyReportStream(month, target.businessUnit))).map(asMonthly));
      if (report) reports.set(month, report);
    }
    return decideQuarterlyAnalysis(target.command, foldQuarterlyAnalysis(history.map(asQuarterly)), context, reports);
  }
}

function resultOf(stream: string, mine: StoredEvent[]): ReportCommandResult {
  return { stream, revision: mine[mine.length - 1].revision, events: mine.map((event) => ({ type: event.type, revision: event.revision, data: event.data })) };
}
