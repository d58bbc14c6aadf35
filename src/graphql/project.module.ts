import { Module } from '@nestjs/common';
import { Clock, SystemClock } from '../application/clock.js';
import { APP_FILTER } from '@nestjs/core';
import { ExecuteProjectCommandHandler } from '../application/execute-project-command.js';
import { GetProjectHandler } from '../application/get-project.query.js';
import { PolicyProvider } from '../application/policy.provider.js';
import { AppConfig } from '../config/app-config.js';
import { ExpectedErrorsFilter } from './expected-errors.filter.js';
import { ProjectResolver } from './project.resolver.js';
import { PipelineBoardResolver } from './pipeline-board.resolver.js';
import { BoardChanges } from './board-changes.js';
import { ReportsResolver } from './reports.resolver.js';
import { ReportsCsvController } from './reports-csv.controller.js';
import { ReadSideResolver } from './read-side.resolver.js';
import { OperationsResolver } from './operations.resolver.js';
import { WinLossAnalysis } from '../application/reports/win-loss-analysis.js';
import { MyWork } from '../application/my-work.query.js';
import { ProjectList } from '../application/projects.query.js';
import { PeriodReport } from '../application/reports/period-report.js';
import { ReadModelsAsOf } from '../application/reports/read-models-as-of.js';
import { GetPipelineBoardHandler } from '../application/pipeline-board.query.js';

@Module({
  controllers: [ReportsCsvController],
  providers: [
    ProjectResolver,
    PipelineBoardResolver,
    BoardChanges,
    ReportsResolver,
    ReadSideResolver,
    OperationsResolver,
    WinLossAnalysis,
    MyWork,
    ProjectList,
    PeriodReport,
    ReadModelsAsOf,
    GetPipelineBoardHandler,
    ExecuteProjectCommandHandler,
    GetProjectHandler,
    { provide: PolicyProvider, inject: [AppConfig], useFactory: (config: AppConfig) => new PolicyProvider(config.policy) },
    { provide: Clock, useClass: SystemClock },
    { provide: APP_FILTER, useClass: ExpectedErrorsFilter },
  ],
})
export class ProjectModule {}
