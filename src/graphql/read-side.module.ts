import { Module } from '@nestjs/common';
import { ProjectAudit } from '../application/audit/project-audit.js';
import { MyWork } from '../../projections/my-work/my-work.query.js';
import { GetPipelineBoardHandler } from '../../projections/pipeline-board/pipeline-board.query.js';
import { ProjectList } from '../../projections/pipeline-board/projects.query.js';
import { PeriodReport, PeriodReports } from '../../projections/monthly-statistics/period-report.js';
import { SummaryKnowledgeBase } from '../../projections/project-summaries/summary-search.query.js';
import { ReadModelsAsOf } from '../../projections/runtime/read-models-as-of.js';
import { TrackingTable } from '../../projections/tracking-table/tracking-table.query.js';
import { WinLossAnalysis } from '../../projections/win-loss/win-loss-analysis.js';
import { StandardSolutionCatalogue } from '../../projections/standard-solutions/standard-solutions.query.js';
import { StandardSolutionsResolver } from './standard-solutions.resolver.js';
import { ManagementReports } from '../../projections/management-reports/management-reports.query.js';
import { MonthFigures } from '../../projections/monthly-statistics/month-figures.js';
import { MonthlyRestatements } from '../../projections/management-reports/restatement.query.js';
import { ManagementReportsResolver } from './management-reports.resolver.js';
import { PresalesKpiReport, PresalesKpiReports } from '../../projections/presales-kpis/presales-kpis.query.js';
import { PresalesKpisResolver } from './presales-kpis.resolver.js';
import { AuditResolver } from './audit.resolver.js';
import { BoardChanges } from './board-changes.js';
import { OperationsResolver } from './operations.resolver.js';
import { PipelineBoardResolver } from './pipeline-board.resolver.js';
import { ProjectArchiveController } from './project-archive.controller.js';
import { ProjectModule } from './project.module.js';
import { ReadSideResolver } from './read-side.resolver.js';
import { ReportsCsvController } from './reports-csv.controller.js';
import { ReportsResolver } from './reports.resolver.js';
import { TrackingAndKnowledgeResolver } from './tracking-and-knowledge.resolver.js';

/** The read side: board, reports, analyses, my work, tracking table, summaries, live board changes, rebuilds, audit replay. */
@Module({
  imports: [ProjectModule],
  controllers: [ReportsCsvController, ProjectArchiveController],
  providers: [
    PipelineBoardResolver,
    GetPipelineBoardHandler,
    BoardChanges,
    ReportsResolver,
    PeriodReport,
    PeriodReports,
    ReadModelsAsOf,
    ReadSideResolver,
    WinLossAnalysis,
    MyWork,
    ProjectList,
    TrackingAndKnowledgeResolver,
    TrackingTable,
    SummaryKnowledgeBase,
    OperationsResolver,
    ProjectAudit,
    AuditResolver,
    StandardSolutionsResolver,
    StandardSolutionCatalogue,
    ManagementReportsResolver,
    ManagementReports,
    MonthFigures,
    MonthlyRestatements,
    PresalesKpisResolver,
    PresalesKpiReport,
    PresalesKpiReports,
  ],
})
export class ReadSideModule {}
