import { ACTIONS } from '../domain/project/action-catalogue.js';
import { MAX_TENDER_PEOPLE } from '../domain/project/decide-bid-work.js';
import { DEADLINE_KINDS } from '../domain/project/deadlines.js';
import { OUTCOME_REASONS, ROLES, SIGNED_DOCUMENTS } from '../domain/project/vocabulary.js';

/**
 * What each field of the schema costs a request, in one table. The unit is one field's value
 * resolved from memory; every selected field costs 1, plus its own work, plus its children times
 * the items its list answers.
 */
export interface FieldCost {
  /** The work behind the field itself each time it is selected: reading a read model, folding a stream. */
  work?: number;
  /** The work instead when one of `args` asks for a past state: a replay; `wholeLog` when it replays every project's events. */
  replay?: { args: readonly string[]; work: number; wholeLog?: boolean };
  /** A list field: the items it answers, at most or typically. */
  items?: number;
  /** A list inside this field's answer whose length is one of its arguments: `BoardColumn.cards` by `cardsPerColumn`. */
  page?: { list: string; size: (args: Record<string, unknown>) => number };
}

/** Items assumed for a list field the table does not name (introspection's lists excepted, which cost 1 per item). */
export const UNLISTED_ITEMS = 10;

const between = (min: number, max: number, value: unknown) => Math.max(min, Math.min(max, typeof value === 'number' ? value : max));

/** The replays that read every project's events (the board, reports and analyses as of an instant). */
const WHOLE_LOG_REPLAY = { args: ['asOf'], work: 20_000, wholeLog: true } as const;
/** A report sums a unit's counters over months and the stage history. */
const REPORT = 1_000;

/** Keyed by schema coordinate (`Type.field`). */
export const FIELD_COSTS: Readonly<Record<string, FieldCost>> = {
  // as of an instant, every project's stage intervals and amounts are read, not only the visible ones
  'Query.pipelineBoard': {
    work: 50,
    replay: { args: ['asOf'], work: 2_000, wholeLog: true },
    items: 9, // the open stages
    page: { list: 'BoardColumn.cards', size: (args) => between(0, 1000, args.cardsPerColumn) },
  },
  'Query.projects': { work: 50, page: { list: 'ProjectPage.items', size: (args) => between(1, 100, (args.page as { limit?: unknown } | undefined)?.limit) } },
  // as of an instant, the tracking table is replayed from the whole log, as the reports are
  'Query.trackingTable': { work: 50, replay: WHOLE_LOG_REPLAY, page: { list: 'TrackingTablePage.items', size: (args) => between(1, 100, (args.page as { limit?: unknown } | undefined)?.limit) } },
  'Query.projectSummaries': { work: 100, page: { list: 'SummaryPage.items', size: (args) => between(1, 100, (args.page as { limit?: unknown } | undefined)?.limit) } },
  'SummaryEntryView.participants': { items: 8 },
  'SummaryEntryView.reasons': { items: OUTCOME_REASONS.length },
  'Query.project': { work: 20, replay: { args: ['asOf', 'atRevision'], work: 200 } },
  'Query.projectHistory': { work: 50, page: { list: 'HistoryPageView.entries', size: (args) => between(1, 1000, args.limit) } },
  'Query.projectDiff': { work: 400 }, // two replays of the stream
  'Query.verifyProject': { work: 200 }, // hashes every event of the stream
  'Query.availableActions': { work: 50, items: ACTIONS.length }, // reads the stream, then decides each action in memory
  'Query.myWork': { work: 100, items: 50 },
  'Query.standardSolutions': { work: 50, items: 100 }, // its limit's at most
  'StandardSolutionEntryView.versions': { items: 10 },
  'StandardSolutionCommandResult.events': { items: 1 },
  'Query.monthlyStatistics': { work: REPORT, replay: WHOLE_LOG_REPLAY },
  'Query.quarterlyAnalysis': { work: 3 * REPORT, replay: WHOLE_LOG_REPLAY },
  'Query.winLossAnalysis': { work: REPORT, replay: WHOLE_LOG_REPLAY, items: 20 },
  // 售前考核: a unit's KPI facts of the months (a year's twelve at most) and the stage history's clocks
  'Query.presalesKpis': { work: REPORT, replay: WHOLE_LOG_REPLAY },
  'Query.presalesKpisOfMonth': { work: REPORT, replay: WHOLE_LOG_REPLAY, items: 30 },
  'Query.presalesKpiEvents': { work: REPORT, replay: WHOLE_LOG_REPLAY, page: { list: 'KpiEventPage.items', size: (args) => between(1, 100, args.limit) } },
  'PresalesKpisView.assessments': { items: 12 },
  'AssessmentView.versions': { items: 5 },
  'Query.health': { work: 20 },
  'Health.projections': { items: 9 },
  'Mutation.rebuildReadModels': { work: 10_000, items: 9 },
  'CommandResult.events': { items: 5 },
  'SatisfactionSurveySentResult.events': { items: 5 },
  'MonthlyStatistics.rows': { items: 20 },
  'StatisticsRow.leadsByChannel': { items: 10 },
  'StatisticsRow.approvalsByClass': { items: 10 },
  'StatisticsRow.lossesByReason': { items: 10 },
  'StatisticsRow.averageDaysPerStage': { items: 12 },
  'StatisticsRow.overdueByKind': { items: 7 }, // the kinds of time limit
  'StatisticsRow.overdueByPerson': { items: 20 },
  'StatisticsRow.demosHeldByPerson': { items: 20 },
  'StatisticsRow.terminationsByReason': { items: 10 },
  // management reports: a report's own stream replayed as of an instant; a restatement as of one replays the whole log
  'Query.monthlyReport': { work: 20, replay: { args: ['asOf'], work: 50 } },
  'Query.monthlyReports': { work: 50, items: 12 },
  'Query.monthlyReportRestatement': { work: REPORT, replay: WHOLE_LOG_REPLAY },
  'Query.quarterlyAnalysisReport': { work: 20, replay: { args: ['asOf'], work: 50 } },
  'Query.followUpActions': { work: 50, items: 200 }, // its limit's at most
  'Mutation.prepareMonthlyReport': { work: REPORT },
  'Mutation.prepareQuarterlyAnalysis': { work: 2 * REPORT },
  'MonthlyReportView.versions': { items: 5 },
  'MonthlyReportView.history': { items: 12 },
  'MonthlyReportVersionView.figures': { items: 120 },
  'MonthlyReportRestatementView.differences': { items: 120 },
  'QuarterlyAnalysisReportView.figures': { items: 120 },
  'QuarterlyAnalysisReportView.reports': { items: 3 },
  'QuarterlyAnalysisReportView.actions': { items: 10 },
  'ComparedQuarterView.figures': { items: 120 },
  'ComparedQuarterView.reports': { items: 3 },
  'FollowUpActionView.history': { items: 5 },
  'ReportCommandResultView.events': { items: 1 },
  'BoardCard.deadlines': { items: 2 }, // rarely more than two clocks run at once (the bid check and the bond)
  'Deadline.waitingFor': { items: 3 },
  'QuarterlyAnalysis.againstPreviousQuarter': { items: 16 },
  'QuarterlyAnalysis.againstSameQuarterLastYear': { items: 16 },
  'QuarterlyAnalysis.topLossReasons': { items: 5 },
  'WinLossGroup.competitorsBeaten': { items: 10 },
  'WinLossGroup.winReasons': { items: 10 },
  'WinLossGroup.competitorsMet': { items: 10 },
  'WinLossGroup.lossReasons': { items: 10 },
  'ProjectDiffView.changes': { items: 20 },
  'ActorView.roles': { items: 3 },
  // the project as typed: lists its inputs bound, else what a project typically gathers
  'ProjectView.milestones': { items: 50 }, // ApproveProjectInput's at most
  'ProjectView.representatives': { items: SIGNED_DOCUMENTS.length },
  'ProjectView.solutionVersions': { items: 5 },
  'ProjectView.agreementVersions': { items: 5 },
  'ProjectView.quotationVersions': { items: 5 },
  'ProjectView.negotiations': { items: 10 },
  'ProjectView.demos': { items: 5 },
  'ProjectView.competitorNotes': { items: 10 },
  'ProjectView.customerConfirmations': { items: 10 },
  'ProjectView.sentToCustomer': { items: 10 },
  'ProjectView.signingAppointments': { items: 5 },
  'ProjectView.trackingNotes': { items: 30 },
  'ProjectView.weeklyReports': { items: 20 },
  'ProjectView.challenges': { items: 5 },
  'ProjectView.meetingMemos': { items: 10 },
  'TrackingNoteView.participants': { items: 5 },
  'MeetingMemoView.participants': { items: 8 },
  'SummaryView.participants': { items: 8 },
  'DemoHeldView.presenters': { items: 3 },
  'TenderWorkView.advice': { items: 3 },
  'TenderWorkView.decisions': { items: 2 }, // the intent and the final decision
  'TenderWorkView.technicalBids': { items: 5 },
  'TenderEvaluationView.evaluators': { items: MAX_TENDER_PEOPLE },
  'BidKickOffView.attendees': { items: MAX_TENDER_PEOPLE },
  'BidKickOffView.assignments': { items: MAX_TENDER_PEOPLE },
  'BidOpeningView.attendees': { items: MAX_TENDER_PEOPLE },
  'BidOpeningView.bidders': { items: MAX_TENDER_PEOPLE },
  'BidResultView.reasons': { items: OUTCOME_REASONS.length },
  'BidResultView.competitors': { items: 30 }, // RecordBidResultInput's at most
  'ProjectView.documents': { items: 30 },
  'ProjectView.openDeadlines': { items: DEADLINE_KINDS.length }, // one clock of each kind at most
  'ReviewView.reviewers': { items: 20 }, // ConveneReviewInput's at most
  'ReviewView.votes': { items: 20 },
  'AgreementView.reviewers': { items: 20 },
  'AgreementView.votes': { items: 20 },
  'ReviewedVersionView.reviewers': { items: 20 },
  'ReviewedVersionView.votes': { items: 20 },
  'QuotationView.requiredApprovals': { items: 3 },
  'QuotationView.approvals': { items: 3 },
  'QuotationView.approvalsMissing': { items: 3 },
  'QuotationVersionView.requiredApprovals': { items: 3 },
  'QuotationVersionView.approvals': { items: 3 },
  'ContractView.chain': { items: 15 }, // the profile's chain and up to 10 inserted signers
  'TerminationView.deciders': { items: ROLES.length },
  'HandoverView.items': { items: 40 }, // the documents held (7 at most) and HandOverInput's 30
  'HandoverView.oralAgreementConfirmers': { items: ROLES.length },
  'DispatchView.signers': { items: ROLES.length },
  'SolutionDisputeView.deciders': { items: ROLES.length },
  'SummaryView.reasons': { items: OUTCOME_REASONS.length },
  // policy what-if: every call replays the whole log (`candidate` is always given), its periods bounded to 24 months
  'Query.policyWhatIf': { work: 20_000, replay: { args: ['candidate'], work: 20_000, wholeLog: true } },
  'PolicyWhatIfView.versionsInPeriod': { items: 3 },
  'ApprovalComparison.differences': { items: 100 },
  'ApprovalDifference.decidedAs': { items: 3 },
  'ApprovalDifference.inForce': { items: 3 },
  'ApprovalDifference.candidate': { items: 3 },
  'DeadlineComparison.differences': { items: 100 },
  'ClassComparison.differences': { items: 50 },
  'WeightedPipeline.stages': { items: 9 }, // the open stages
  // 售前项目管理 (document 004): a project's plan versions, task books, costs, meetings, reports and adjustments
  'SalesControlView.plans': { items: 10 },
  'SalesPlanVersionView.workItems': { items: 20 },
  'SalesPlanVersionView.participants': { items: 10 },
  'SalesControlView.taskBooks': { items: 5 },
  'TaskBookVersionView.milestones': { items: 10 },
  'SalesControlView.milestones': { items: 10 },
  'SalesControlView.costs': { items: 50 },
  'SalesControlView.meetings': { items: 20 },
  'WarRoomMeetingView.attendees': { items: 10 },
  'SalesControlView.progressReports': { items: 24 },
  'MonthlyProgressReportView.milestonesReached': { items: 5 },
  'SalesControlView.adjustments': { items: 10 },
  'PlanAdjustmentView.approvers': { items: ROLES.length },
};

/** Every command reads its project's stream and appends to it. */
export const COMMAND_WORK = 100;

/** The list fields a parent's argument sizes: priced per item here, multiplied by the parent. */
export const PAGED_LISTS: ReadonlySet<string> = new Set(Object.values(FIELD_COSTS).flatMap((cost) => (cost.page ? [cost.page.list] : [])));
